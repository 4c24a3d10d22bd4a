"""Russian texts of modes, team settings and each manager's own."""

SETTINGS: dict[str, str] = {
    "cmd.mode": "Режим распределения",
    "cmd.settings": "Настройки отдела",
    "cmd.assign": "Назначить лид менеджеру",
    "cmd.reopen": "Вернуть закрытый лид в работу",
    "cmd.stats": "Кто сколько получил и закрыл",
    "cmd.replay": "Что было бы при другом способе распределения",
    "cmd.open": "Открытые лиды отдела: отдать лид",
    "cmd.export": "Выгрузить лиды в Excel",
    "cmd.lead": "Лид и история лида",
    "cmd.my": "Мои лиды в работе",
    "cmd.pause": "Пауза: не получать новые лиды",
    "cmd.resume": "Снова получать лиды",
    "cmd.weight": "Вес менеджера в очереди",
    "cmd.cap": "Лимит открытых лидов менеджера",
    "cmd.skills": "Навыки менеджера",
    # Modes and settings
    "mode.first_come": "Кто успел",
    "mode.round_robin": "По очереди",
    "mode.head_decides": "Решает руководитель",
    "mode.least_loaded": "Меньше всего в работе",
    "mode.menu": (
        "Режим распределения сейчас: <b>{mode}</b>.\n\n"
        "• Кто успел — лид появляется в чате отдела с кнопкой «Взять лид».\n"
        "• По очереди — лид сразу уходит следующему менеджеру в личный чат.\n"
        "• Решает руководитель — лид приходит руководителю с кнопками менеджеров.\n"
        "• Меньше всего в работе — лид уходит тому, у кого сейчас меньше всего открытых "
        "лидов (с учётом веса).\n\n"
        "Новый режим действует для новых лидов."
    ),
    "mode.switched": "Режим переключён: {mode}. Так распределяются новые лиды.",
    "mode.already": "Режим и так: {mode}.",
    "setting.mode": "режим распределения",
    "setting.cap": "лимит открытых лидов на менеджера",
    "setting.announce": "сообщать в чат отдела, кому отдан лид",
    "setting.cap.none": "нет",
    "setting.on": "да",
    "setting.off": "нет",
    # The console (a Mini App): its page shows these as plain text.
    "button.console": "🎛 Пульт",
    "console.title": "Пульт отдела",
    "console.mode": "Как раздаются лиды",
    "console.settings": "Настройки",
    "console.settings_hint": "Изменить настройку: /set имя значение в чате с ботом.",
    "console.saved": "Сохранено: {mode}.",
    "console.manager": (
        "Пульт — для руководителей отдела. Ваши лиды в работе — /my в чате с ботом."
    ),
    "console.failed": "Не получилось: {error}",
    "console.team": "Команда",
    "console.state_free": "🟢 лидов в работе нет",
    "console.state_working": "🔵 лиды в работе",
    "console.state_paused": "⏸ пауза",
    "console.state_away": "🌴 отпуск",
    "console.leads": "в работе: {count}",
    "console.weight": "вес: {weight}",
    "console.cap": "лимит: {cap}",
    "console.skills": "навыки: {skills}",
    "console.back_on": "по {day}",
    "console.deputy": "замещает: {name}",
    "console.pause": "Поставить на паузу",
    "console.resume": "Снять паузу",
    "console.rules": "Правила",
    "console.rules_none": "Правил нет: лиды раздаются по режиму отдела.",
    "console.rules_hint": (
        "Лид идёт по первому подходящему правилу. Порядок меняется перетаскиванием за ⠿; "
        "добавить правило — /rule add в чате с ботом."
    ),
    "console.moved": "Правило {number} теперь под номером {to}.",
    "settings.header": "⚙️ <b>Настройки отдела</b>",
    "settings.line": "• {label}: <b>{value}</b> — <code>/set {name} …</code>",
    "settings.hint": (
        "Изменить: /set имя значение, например <code>/set cap 10</code>, <code>/set cap "
        "нет</code>, <code>/set announce нет</code>, <code>/set mode по очереди</code>. "
        "Режим удобнее менять через /mode."
    ),
    "set.usage": "Напишите имя настройки и значение: /set cap 10. Все настройки — /settings.",
    "set.unknown": "Такой настройки нет. Все настройки — /settings.",
    "set.bad_mode": (
        "Режим: «кто успел», «по очереди», «решает руководитель» или «по загрузке» (меньше "
        "всего в работе). Или выберите в /mode."
    ),
    "set.bad_cap": "Лимит — число от 1 до 1000, или «нет», чтобы снять лимит.",
    "set.bad_switch": "Значение: «да» или «нет».",
    "set.done": "Сохранено: {label} — {value}.",
    "set.same": "Так и есть: {label} — {value}.",
    # Per manager
    "team.paused": "⏸ пауза",
    "team.weight": "вес {weight}",
    "team.cap": "лимит {cap}",
    "team.skills": "навыки: {skills}",
    "manager.not_member": "Это для участников команды. Вступите в чате отдела: /join.",
    "manager.usage": "Укажите менеджера: @username или номер из /team.",
    "pausing.self": (
        "Пауза включена: новые лиды по очереди вам не придут. Лиды в работе остаются у вас. "
        "Вернуться — /resume."
    ),
    "pausing.already_self": "Пауза уже включена. Вернуться — /resume.",
    "resuming.self": "Пауза снята: новые лиды снова будут приходить.",
    "resuming.already_self": "Паузы и не было: лиды приходят.",
    "pausing.other": "Пауза: {name}. Новых лидов по очереди этому менеджеру не будет до /resume.",
    "pausing.already_other": "Уже на паузе: {name}.",
    "resuming.other": "Пауза снята: {name}. Лиды снова будут приходить.",
    "resuming.already_other": "Не на паузе: {name}.",
    "weight.usage": "Вес в очереди: /weight @username 2 (от 1 до 10; 2 — вдвое больше лидов).",
    "weight.bad": "Вес — целое число от 1 до 10.",
    "weight.done": "Вес в очереди: {name} — {weight}.",
    "cap.usage": (
        "Лимит открытых лидов: /cap @username 15, или /cap @username нет — как у отдела."
    ),
    "cap.bad": "Лимит — число от 0 до 1000, или «нет» — как у отдела.",
    "cap.done": "Лимит открытых лидов: {name} — {cap}.",
    "cap.team": "как у отдела",
    "skills.usage": "Навыки через запятую: /skills @username CRM, интеграция 1С",
    "skills.too_many": "Не больше 20 навыков.",
    "skills.done": "Навыки: {name} — {skills}.",
}
