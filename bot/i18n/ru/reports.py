"""Russian texts of the reports: /stats and its picture, /export, /replay, the Monday report.

Merged into `ru.MESSAGES`; nothing agrees with a person's gender, numbers are written as a
Russian reader writes them (a decimal comma).
"""

REPORTS: dict[str, str] = {
    "stats_header.week": "📊 <b>Распределение за 7 дней</b> ({first} — {last})",
    "stats_header.month": "📊 <b>Распределение за 30 дней</b> ({first} — {last})",
    "stats_header.range": "📊 <b>Распределение с {first} по {last}</b>",
    "stats_header.today": "📊 <b>Распределение за сегодня</b> ({first})",
    "stats_header.last_week": "📊 <b>Итоги недели</b> ({first} — {last})",
    "report.caption": "📊 Итоги недели в цифрах: {first} — {last}",
    "report.footer": ("Не присылать итоги по понедельникам: <code>/set digest нет</code>"),
    "stats.legend": (
        "Лиды, пришедшие за период, и что с ними сейчас. Время до взятия — медиана, в рабочих "
        "часах отдела."
    ),
    "stats.row": (
        "<b>{name}</b>: получено {received} · взято {taken} (в работе {in_work}, сделок {won}, "
        "отказов {lost}) · не взято {not_taken} · конверсия {conversion} · до взятия {take}"
    ),
    "stats.total_name": "Всего",
    "stats.waiting": "Ждут распределения: {count}",
    "stats.empty": "За период лидов нет.",
    "stats.channels": "<b>По каналам</b> (получено · взято · сделок · отказов · конверсия):",
    "stats.channel": "• {channel}: {received} · {taken} · {won} · {lost} · {conversion}",
    "stats.no_channel": "канал не указан",
    "stats.usage": (
        "Период: /stats сегодня, /stats неделя, /stats месяц или две даты: /stats "
        "01.11.2026 30.11.2026."
    ),
    "export.private_only": (
        "В выгрузке телефоны и e-mail клиентов: отправьте /export мне в личный чат."
    ),
    "export.usage": (
        "Выгрузка: /export месяц (файл Excel) или /export csv неделя; период — сегодня, "
        "неделя, месяц или две даты: /export 01.11.2026 30.11.2026."
    ),
    "export.empty": "За этот период лидов нет: выгружать нечего.",
    "export.caption_xlsx": (
        "📎 Лидов в выгрузке: {count}. Листы: «Лиды», «Итоги» (менеджеры рядом), «Каналы», "
        "«История»."
    ),
    "export.caption_csv": (
        "📎 Лидов в выгрузке: {count}. Файл CSV для Excel: разделитель «;», кодировка UTF-8."
    ),
    "export.file_name": "лиды",
    "export.sheet_channels": "Каналы",
    "export.sheet_summary": "Итоги",
    "export.outcome_lost": "отказ",
    "export.outcome_won": "сделка",
    "export_summary.row": "Менеджер",
    "export_summary.received": "Получено",
    "export_summary.taken": "Взято",
    "export_summary.in_work": "В работе",
    "export_summary.won": "Сделок",
    "export_summary.lost": "Отказов",
    "export_summary.not_taken": "Не взято",
    "export_summary.conversion": "Конверсия",
    "export_summary.median": "До взятия, мин (медиана, рабочее время)",
    "export_summary.waiting": "Ждут распределения",
    "export_summary.total": "Всего",
    "export_summary.channel": "Канал",
    "export_col.why": "Почему",
    "export_col.manager": "Менеджер",
    "export_col.event": "Событие",
    "export_col.when": "Когда",
    "export_col.request": "Запрос",
    "export_col.reason": "Причина отказа",
    "export_col.outcome": "Итог",
    "export_col.minutes": "До взятия, мин (рабочее время)",
    "export_col.taken": "Взят",
    "export_col.owner": "Менеджер",
    "export_col.state": "Состояние",
    "export_col.email": "E-mail",
    "export_col.phone": "Телефон",
    "export_col.name": "Имя",
    "export_col.company": "Компания",
    "export_col.industry": "Отрасль",
    "export_col.source": "Ссылка формы",
    "export_col.channel": "Канал",
    "export_col.received": "Поступил",
    "export_col.number": "№",
    "export_col.utm_source": "UTM: источник",
    "export_col.utm_medium": "UTM: тип трафика",
    "export_col.utm_campaign": "UTM: кампания",
    "export_col.utm_content": "UTM: объявление",
    "export_col.utm_term": "UTM: ключевая фраза",
    "export_col.brand": "Бренд / юрлицо",
    "export_col.federal": "Федеральный",
    "export_col.region": "Регион (где работает)",
    "export_col.registered_region": "Регион регистрации",
    "export_col.product": "Продукт",
    "export_col.tax_id": "ИНН",
    "export_col.answers": "Ответы формы",
    "export_col.cover_for": "Замещает",
    "export_col.taker": "Кем взят впервые",
    "export_col.closed": "Закрыт",
    "export.sheet_history": "История",
    "export.sheet_leads": "Лиды",
    "chart.other_channels": "остальные каналы",
    "chart.channels": "лидов по каналам",
    "chart.lost": "отказ",
    "chart.in_work": "в работе",
    "chart.not_taken": "не взят",
    "chart.manager": "{name} · до взятия {take}",
    "chart.caption": (
        "получено {received} · взято {taken} · сделок {won} · конверсия {conversion} · "
        "до взятия {take} (медиана, рабочее время)"
    ),
    "chart.waiting": "ждут распределения",
    "chart.won": "сделка",
    "chart.received": "лидов получено",
    "replay_header.round_robin": ("🔁 <b>Если бы лиды шли по очереди</b> ({first} — {last})"),
    "replay_header.head_decides": (
        "🔁 <b>Если бы менеджера для каждого лида выбирали руководители</b> ({first} — {last})"
    ),
    "replay_header.least_loaded": (
        "🔁 <b>Если бы лиды шли тем, у кого меньше всего в работе</b> ({first} — {last})"
    ),
    "replay_header.rules_off": "🔁 <b>Если бы правил не было</b> ({first} — {last})",
    "replay_header.known_client_off": (
        "🔁 <b>Если бы знакомых клиентов не отдавали их менеджеру</b> ({first} — {last})"
    ),
    "replay.leads": "Лидов за период: {count}. Способ тогда: «{mode}», {rules}.",
    "replay.leads_changed": "Лидов за период: {count}. Способ и правила за это время менялись:",
    "replay.regime": "• с {first} до {last}: «{mode}», {rules}",
    "replay.rules_none": "правил нет",
    "replay.rules": "правил: {count}",
    "replay.line": "<b>{name}</b>: было {actual} → стало бы {would}",
    "replay.nobody": "В команде за этот период никого не было.",
    "replay.spread": (
        "Разброс (больше всего минус меньше всего): было {actual} → стало бы {would}"
    ),
    "replay.unowned": "Сейчас ни у кого (ждут распределения): {count}",
    "replay.held": "Ждали бы начала рабочего дня: {count}",
    "replay.to_chat": "В чат отдела, взять может любой: {count}",
    "replay.to_heads": "На выбор руководителям: {count}",
    "replay.caveat": (
        "Как было тогда: состав команды, отпуска и паузы (с точностью до минуты), способ, "
        "правила, настройки команды, рабочие часы и очередь. Веса, личные лимиты, часы и "
        "дежурства, навыки, группы и синонимы — сегодняшние: их история не хранится. "
        "Ничего не изменено."
    ),
    "replay.first_come": (
        "Режим «Кто успел» переиграть нельзя: неизвестно, чья кнопка сработала бы раньше "
        "всех. Можно так: /replay по очереди, /replay руководитель, /replay правила нет, "
        "/replay знакомые нет."
    ),
    "replay.usage": (
        "Что переиграть: /replay по очереди, /replay руководитель, /replay правила нет "
        "или /replay знакомые нет, затем период, как в /stats (по умолчанию 30 дней): "
        "/replay по очереди 01.11.2026 30.11.2026."
    ),
    "chart.actual": "было",
    "chart.would": "стало бы",
    "chart.leads": "лидов",
}
