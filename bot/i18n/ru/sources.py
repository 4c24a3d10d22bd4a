"""Russian texts of form links: /source and what a form's lead carries."""

SOURCES: dict[str, str] = {
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
