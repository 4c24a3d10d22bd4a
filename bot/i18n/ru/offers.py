"""Russian texts of offers and outcomes, why a lead went where it went, assigning."""

OFFERS: dict[str, str] = {
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
    "reason.least_loaded": "у вас меньше всего лидов в работе ({load})",
    "reason.duty": "дежурство: отдел не работает, лиды по очереди получают дежурные",
    "reason.round_robin_after": "ваша очередь (предыдущий лид отдан: {name})",
    "reason.head_decides": "выбор руководителя",
    "reason.nobody_available": "отдать некому: {passed}",
    "reason.assigned": "решение руководителя: {name}",
    "cause.returned": "лид вернули: {name}, причина: {why}",
    "cause.unreachable": "лид был у: {name} — бот не может написать в личный чат",
    "cause.removed": "лид передан дальше: {name} — больше не в команде",
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
    "announce.least_loaded": "меньше всего в работе",
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
}
