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
