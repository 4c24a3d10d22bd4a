"""English texts of open work: /my, /open, a lead's states and its history's words."""

LISTS: dict[str, str] = {
    # Reports
    "my.empty": "No open leads.",
    "my.header": "📂 <b>Your open leads: {count}</b>",
    "my.line": "#{id} · {client} · {age} · {state}",
    "my.hint": "A lead in detail: /lead and its number.",
    "my.team_header": "📂 <b>The team's open leads: {count}</b> (oldest first)",
    "my.team_empty": "The team has no open leads: all handed out and closed.",
    "my.team_more": "…and {count} more",
    "my.team_hint": (
        "A lead and its history: /lead and its number. Hand a lead out: /assign and its number."
    ),
    "open.hint": "A button with a number: hand that lead to a manager.",
    "open.whom": "➡️ Whom to give lead #{id}?",
    "team_state.taken": "in work",
    "team_state.offered": "offered, not accepted yet",
    "team_state.new": "waiting to be handed out",
    "state.new": "waiting to be distributed",
    "state.offered": "offered, waiting for the manager's answer",
    "state.taken": "in progress",
    "state.won": "won",
    "state.lost": "lost",
    "lead.private_only": (
        "A lead's card, with the client's contacts, opens only in a private chat with the bot."
    ),
    "lead.usage": "The lead's number: /lead 12.",
    "lead.now": "Now: {state}",
    "lead.not_found": "There is no such lead, or it is not yours.",
    "history.header": "🕓 <b>History</b>",
    "history.owner": "with: {name}",
    "history.line": "{when} — {text}",
    "history.unreachable": "the bot cannot write to the manager",
    "history.removed": "the manager left the team",
    "event.created": "arrived",
    "event.routed": "routed",
    "event.card_posted": "posted in the team chat",
    "event.card_refused": "Telegram refused the card",
    "event.claimed": "claimed in the chat",
    "event.accepted": "accepted",
    "event.returned": "returned",
    "event.assigned": "assigned",
    "event.won": "won",
    "event.lost": "lost",
    "span.instant": "under a second",
}
