"""English catalog, for users whose Telegram language is English."""

MESSAGES: dict[str, str] = {
    # Commands menu
    "cmd.start": "Start using the bot",
    "cmd.help": "What the bot can do",
    "cmd.team": "Team members",
    "cmd.join": "Join the team",
    "cmd.setup": "Make this chat the team chat",
    "cmd.newlead": "Add a lead by hand",
    "cmd.remove": "Remove a manager from the team",
    # Team set-up
    "setup.welcome": (
        "👋 I hand out the leads of team “{title}”.\n\n"
        "New leads appear here with a “Claim” button. Whoever taps first works the client: "
        "the card shows who took it, and the phone and e-mail go to them in a private chat.\n\n"
        "Managers, tap “Join”."
    ),
    "setup.already": "This chat is already the chat of team “{title}”.",
    "setup.other_chat": (
        "The bot already works with the team in “{title}”. One installation serves one team."
    ),
    "setup.not_head": (
        "Only the head of sales (whose Telegram id is in ADMIN_IDS) can set up the team chat."
    ),
    "setup.in_private": "Send /setup in your team's group chat, after adding the bot there.",
    "setup.adopted": "Leads that waited for the team chat: {count}. Posting them here.",
    # Joining
    "button.join": "🙋 Join",
    "button.open_private": "Open a chat with the bot",
    "join.welcome": (
        "You are in team “{title}”. Leads you claim will arrive here with the client's "
        "phone and e-mail. /help shows what I can do."
    ),
    "join.done": "You are in team “{title}”.",
    "join.already": "You are already in team “{title}”.",
    "join.need_private_reply": (
        "{name}, open a chat with me and tap Start, so that I can send you leads."
    ),
    "join.no_team": "This chat is not set up. The head of sales can set it up with /setup.",
    "join.not_in_chat": "To join, you need to be a member of team “{title}”'s chat.",
    "join.unknown_team": "This link is out of date: there is no such team.",
    "join.try_later": "Could not check your private chat. Please try again in a minute.",
    # Team list and removal
    "team.header": "Team “{title}”, members: {count}",
    "team.member": "{number}. {name}{username}",
    "team.empty": "Nobody has joined yet. Managers join with “Join” or /join in the team chat.",
    "team.remove_hint": "To remove a manager: /remove and the number from this list.",
    "team.members_only": "Only the team's members see who is in it. Join in the team chat first.",
    "team.none": "No team yet: the head of sales sends /setup in the team chat.",
    "remove.usage": "Whom to remove? /remove and the number from /team, or /remove @username.",
    "remove.not_found": "No such member. See /team.",
    "remove.done": "{name} is no longer in the team. Leads they claimed stay theirs.",
    "remove.not_head": "Only the head of sales can remove members.",
    # Claiming
    "button.claim": "✋ Claim",
    "claim.won": "Lead #{id} is yours. Contacts are in your private chat.",
    "claim.taken_by": "Already taken by {name}.",
    "claim.already_yours": "This lead is already yours.",
    "claim.not_member": "Join the team first: tap “Join” or send /join in this chat.",
    "claim.invalid": "This button is out of date.",
    # Cards
    "card.title": "🔥 <b>New lead #{id}</b>",
    "card.taken": "✅ Taken by <b>{name}</b> in {waited}",
    "card.more_fields": "…and {count} more fields",
    "dm.title": "📋 <b>Lead #{id} is yours</b>",
    "dm.reason": "Why you: {reason}",
    "dm.source": "Source: {source}",
    "field.name": "Name",
    "field.phone": "Phone",
    "field.email": "E-mail",
    "field.company": "Company",
    "field.tax_id": "Tax id",
    "field.message": "Request",
    "field.channel": "Channel",
    "field.industry": "Industry",
    "field.region": "Region",
    "field.product": "Product",
    "field.external_id": "Form entry",
    "reason.claimed": "you claimed it first in the team chat",
    "source.http": "website form",
    "source.command": "added by the head of sales",
    "source.forward": "forwarded message",
    "duration.seconds": "{s} s",
    "duration.minutes": "{m} min {s} s",
    "duration.hours": "{h} h {m} min",
    "duration.days": "{d} d {h} h",
    # Adding leads by hand
    "newlead.usage": (
        "Write the lead after the command, for example:\n"
        "/newlead John Smith, Acme Ltd, +44 20 7946 0958, needs a quote"
    ),
    "newlead.created": "Lead #{id} created and posted to the team chat.",
    "newlead.waiting": (
        "Lead #{id} saved. It will appear in the team chat once /setup is sent there."
    ),
    "newlead.empty": "The message has no name, phone, e-mail or text: no lead created.",
    "newlead.not_head": "Only the head of sales can add leads.",
    "forward.not_head": "Only the head of sales can forward leads to the bot.",
    # Help
    "help.head": (
        "You are the head of sales. What you can do:\n"
        "• /setup in the team's group chat: set it up;\n"
        "• /team: team members, /remove: remove a manager;\n"
        "• /newlead text: add a lead by hand, or just forward me a client's message;\n"
        "• website forms post leads to the intake address (POST /leads).\n"
        "Every new lead appears in the team chat with a “Claim” button."
    ),
    "help.manager": (
        "You are a manager in team “{title}”.\n"
        "• New leads appear in the team chat: tap “Claim” and the client's contacts "
        "arrive here;\n"
        "• /team: who is in the team."
    ),
    "help.guest": (
        "I hand a sales team's incoming leads to its managers. To get leads, tap “Join” "
        "in your team's chat or send /join there."
    ),
    "private.hint": "I did not understand that. /help shows what I can do.",
    "wrong_chat.group": "This command works in the team chat.",
    "error.internal": "Something went wrong. Please try again.",
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
        "⚠️ Lead #{id} went back to the team chat: I cannot write to {name} in private "
        "({reason}). They may have blocked the bot or deleted their account. {name} gets no "
        "more leads until they open the chat with the bot and join again."
    ),
    "notice.held": (
        "⏸ The team chat “{title}” is unavailable, so lead #{id} waits to be posted there. "
        "Here it is in full, in case the client cannot wait."
    ),
    "notice.card_refused": (
        "⚠️ Telegram refused to show the card of lead #{id} in the team chat ({reason}). "
        "The lead is kept; here it is, so that you can hand it out."
    ),
    "pause.removed": "the bot was removed from the chat",
    "pause.muted": "the bot is not allowed to send messages there",
    "pause.refused": "Telegram refuses my messages there",
    "card.returned": "↩️ {name} could not be reached in private: the lead is posted again below.",
    "reason.for_head": "you are the head of sales, and the team chat cannot show it now",
}
