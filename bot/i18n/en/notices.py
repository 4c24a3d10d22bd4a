"""English texts of what a head is told in private, and of delivery trouble in the chat."""

NOTICES: dict[str, str] = {
    # Notices to the heads of sales, and what delivery trouble looks like in the chat
    "notice.paused": (
        "⚠️ I can no longer post in the team chat “{title}”: {reason}.\n\n"
        "No lead is lost: new leads are kept and will be posted as soon as I can post "
        "there again. Add me back to the chat (or give me back the right to send "
        "messages); sending /setup there also resumes the team."
    ),
    "notice.resumed": (
        "✅ I can post in the team chat “{title}” again. Messages that waited: {count}; "
        "posting them now."
    ),
    "notice.moved": (
        "ℹ️ The team chat “{title}” became a supergroup; the team moved with it. "
        "Open leads posted again there: {count}."
    ),
    "notice.returned": (
        "⚠️ Lead #{id} moved on: I cannot write to the manager in private "
        "({reason}). Manager: {name}. They get no more leads until the bot can write to "
        "them: they need to open the chat with the bot and join the team again."
    ),
    "notice.held": (
        "⏸ The team chat “{title}” is unavailable, so lead #{id} waits to be posted there. "
        "Here it is in full, in case the client cannot wait."
    ),
    "notice.card_refused": (
        "⚠️ Telegram refused to show the card of lead #{id} in the team chat ({reason}). "
        "The lead is kept; here it is, so that you can hand it out."
    ),
    "notice.refused": (
        "⚠️ The form at {origin} sent requests that could not be made into a lead: "
        "{count}.\n"
        "Why: {why}.\n"
        "Content type: <code>{content_type}</code>. The start of the latest one:\n"
        "<pre>{sample}</pre>\n"
        "All of them are kept. Check the form's settings, or pass this message on to "
        "whoever built the site."
    ),
    "refusal.empty": "no field in the request is filled in, only technical ones",
    "refusal.unreadable": "the body could not be read (it is neither JSON nor form data)",
    "refusal.content_type": "the form sends data in a format the bot does not accept",
    "refusal.charset": "the form names a character set the bot does not know",
    "refusal.too_large": "the request is larger than 64 KiB",
    "refusal.rate_limited": (
        "the form posted faster than the bot accepts from one address (INTAKE_RATE_LIMIT a "
        "minute); the extra requests were told to retry later"
    ),
    "refusal.overloaded": (
        "one address had more requests under way at once than the bot takes "
        "(INTAKE_MAX_CONNECTIONS_PER_CLIENT); the extra ones were told to retry. If this is "
        "not your form, someone is trying to load the bot: other forms were not affected"
    ),
    "refusal.unavailable": (
        "the database took no writes, and the form was told to retry; if it did not send "
        "the lead again, this is all that is left of it"
    ),
    "refusal.more_origins": " and {count} more",
    "pause.removed": "the bot was removed from the chat",
    "pause.muted": "the bot is not allowed to send messages there",
    "pause.refused": "Telegram refuses my messages there",
    "tg_refusal.blocked": "the bot is blocked",
    "tg_refusal.deactivated": "the account is deleted",
    "tg_refusal.not_found": "the chat is not found",
    "tg_refusal.no_rights": "the bot has no right to write there",
    "tg_refusal.bad_message": "Telegram did not accept the message text",
    "tg_refusal.other": "Telegram refused",
    "card.returned": (
        "↩️ The manager cannot be reached in private ({name}): the lead is posted again below."
    ),
    "reason.for_head": "you are the head of sales, and the team chat cannot show it now",
}
