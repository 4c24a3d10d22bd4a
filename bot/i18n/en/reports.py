"""English texts of the reports: /stats and its picture, /export, /replay, the Monday report."""

REPORTS: dict[str, str] = {
    "stats_header.week": "📊 <b>Distribution over 7 days</b> ({first} — {last})",
    "stats_header.month": "📊 <b>Distribution over 30 days</b> ({first} — {last})",
    "stats_header.range": "📊 <b>Distribution from {first} to {last}</b>",
    "stats_header.today": "📊 <b>Distribution today</b> ({first})",
    "stats_header.last_week": "📊 <b>Last week</b> ({first} — {last})",
    "report.caption": "📊 Last week in figures: {first} — {last}",
    "report.footer": ("To stop the Monday report: <code>/set digest off</code>"),
    "stats.legend": (
        "The leads that came in the period, and where they stand now. Time to take: the "
        "median, in the team's working hours."
    ),
    "stats.row": (
        "<b>{name}</b>: received {received} · taken {taken} (in work {in_work}, won {won}, "
        "lost {lost}) · not taken {not_taken} · conversion {conversion} · to take {take}"
    ),
    "stats.total_name": "Total",
    "stats.waiting": "Waiting to be handed out: {count}",
    "stats.empty": "No leads in the period.",
    "stats.channels": "<b>By channel</b> (received · taken · won · lost · conversion):",
    "stats.channel": "• {channel}: {received} · {taken} · {won} · {lost} · {conversion}",
    "stats.no_channel": "no channel given",
    "stats.usage": (
        "The period: /stats today, /stats week, /stats month, or two dates: /stats "
        "2026-11-01..2026-11-30."
    ),
    "export.private_only": (
        "The export holds clients' phones and e-mails: send /export to me in private."
    ),
    "export.usage": (
        "Export: /export month (an Excel file) or /export csv week; the period: today, "
        "week, month or two dates: /export 2026-11-01..2026-11-30."
    ),
    "export.empty": "No leads in this period: nothing to export.",
    "export.caption_xlsx": (
        "📎 Leads exported: {count}. Sheets: Leads, Summary (managers side by side), Channels, "
        "History."
    ),
    "export.caption_csv": (
        "📎 Leads exported: {count}. A CSV file for Excel: “;” between columns, UTF-8."
    ),
    "export.file_name": "leads",
    "export.sheet_channels": "Channels",
    "export.sheet_summary": "Summary",
    "export.outcome_lost": "lost",
    "export.outcome_won": "won",
    "export_summary.row": "Manager",
    "export_summary.received": "Received",
    "export_summary.taken": "Taken",
    "export_summary.in_work": "In work",
    "export_summary.won": "Won",
    "export_summary.lost": "Lost",
    "export_summary.not_taken": "Not taken",
    "export_summary.conversion": "Conversion",
    "export_summary.median": "To take, min (median, working time)",
    "export_summary.waiting": "Waiting to be handed out",
    "export_summary.total": "Total",
    "export_summary.channel": "Channel",
    "export_col.why": "Why",
    "export_col.manager": "Manager",
    "export_col.event": "Event",
    "export_col.when": "When",
    "export_col.request": "Request",
    "export_col.reason": "Reason lost",
    "export_col.outcome": "Outcome",
    "export_col.minutes": "To take, min (working time)",
    "export_col.taken": "Taken",
    "export_col.owner": "Manager",
    "export_col.state": "State",
    "export_col.email": "E-mail",
    "export_col.phone": "Phone",
    "export_col.name": "Name",
    "export_col.company": "Company",
    "export_col.industry": "Industry",
    "export_col.source": "Form link",
    "export_col.channel": "Channel",
    "export_col.received": "Received",
    "export_col.number": "#",
    "export_col.utm_source": "UTM source",
    "export_col.utm_medium": "UTM medium",
    "export_col.utm_campaign": "UTM campaign",
    "export_col.utm_content": "UTM content",
    "export_col.utm_term": "UTM term",
    "export_col.brand": "Brand / entity",
    "export_col.federal": "Federal",
    "export_col.region": "Region (operating)",
    "export_col.registered_region": "Region of registration",
    "export_col.product": "Product",
    "export_col.tax_id": "Tax ID",
    "export_col.answers": "Form answers",
    "export_col.cover_for": "Covering for",
    "export_col.taker": "First taken by",
    "export_col.closed": "Closed",
    "export.sheet_history": "History",
    "export.sheet_leads": "Leads",
    "chart.other_channels": "other channels",
    "chart.channels": "leads by channel",
    "chart.lost": "lost",
    "chart.in_work": "in work",
    "chart.not_taken": "not taken",
    "chart.manager": "{name} · to take {take}",
    "chart.caption": (
        "received {received} · taken {taken} · won {won} · conversion {conversion} · "
        "to take {take} (median, working time)"
    ),
    "chart.waiting": "waiting to be handed out",
    "chart.won": "won",
    "chart.received": "leads received",
    "replay_header.round_robin": "🔁 <b>Had leads gone in turn</b> ({first} — {last})",
    "replay_header.head_decides": (
        "🔁 <b>Had the heads chosen the manager for every lead</b> ({first} — {last})"
    ),
    "replay_header.least_loaded": (
        "🔁 <b>Had leads gone to the least loaded</b> ({first} — {last})"
    ),
    "replay_header.rules_off": "🔁 <b>Had there been no rules</b> ({first} — {last})",
    "replay_header.known_client_off": (
        "🔁 <b>Had known clients not gone to their manager</b> ({first} — {last})"
    ),
    "replay.leads": "Leads in the period: {count}. The way then: “{mode}”, {rules}.",
    "replay.leads_changed": "Leads in the period: {count}. The way and the rules changed:",
    "replay.regime": "• from {first} to {last}: “{mode}”, {rules}",
    "replay.rules_none": "no rules",
    "replay.rules": "rules: {count}",
    "replay.line": "<b>{name}</b>: had {actual} → would have had {would}",
    "replay.nobody": "Nobody was in the team in this period.",
    "replay.spread": "Spread (most minus fewest): {actual} → {would}",
    "replay.unowned": "With nobody now (waiting to be distributed): {count}",
    "replay.held": "Would have waited for the working day: {count}",
    "replay.to_chat": "To the team chat, for anyone to claim: {count}",
    "replay.to_heads": "For the heads to choose: {count}",
    "replay.caveat": (
        "As it was then: who was in the team, vacations and pauses (to the minute), the way, "
        "the rules, the team's settings, working hours and the turn. Weights, personal caps, "
        "hours and duty, skills, groups and aliases are today's: they have no history. "
        "Nothing was changed."
    ),
    "replay.first_come": (
        "First come cannot be replayed: who would have tapped first is unknowable. Try "
        "/replay round_robin, /replay head_decides, /replay rules off or /replay "
        "known_client off."
    ),
    "replay.usage": (
        "What to replay: /replay round_robin, /replay head_decides, /replay rules off or "
        "/replay known_client off, then a period as in /stats (30 days by default): "
        "/replay round_robin 2026-11-01 2026-11-30."
    ),
    "chart.actual": "had",
    "chart.would": "would have had",
    "chart.leads": "leads",
}
