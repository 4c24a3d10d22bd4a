"""Russian texts of distribution and a lead's life (modes, offers, outcomes, reports).

Merged into `ru.MESSAGES`; the same rules hold: nothing agrees with a person's gender,
names stand in the nominative after a colon or a dash.
"""

WORK: dict[str, str] = {
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
    "mode.menu": (
        "Режим распределения сейчас: <b>{mode}</b>.\n\n"
        "• Кто успел — лид появляется в чате отдела с кнопкой «Взять лид».\n"
        "• По очереди — лид сразу уходит следующему менеджеру в личный чат.\n"
        "• Решает руководитель — лид приходит руководителю с кнопками менеджеров.\n\n"
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
        "Режим: «кто успел», «по очереди» или «решает руководитель». Или выберите в /mode."
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
    # Offers and outcomes
    "button.accept": "✅ Принять",
    "button.return": "↩️ Вернуть",
    "button.won": "🏆 Сделка",
    "button.lost": "❌ Отказ",
    "button.undo": "↩️ Отменить итог",
    "button.back": "← Назад",
    "return_why.profile": "Не мой профиль",
    "return_why.busy": "Слишком много лидов",
    "return_why.other": "Другая причина",
    "lost_why.no_answer": "Не отвечает",
    "lost_why.no_budget": "Нет бюджета",
    "lost_why.competitor": "Купили у конкурента",
    "lost_why.not_client": "Не клиент",
    "lost_why.other": "Другое",
    "offer.title": "📨 <b>Лид №{id} для вас</b>",
    "offer.hint": "Примите лид, чтобы получить телефон и e-mail клиента, или верните лид.",
    "offer.accepted": "Лид №{id} ваш: контакты — в карточке.",
    "offer.returned": "↩️ Лид возвращён, причина: {why}. Лид уходит дальше.",
    "offer.returned_toast": "Лид №{id} возвращён.",
    "ask.title": "🧭 <b>Кому отдать лид №{id}?</b>",
    "ask.hint": (
        "⭐ — навыки подходят к лиду, ⏸ — на паузе, 🌙 — нерабочее время менеджера; число "
        "— открытые лиды."
    ),
    "ask.hint_cap": (
        "⭐ — навыки подходят к лиду, ⏸ — на паузе, 🌙 — нерабочее время менеджера; числа "
        "— открытые лиды и лимит."
    ),
    "ask.done": "✅ Назначено: {name} (решение руководителя: {head}).",
    "card.assigned": "✅ В работе у: <b>{name}</b> (решение руководителя: {head})",
    "card.owner": "✅ В работе у: <b>{name}</b>",
    "outcome.by_won": "🏆 Сделка. Менеджер: <b>{name}</b>.",
    "outcome.by_lost": "❌ Отказ — {why}. Менеджер: <b>{name}</b>.",
    "outcome.won": "🏆 Итог: сделка.",
    "outcome.lost": "❌ Итог: отказ — {why}.",
    "outcome.undone": "↩️ Итог отменён: лид снова в работе.",
    "outcome.won_toast": "Лид №{id}: сделка. Поздравляю!",
    "outcome.undone_toast": "Итог отменён: лид №{id} снова в работе.",
    "outcome.too_late": (
        "Отменить итог можно только в первые 5 минут. Вернуть лид в работу может "
        "руководитель: /reopen {id}."
    ),
    "return.ask_reason": (
        "✍️ Лид №{id} возвращён по другой причине. По какой? Ответьте сюда одним сообщением "
        "— причина попадёт в историю лида и к следующему менеджеру."
    ),
    "return.explained": "ℹ️ Лид №{id}: причина, по которой лид вернули ({name}) — «{text}».",
    "event.return_note": "причина возврата",
    "lost.ask_reason": (
        "✍️ Лид №{id}: отказ по другой причине. По какой? Ответьте сюда одним сообщением "
        "— причина попадёт в историю лида."
    ),
    "lost.reason_saved": "Записано в историю лида №{id}: «{text}».",
    "lost.reason_late": (
        "Этот ответ уже не к чему привязать: лид снова в работе или вопрос устарел. "
        "Историю лида показывает /lead."
    ),
    "outcome.lost_toast": "Лид №{id} закрыт: отказ.",
    "claim.at_cap": (
        "У вас уже столько открытых лидов, сколько позволяет лимит. Закройте какой-нибудь "
        "(/my), и можно будет взять новый. Этот лид остаётся свободным."
    ),
    "handover.moved": "➡️ Лид №{id} передан по решению руководителя. Теперь лид у: {name}.",
    # Why a lead went where it went
    "reason.first_come": "в чате отдела для всех",
    "reason.round_robin": "ваша очередь",
    "reason.duty": "дежурство: отдел не работает, лиды по очереди получают дежурные",
    "reason.round_robin_after": "ваша очередь (предыдущий лид отдан: {name})",
    "reason.head_decides": "выбор руководителя",
    "reason.nobody_available": "отдать некому: {passed}",
    "reason.assigned": "решение руководителя: {name}",
    "cause.returned": "лид вернули: {name}, причина: {why}",
    "cause.unreachable": "лид был у: {name} — бот не может написать в личный чат",
    "cause.removed": "лид сначала предложили: {name} — больше не в команде",
    "cause.reassigned": "лид был у: {name}",
    "passed.nobody": "в команде нет менеджеров",
    "passed.entry": "{name} — {why}",
    "skip.paused": "пауза",
    "skip.at_cap": "лимит лидов",
    "skip.excluded": "уже отказались от этого лида или не приняли вовремя",
    "notice.nobody_available": (
        "⚠️ Лид №{id}: отдать некому ({passed}). Лид опубликован в чате отдела "
        "с кнопкой «Взять лид»; можно и назначить: /assign {id} @username."
    ),
    "announce.line": "№{id} {client} → {name} · {how}",
    "announce.round_robin": "по очереди",
    "announce.duty": "дежурство",
    "announce.assigned": "решение руководителя",
    "lead.no_name": "лид без имени",
    # Assigning
    "assign.usage": "Кому отдать лид: /assign 12 @username или /assign 12 и номер из /team.",
    "assign.done": "Лид №{id} назначен: {name}.",
    "assign.same": "Лид №{id} и так у: {name}.",
    "assign.taken": "Лид №{id} уже назначен: {name}.",
    "assign.closed": "Лид №{id} уже закрыт, переназначать нечего.",
    "assign.no_lead": "Лида №{id} нет.",
    "assign.no_member": "Такого менеджера в команде нет. Список — /team.",
    "reopen.usage": "Какой лид вернуть в работу: /reopen 12.",
    "reopen.done": "Лид №{id} снова в работе у: {name}.",
    "reopen.open": "Лид №{id} не закрыт: возвращать в работу нечего.",
    "reopen.owner_gone": (
        "Лид №{id} закрыт менеджером, которого больше нет в команде: вернуть лид в работу некому."
    ),
    "reopen.owner": (
        "🔁 Лид №{id} снова в работе у вас, решение руководителя: {head}. "
        "Карточка с контактами — ниже."
    ),
    "reason.reopened": "лид снова в работе, решение руководителя: {head}",
    "card.reopened": "🔁 Снова в работе у: <b>{name}</b> (решение руководителя: {head})",
    "event.reopened": "снова в работе",
    "event.undone": "итог отменён",
    "event.lost_note": "причина отказа",
    # Reports
    "my.empty": "Открытых лидов нет.",
    "my.header": "📂 <b>Ваши открытые лиды: {count}</b>",
    "my.line": "№{id} · {client} · {age} · {state}",
    "my.hint": "Подробно о лиде: /lead и номер.",
    "my.team_header": "📂 <b>Открытые лиды отдела: {count}</b> (сначала самые старые)",
    "my.team_empty": "У отдела нет открытых лидов: все розданы и закрыты.",
    "my.team_more": "…и ещё лидов: {count}",
    "my.team_hint": "Лид и история лида: /lead и номер. Отдать лид: /assign и номер.",
    "open.hint": "Кнопка с номером — отдать лид менеджеру.",
    "open.whom": "➡️ Кому отдать лид №{id}?",
    "team_state.taken": "в работе",
    "team_state.offered": "предложен, ещё не принят",
    "team_state.new": "ждёт распределения",
    "state.new": "ждёт распределения",
    "state.offered": "предложен, ждёт ответа менеджера",
    "state.taken": "в работе",
    "state.won": "сделка",
    "state.lost": "отказ",
    "lead.private_only": (
        "Карточка лида с контактами клиента открывается только в личном чате с ботом."
    ),
    "lead.usage": "Номер лида: /lead 12.",
    "lead.now": "Сейчас: {state}",
    "lead.not_found": "Такого лида нет, или этот лид не ваш.",
    "history.header": "🕓 <b>История</b>",
    "history.owner": "у кого: {name}",
    "history.line": "{when} — {text}",
    "history.unreachable": "бот не может написать менеджеру",
    "history.removed": "менеджера убрали из команды",
    "event.created": "поступил",
    "event.routed": "распределён",
    "event.card_posted": "опубликован в чате отдела",
    "event.card_refused": "Telegram не дал опубликовать карточку",
    "event.claimed": "взят из чата",
    "event.accepted": "принят",
    "event.returned": "возвращён",
    "event.assigned": "назначен",
    "event.won": "сделка",
    "event.lost": "отказ",
    "span.instant": "меньше секунды",
    # Sources: intake links
    "cmd.source": "Ссылка для формы: /source add имя",
    "cmd.sources": "Формы и площадки, откуда идут лиды",
    "field.more_fields": "Остальные поля формы",
    "field.files": "Файлы (не сохраняются)",
    "field.utm_term": "Ключевое слово",
    "field.utm_content": "Объявление",
    "field.utm_campaign": "Рекламная кампания",
    "field.utm_medium": "Тип рекламы",
    "field.utm_source": "Источник рекламы",
    "field.federal": "Федеральная компания",
    "field.brand": "Бренд",
    "field.registered_region": "Регион регистрации",
    "source.usage": (
        "Ссылки для форм и рекламных площадок:\n"
        "• /source add site — новая ссылка; /source add tilda сайт — с каналом «сайт»;\n"
        "• /source add vk_ads vk confirm=строка secret=ключ — для форм VK (Callback API);\n"
        "• /source del имя — удалить; /source rotate имя — выдать новую ссылку;\n"
        "• /sources — все ссылки, сколько лидов пришло и последняя ошибка."
    ),
    "source.usage_vk": (
        "Для VK нужны оба значения из настроек Callback API сообщества: "
        "/source add vk_ads vk confirm=строка_подтверждения secret=секретный_ключ"
    ),
    "source.added": (
        "✅ Ссылка для «{name}» (канал: {channel}):\n<code>{link}</code>\n\n"
        "Вставьте ссылку в настройки формы как адрес вебхука (Tilda: Настройки сайта → Формы → "
        "Webhook; WordPress: в плагине формы — Webhook URL). Лиды по этой ссылке получат канал, "
        "если форма не пришлёт свой. Ссылка — секрет: показываю один раз."
    ),
    "source.added_vk": (
        "✅ Ссылка для VK «{name}» (канал: {channel}):\n<code>{link}</code>\n\n"
        "В VK: Управление сообществом → Работа с API → Callback API → добавьте сервер с этим "
        "адресом, нажмите «Подтвердить», затем в «Типах событий» включите «Формы сбора "
        "заявок: новая заявка». Ссылка — секрет: показываю один раз."
    ),
    "source.no_public_url": (
        "⚠️ PUBLIC_URL не задан, поэтому ссылка указывает на локальный адрес бота. Впишите "
        "в .env строку <code>PUBLIC_URL=https://ваш-адрес</code> (адрес, по которому сайт "
        "достучится до бота), перезапустите бота и выдайте ссылку заново: /source rotate."
    ),
    "source.no_channel": "не задан",
    "source.exists": "Ссылка с именем «{name}» уже есть. Новая — /source rotate {name}.",
    "source.bad_name": "Имя — одно слово: буквы, цифры, точка, дефис или _, до 40 знаков.",
    "source.not_found": "Ссылки с именем «{name}» нет. Все ссылки — /sources.",
    "source.deleted": "Ссылка «{name}» удалена: заявки на эту ссылку больше не принимаются.",
    "source.rotated": (
        "🔁 Новая ссылка для «{name}»:\n<code>{link}</code>\n\n"
        "Старая больше не работает: замените адрес в настройках формы."
    ),
    "source.private_only": "Ссылки — секрет: отправьте эту команду мне в личный чат.",
    "sources.header": "🔗 <b>Откуда идут лиды</b>",
    "sources.empty": "Ссылок для форм пока нет. Новая — /source add имя.",
    "sources.line": (
        "<b>{name}</b> · канал: {channel}\n"
        "лидов сегодня: {today}, за 7 дней: {week}; последний: {last}"
    ),
    "sources.never": "ещё не было",
    "sources.refused": "⚠️ Последняя отклонённая заявка {when}: {why}",
    "board.queue": (
        "🔥 <b>Очередь новых лидов</b> · ждут: {count}\n"
        "Лидов сейчас больше, чем чат успевает показать по одному. Нажмите кнопку с номером "
        "лида, чтобы взять лид: контакты придут вам в личный чат."
    ),
    "board.queue_more": "🔥 <b>Очередь новых лидов</b> (продолжение)",
    "board.queue_done": (
        "✅ <b>Очередь разобрана</b>: новые лиды снова приходят отдельными карточками."
    ),
    "board.digest": "🗒 <b>Сводка</b> · новые строки добавляются сюда",
    "board.digest_private": "🗒 <b>Сразу несколько новостей</b>",
    "board.digest_more": "🗒 <b>Сводка</b> (продолжение)",
    "notice.hours_first": (
        "🌙 Лид №{id} ждёт начала рабочего дня ({hours}): в рабочее время бот отдаст лид "
        "менеджеру. Изменить часы: /set work_hours, или пусть ночью лиды получают дежурные: "
        "/set off_hours дежурные."
    ),
    "notice.hours_count": (
        "🌙 Ждут начала рабочего дня ({hours}): лидов — {count}, последний — №{id}. "
        "В рабочее время бот отдаст их менеджерам. Изменить часы: /set work_hours, или пусть "
        "ночью лиды получают дежурные: /set off_hours дежурные."
    ),
    "notice.refused_ours": ("⚠️ Сообщение бота не дошло ({chat}): {why}. Начало текста:\n{start}"),
}
