"""Russian texts of routing rules: groups, rules, aliases, the known client and /route.

Merged into `ru.MESSAGES`; nothing agrees with a person's gender, names stand in the
nominative after a colon or a dash.
"""

RULES: dict[str, str] = {
    "cmd.group": "Группа менеджеров: /group add имя @user",
    "cmd.groups": "Группы менеджеров",
    "cmd.rule": "Правило: /rule add industry=medical -> @user",
    "cmd.rules": "Правила распределения",
    "cmd.alias": "Другие написания значений",
    "cmd.route": "Проверить, кому уйдёт лид",
    # Settings
    "setting.known_client": "известный клиент — сначала своему менеджеру",
    "setting.region_basis": "какой регион видят правила",
    "setting.franchise": "франшизы и сети",
    "region_basis.operating": "где клиент работает",
    "region_basis.registered": "где компания зарегистрирована",
    "franchise.entity": "каждое юрлицо отдельно",
    "franchise.brand": "один бренд — один менеджер",
    "set.bad_region_basis": (
        "Значение: «фактический» (где клиент работает) или «юридический» (где компания "
        "зарегистрирована)."
    ),
    "set.bad_franchise": (
        "Значение: «юрлицо» (каждое юрлицо отдельно) или «бренд» (один бренд — один менеджер)."
    ),
    # Reasons
    "reason.known_client": "известный клиент: {match}",
    "reason.known_skipped": "известный клиент ({match}), ведёт: {name} — {why}",
    "reason.rule": "правило {number}: {field} = {value}",
    "reason.rule_unknown": "правило распределения",
    "neutral.handback": "снова в работе; лид был у заместителя: {name}",
    "neutral.cover_for": "замещение: {name}",
    "neutral.claimed": "«Взять лид» нажато раньше всех в чате отдела",
    "neutral.round_robin_after": "по очереди (предыдущий лид отдан: {name})",
    "neutral.round_robin": "по очереди",
    "neutral.least_loaded": "меньше всего лидов в работе ({load})",
    "reason.group": "группа {group}",
    "reason.group_turn_after": "очередь в группе (предыдущий лид отдан: {name})",
    "reason.group_least_loaded": "в группе меньше всего лидов в работе ({load})",
    "rule_field.channel": "канал",
    "rule_field.industry": "отрасль",
    "rule_field.region_registered": "регион регистрации",
    "rule_field.region": "регион",
    "rule_value.federal": "федеральный",
    "rule_field.product": "продукт",
    "known.brand": "тот же бренд, что у лида №{lead}",
    "known.phone": "тот же телефон, что у лида №{lead}",
    "known.email": "тот же e-mail, что у лида №{lead}",
    "known.tax_id": "тот же ИНН, что у лида №{lead}",
    "known.company": "та же компания, что у лида №{lead}",
    "known.telegram": "тот же контакт в Telegram, что у лида №{lead}",
    "miss.left": "нет в команде",
    "miss.empty": "в группе сейчас никто не может взять лид",
    "miss.gone": "группа удалена",
    "fallthrough.entry": "правило {number} пропущено: {target} — {why}",
    "fallthrough.group": "группа {group}",
    "fallthrough.member": "{name}",
    "announce.known_client": "известный клиент",
    "announce.rule": "по правилу",
    "claim.not_in_group": "Этот лид для группы {group}. Взять лид могут только участники группы.",
    "card.for_group": "👥 Для группы: {group}",
    # Groups
    "group.usage": (
        "Группы менеджеров для правил:\n"
        "• /group add gov @ivan @olga — создать группу или добавить в группу менеджеров;\n"
        "• /group mode gov по очереди — лиды группы идут по очереди (или «кто успел» — "
        "кто раньше нажмёт);\n"
        "• /group del gov @ivan — убрать из группы, /group del gov — удалить группу;\n"
        "• /groups — все группы."
    ),
    "group.bad_name": "Имя группы — одно слово до 32 букв и цифр: /group add gov @ivan.",
    "group.too_big": "В группе может быть до {max} менеджеров.",
    "group.created": (
        "Группа {group} создана: {names}. Режим: кто успел; поменять — /group mode "
        "{group} по очереди."
    ),
    "group.extended": "В группу {group} добавлены: {names}.",
    "group.not_found": "Группы {group} нет. Все группы — /groups.",
    "group.bad_mode": "Режим группы: «кто успел», «по очереди» или «по загрузке».",
    "group.mode_set": "Группа {group}: {mode}.",
    "group.in_use": "Группа {group} нужна правилам: {rules}. Сначала удалите или поменяйте "
    "их (/rules).",
    "group.deleted": "Группа {group} удалена.",
    "group.left": "Из группы {group} убраны: {names}.",
    "groups.none": "Групп пока нет. Создать: /group add gov @ivan @olga.",
    "groups.title": "<b>Группы</b>",
    "groups.line": "• {group} — {mode}: {names}",
    "groups.empty": "никого",
    "groups.hint": "\nЛид в группу отправляет правило: /rule add channel=instagram -> group:имя.",
    # Rules
    "rule.usage": (
        "Правила распределения:\n"
        "• /rule add industry=медицина,фарма -> @olga — лиды из медицины и фармы идут "
        "менеджеру;\n"
        "• /rule add channel=instagram -> group:social — лиды из Instagram идут группе;\n"
        "• /rule add region=федеральный -> @boris — федеральные компании;\n"
        "• /rule del 3 — удалить правило 3, /rule move 3 1 — поставить правило 3 на "
        "первое место;\n"
        "• /rules — список, /route — проверить, кому уйдёт лид."
    ),
    "rule.bad_field": (
        "Правила смотрят на канал, отрасль, регион, продукт (<code>channel</code>, "
        "<code>industry</code>, <code>region</code>, <code>product</code>) или на поле "
        "формы по имени, но не на «{field}»."
    ),
    "rule.bad_values": (
        "Нужно хотя бы одно значение, до 50 значений по 100 символов: /rule add "
        "industry=медицина,фарма -> @olga."
    ),
    "rule.unknown_member": "Менеджера {who} нет в команде. Номер или @username — в /team.",
    "rule.too_many": "Правил может быть до {max}.",
    "rule.added": "Правило {number} добавлено. Все правила — /rules.",
    "rule.no_such": "Правила {number} нет: всего правил — {count}. Список — /rules.",
    "rule.deleted": "Правило {number} удалено. Номера правил ниже сдвинулись — /rules.",
    "rule.moved": "Правило {number} теперь под номером {to}. Все правила — /rules.",
    "rules.title": "<b>Правила распределения</b> (решает первое подходящее)",
    "rules.none": "Правил пока нет.",
    "rules.default": "Остальные лиды: режим отдела — {mode}.",
    "rules.known_client": "Известный клиент — сначала своему менеджеру: {state}.",
    "rules.hint": (
        "Добавить: /rule add industry=медицина -> @olga. Проверить: /route industry=медицина."
    ),
    "rules.condition": "{number}. {field} = {values}",
    "rules.line_member": "{condition} → {name}",
    "rules.line_broken": "{condition} → {name} ⚠️ нет в команде, правило пропускается",
    "rules.line_paused": "{condition} → {name} ⏸ пауза: лиды идут дальше по списку",
    "rules.line_no_group": "{condition} → ⚠️ группа удалена, правило пропускается",
    "rules.line_group": "{condition} → группа {group} ({mode})",
    # Aliases
    "alias.usage": (
        "Другие написания одного значения:\n"
        "• /alias region мск Москва — «мск» в форме значит «Москва»;\n"
        '• /alias channel yandex "Яндекс Директ" — значения с пробелами в кавычках;\n'
        "• /alias del region мск — удалить; /alias — все написания."
    ),
    "alias.same": "Это одно и то же значение: регистр, пробелы и ё/е правила и так не различают.",
    "alias.added": "Сохранено: «{alias}» значит «{canonical}».",
    "alias.not_found": "Написания «{alias}» нет. Все написания — /alias.",
    "alias.deleted": "Написание «{alias}» удалено.",
    "alias.none": "Других написаний пока нет. Добавить: /alias region мск Москва.",
    "alias.title": "<b>Другие написания</b>",
    "alias.line": "• {field}: «{alias}» = «{canonical}»",
    # /route
    "route.usage": "Напишите поля лида: /route industry=medical region=Москва "
    "phone=+79001234567. Ничего не изменится.",
    "route.title": "🔎 Проверка маршрута, ничего не изменено.",
    "route.to_member": "Лид получит: {name}",
    "route.to_group": "Лид уйдёт в чат отдела для группы {group}, взять смогут: {names}",
    "route.to_chat": "Лид уйдёт в чат отдела, взять сможет любой менеджер",
    "route.to_heads": "Менеджера выберет руководитель, в списке: {names}",
    "route.why": "Почему: {reason}",
    "route.passed": "Пропущены: {passed}",
}
