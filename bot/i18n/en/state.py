"""English texts of what became of a lead, for whoever taps a button that no longer
applies, and of a database put back from a copy."""

STATE: dict[str, str] = {
    "lead.number": "#{id}",
    # A tap on a button that no longer applies: what happened instead
    "now.won": "Lead #{id} is already closed: won, {name}, {when}.",
    "now.lost": "Lead #{id} is already closed: lost ({why}), {name}, {when}.",
    "now.taken": "Lead #{id} is already being worked by {name}, taken {when}.",
    "now.taken_yours": "Lead #{id} is already yours: taken {when}.",
    "now.offered": "Lead #{id} is offered to another manager now: {name}.",
    "now.offered_yours": "Lead #{id} waits for your answer: “Accept” or “Return” on its card.",
    "now.chat": "Lead #{id} waits in the team chat: it can be claimed there.",
    "now.heads": "Lead #{id} waits for a head of sales to decide.",
    "now.hours": "Lead #{id} waits for the working day to start.",
    "now.today": "today at {time}",
    "now.day": "{day} at {time}",
    # A button older than the database (put back from a copy)
    "button.no_lead": (
        "There is no lead #{id} in the database: it was restored from an earlier copy. "
        "The button changed nothing."
    ),
    "button.other_lead": (
        "This button belongs to an earlier lead #{id}: the database was restored from a "
        "copy, and that number is another lead's now. The button changed nothing."
    ),
    "button.forged": "This button does not belong to this message: nothing changed.",
    # The heads, at the first start after a restore
    "restore.notice": (
        "♻️ The database was restored from the copy {copy}.\n"
        "The copy lacks the leads that came after it, and they dropped out of work "
        "({count}):\n"
        "{lines}\n"
        "They are kept in the database as it was: {kept}. New leads will not reuse their "
        "numbers. If a client is waiting, add the lead again: /newlead."
    ),
    "restore.notice_none": (
        "♻️ The database was restored from the copy {copy}. Every lead from before the "
        "restore is in the copy. The database as it was is kept: {kept}."
    ),
    "restore.line": "• #{id} — {client}",
    "restore.more": "• …and {count} more",
    "restore.kept_nowhere": "not kept",
}
