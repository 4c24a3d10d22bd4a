"""English texts of offers and outcomes, why a lead went where it went, assigning."""

OFFERS: dict[str, str] = {
    # Offers and outcomes
    "button.accept": "✅ Accept",
    "button.return": "↩️ Return",
    "button.won": "🏆 Won",
    "button.lost": "❌ Lost",
    "button.undo": "↩️ Undo the outcome",
    "button.back": "← Back",
    "return_why.profile": "Not my profile",
    "return_why.busy": "Too many leads",
    "return_why.other": "Another reason",
    "lost_why.no_answer": "No answer",
    "lost_why.no_budget": "No budget",
    "lost_why.competitor": "Chose a competitor",
    "lost_why.not_client": "Not a client",
    "lost_why.other": "Other",
    "offer.title": "📨 <b>Lead #{id} for you</b>",
    "offer.hint": "Accept the lead to get the client's phone and e-mail, or return it.",
    "offer.accepted": "Lead #{id} is yours: the contacts are on the card.",
    "offer.returned": "↩️ Lead returned, reason: {why}. It moves on.",
    "offer.returned_toast": "Lead #{id} returned.",
    "ask.title": "🧭 <b>Who gets lead #{id}?</b>",
    "ask.hint": (
        "⭐ — skills match the lead, ⏸ — paused, 🌙 — outside the manager's hours; the "
        "number — open leads."
    ),
    "ask.hint_cap": (
        "⭐ — skills match the lead, ⏸ — paused, 🌙 — outside the manager's hours; the "
        "numbers — open leads and cap."
    ),
    "ask.done": "✅ Assigned: {name} (head's decision: {head}).",
    "card.assigned": "✅ Worked by: <b>{name}</b> (head's decision: {head})",
    "card.owner": "✅ Worked by: <b>{name}</b>",
    "outcome.by_won": "🏆 Won. Manager: <b>{name}</b>.",
    "outcome.by_lost": "❌ Lost — {why}. Manager: <b>{name}</b>.",
    "outcome.won": "🏆 Outcome: won.",
    "outcome.lost": "❌ Outcome: lost — {why}.",
    "outcome.undone": "↩️ Outcome undone: the lead is in work again.",
    "outcome.won_toast": "Lead #{id}: won. Congratulations!",
    "outcome.undone_toast": "Outcome undone: lead #{id} is in work again.",
    "outcome.too_late": (
        "An outcome can be undone only in its first 5 minutes. A head can put the lead "
        "back in work: /reopen {id}."
    ),
    "return.ask_reason": (
        "✍️ Lead #{id} returned for another reason. Which one? Answer here in one message: "
        "it goes into the lead's history, and the next manager reads it."
    ),
    "return.explained": "ℹ️ Lead #{id}: why it was given back ({name}) — “{text}”.",
    "event.return_note": "reason for returning",
    "lost.ask_reason": (
        "✍️ Lead #{id}: lost for another reason. Which one? Reply here in one message "
        "and it goes into the lead's history."
    ),
    "lost.reason_saved": "Added to the history of lead #{id}: “{text}”.",
    "lost.reason_late": (
        "There is nothing to attach this answer to: the lead is in work again or the "
        "question is too old. /lead shows the lead's history."
    ),
    "outcome.lost_toast": "Lead #{id} closed as lost.",
    "claim.at_cap": (
        "You already have as many open leads as the cap allows. Close one (/my) to take a "
        "new one. This lead stays free."
    ),
    "handover.moved": "➡️ Lead #{id} was handed over by the head. It is now with: {name}.",
    # Why a lead went where it went
    "reason.first_come": "the lead was in the team chat for everyone",
    "reason.round_robin": "your turn",
    "reason.least_loaded": "you have the fewest open leads ({load})",
    "reason.duty": "on duty: the team is off, leads go in turn to those on duty",
    "reason.round_robin_after": "your turn (previous lead: {name})",
    "reason.head_decides": "the head's choice",
    "reason.nobody_available": "nobody to give it to: {passed}",
    "reason.assigned": "head's decision: {name}",
    "cause.returned": "returned before you by: {name}, reason: {why}",
    "cause.unreachable": "it was with: {name}, but the bot cannot write to that manager",
    "cause.removed": "passed on: {name} has left the team",
    "cause.reassigned": "it was with: {name}",
    "passed.nobody": "the team has no managers",
    "passed.entry": "{name} — {why}",
    "skip.paused": "paused",
    "skip.at_cap": "at the cap",
    "skip.excluded": "already returned this lead or let it time out",
    "notice.nobody_available": (
        "⚠️ Lead #{id}: nobody to give it to ({passed}). It is posted in the team chat "
        "with a “Claim” button; you can also assign it: /assign {id} @username."
    ),
    "announce.line": "#{id} {client} → {name} · {how}",
    "announce.round_robin": "in turn",
    "announce.least_loaded": "fewest open leads",
    "announce.duty": "on duty",
    "announce.assigned": "head's decision",
    "lead.no_name": "unnamed lead",
    # Assigning
    "assign.usage": (
        "Who gets the lead: /assign 12 @username, or /assign 12 and a number from /team."
    ),
    "assign.done": "Lead #{id} assigned: {name}.",
    "assign.same": "Lead #{id} is already with: {name}.",
    "assign.taken": "Lead #{id} is already assigned: {name}.",
    "assign.closed": "Lead #{id} is closed; there is nothing to reassign.",
    "assign.no_lead": "There is no lead #{id}.",
    "reopen.usage": "Which lead to reopen: /reopen 12.",
    "reopen.done": "Lead #{id} is back in work with {name}.",
    "reopen.open": "Lead #{id} is not closed: there is nothing to reopen.",
    "reopen.owner_gone": (
        "The manager who worked lead #{id} has left the team: there is nobody to reopen it for."
    ),
    "reopen.owner": (
        "🔁 Lead #{id} is back in work with you, a head's decision: {head}. "
        "The card with the contacts follows."
    ),
    "reason.reopened": "back in work, a head's decision: {head}",
    "card.reopened": "🔁 Back in work with <b>{name}</b> (a head's decision: {head})",
    "event.reopened": "reopened",
    "event.undone": "outcome undone",
    "event.lost_note": "why it was lost",
    "assign.no_member": "There is no such manager in the team. The list: /team.",
}
