"""Russian texts of the first contact with a client: 📞, its reminder and timeout."""

CONTACT: dict[str, str] = {
    "setting.contact_remind": "напоминание менеджеру, если с клиентом ещё не связались",
    "setting.contact_timeout": "передать лид дальше, если с клиентом так и не связались",
    "button.contacted": "📞 Есть контакт",
    "contact.toast": "Лид №{id}: контакт с клиентом отмечен.",
    "contact.done": "📞 С клиентом связались {wait} после заявки",
    "contact.remind": (
        "📞 Лид №{id} ({client}) у вас уже {age}, а связи с клиентом ещё нет. Позвоните или "
        "напишите клиенту и нажмите «📞 Есть контакт»: первые минуты решают."
    ),
    "contact.lapsed": "📵 Связи с клиентом не было {wait}: лид передан дальше.",
    "notice.no_contact": (
        "📵 Лид №{id}: нет связи с клиентом за {wait} (менеджер — {name}). Дальше: {where}."
    ),
    "escalate.no_contact_passes": (
        "📵 Лид №{id}: нет связи с клиентом за {wait} (менеджер — {name}). Передач было: "
        "{passes} — дальше решает руководитель."
    ),
    "contact.no_contact_for": "Нет связи с клиентом {wait}",
    "card.returned_why": "↩️ {why} ({name}): лид опубликован заново ниже.",
    "cause.no_contact": "нет связи с клиентом за {wait}: {name}",
    "history.no_contact": "нет связи с клиентом за {wait}",
    "event.contacted": "связь с клиентом",
    # The same client again
    "setting.duplicate_window": "повторная заявка того же клиента в этот срок — в тот же лид",
    "repeat.title": "🔁 Повторная заявка от клиента лида №{id} ({client}).",
    "repeat.nothing_new": "Нового в заявке ничего.",
    "newlead.joined": (
        "Этот клиент уже есть в открытом лиде №{id}: заявка добавлена в историю лида."
    ),
    "event.repeated": "повторная заявка",
    # A deal's amount
    "button.no_amount": "Без суммы",
    "amount.ask": (
        "💰 Сумма сделки по лиду №{id}? Напишите числом: 150 000, 150к или 1,5 млн. "
        "Если суммы нет — кнопка ниже."
    ),
    "amount.saved": "💰 Лид №{id}: сумма сделки — {amount}.",
    "amount.bad": (
        "Не получилось прочитать сумму по лиду №{id}. Напишите число, например 150 000, "
        "150к или 1,5 млн, или нажмите «Без суммы»."
    ),
    "amount.skipped": "Лид №{id}: без суммы.",
    "amount.closed": "Вопрос о сумме по лиду №{id} уже закрыт.",
    "event.amount": "сумма сделки",
    # Reports
    "stats.speed": (
        "<b>Связь с клиентом</b> (от заявки до первого контакта в рабочее время: медиана · "
        "за 5 мин · за 1 ч · за 24 ч · без контакта):"
    ),
    "stats.speed_row": "• {name}: {median} · {five} · {hour} · {day} · {never}",
    "stats.speed_waiting": "сейчас без менеджера",
    "stats.speed_channels": "По каналам:",
    "export_col.contacted": "Связались с клиентом",
    "export_col.contact_minutes": "До контакта, мин (рабочее время)",
    "export_col.amount": "Сумма сделки",
    "export_summary.amount": "Сумма сделок",
    "export_summary.average_deal": "Средний чек",
    "stats.money": "<b>Сделки</b> (сделок · с суммой · сумма · средний чек · конверсия):",
    "stats.money_row": "• {name}: {won} · {priced} · {amount} · {average} · {conversion}",
    "chart.caption_money": "{caption} · сумма сделок {amount}",
    "export_summary.contact_median": "До контакта, мин (медиана, рабочее время)",
    "export_summary.within_5m": "Связались за 5 мин",
    "export_summary.within_1h": "За 1 ч",
    "export_summary.within_24h": "За 24 ч",
    "export_summary.never_reached": "Без контакта",
    "chart.speed": "лидов по времени до первого контакта с клиентом (рабочее время)",
    "chart.within_5m": "до 5 мин",
    "chart.within_1h": "5 мин – 1 ч",
    "chart.within_24h": "1–24 ч",
    "chart.later": "позже",
    "chart.manager_contact": "{name} · до контакта {wait}",
    "chart.never": "без контакта",
}
