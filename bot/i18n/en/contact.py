"""English texts of the first contact with a client: 📞, its reminder and timeout."""

CONTACT: dict[str, str] = {
    "setting.contact_remind": "remind the manager while the client has not been reached",
    "setting.contact_timeout": "pass the lead on if the client is still not reached",
    "button.contacted": "📞 Reached the client",
    "contact.toast": "Lead #{id}: contact with the client recorded.",
    "contact.done": "📞 Client reached {wait} after the request came",
    "contact.remind": (
        "📞 Lead #{id} ({client}) has been yours for {age} and the client has not been "
        "reached yet. Call or write to them, then tap «📞 Reached the client»: the first "
        "minutes decide."
    ),
    "contact.lapsed": "📵 The client was not reached for {wait}: the lead was passed on.",
    "notice.no_contact": (
        "📵 Lead #{id}: the client was not reached within {wait} (manager: {name}). Next: {where}."
    ),
    "escalate.no_contact_passes": (
        "📵 Lead #{id}: the client was not reached within {wait} (manager: {name}). Passed on "
        "{passes} times: a head of sales decides now."
    ),
    "contact.no_contact_for": "The client was not reached for {wait}",
    "card.returned_why": "↩️ {why} ({name}): the lead is posted again below.",
    "cause.no_contact": "the client was not reached within {wait}: {name}",
    "history.no_contact": "the client was not reached within {wait}",
    "event.contacted": "client reached",
    # The same client again
    "setting.duplicate_window": "a repeat from the same client this soon joins the open lead",
    "repeat.title": "🔁 The client of lead #{id} ({client}) sent a request again.",
    "repeat.nothing_new": "Nothing new in it.",
    "newlead.joined": (
        "This client is in open lead #{id} already: the request went into its history."
    ),
    "event.repeated": "repeat request",
    # A deal's amount
    "button.no_amount": "No amount",
    "amount.ask": (
        "💰 What was the deal of lead #{id} worth? Write a number: 150000, 150k or 1.5m. "
        "If there is none, tap the button below."
    ),
    "amount.saved": "💰 Lead #{id}: the deal is worth {amount}.",
    "amount.bad": (
        "That is not an amount for lead #{id}. Write a number, such as 150000, 150k or "
        "1.5m, or tap “No amount”."
    ),
    "amount.skipped": "Lead #{id}: no amount.",
    "amount.closed": "The question of lead #{id}'s amount is closed already.",
    "event.amount": "deal amount",
    # Reports
    "stats.speed": (
        "<b>Reaching the client</b> (from the request to the first contact in working time: "
        "median · within 5 min · 1 h · 24 h · never reached):"
    ),
    "stats.speed_row": "• {name}: {median} · {five} · {hour} · {day} · {never}",
    "stats.speed_waiting": "with no manager now",
    "stats.speed_channels": "By channel:",
    "export_col.contacted": "Client reached",
    "export_col.contact_minutes": "To contact, min (working time)",
    "export_col.amount": "Deal amount",
    "export_summary.amount": "Deals' amount",
    "export_summary.average_deal": "Average deal",
    "stats.money": "<b>Deals</b> (won · with an amount · amount · average deal · conversion):",
    "stats.money_row": "• {name}: {won} · {priced} · {amount} · {average} · {conversion}",
    "chart.caption_money": "{caption} · deals worth {amount}",
    "export_summary.contact_median": "To contact, min (median, working time)",
    "export_summary.within_5m": "Reached within 5 min",
    "export_summary.within_1h": "Within 1 h",
    "export_summary.within_24h": "Within 24 h",
    "export_summary.never_reached": "Never reached",
    "chart.speed": "leads by time to the first contact with the client (working time)",
    "chart.within_5m": "up to 5 min",
    "chart.within_1h": "5 min – 1 h",
    "chart.within_24h": "1–24 h",
    "chart.later": "later",
    "chart.manager_contact": "{name} · to contact {wait}",
    "chart.never": "never reached",
}
