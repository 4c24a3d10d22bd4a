"""English catalog, for users whose Telegram language is English."""

from bot.i18n.en_reports import REPORTS
from bot.i18n.en_rules import RULES
from bot.i18n.en_state import STATE
from bot.i18n.en_time import TIME
from bot.i18n.en_work import WORK

MESSAGES: dict[str, str] = {
    **WORK,
    **RULES,
    **TIME,
    **STATE,
    **REPORTS,
    # Commands menu
    "cmd.start": "Start using the bot",
    "cmd.help": "What the bot can do",
    "cmd.team": "Team members",
    "cmd.join": "Join the team",
    "cmd.setup": "Make this chat the team chat",
    "cmd.newlead": "Add a lead by hand",
    "cmd.remove": "Remove a manager from the team",
    "cmd.head": "Heads of sales",
    # Team set-up
    "setup.welcome": (
        "👋 I hand out the leads of team “{title}”.\n\n"
        "New leads appear here with a “Claim” button. Whoever taps first works the client: "
        "the card shows who has the lead, and the client's phone and e-mail go to that "
        "manager in a private chat.\n\n"
        "Managers, tap “Join”."
    ),
    "setup.already": "This chat is already the chat of team “{title}”.",
    "setup.hours": (
        "🕘 How does the team work? Now: {hours}.\n\n"
        "Outside working hours cards still appear in the team chat at once, and anyone may "
        "claim them. In round robin and head-decides modes a lead waits for the working day, "
        "and the heads are told at once. To have the managers on duty get leads at night: "
        "/set off_hours duty."
    ),
    "week.always": "Around the clock, every day",
    "week.weekdays": "Mon–Fri, 09:00–18:00",
    "week.later": "I'll set it later",
    "week.done": "🕘 The team works: {hours}. Change: /set work_days, /set work_hours.",
    "week.later_done": (
        "🕘 For now the team works: {hours}. Change: /set work_days, /set work_hours."
    ),
    "setup.other_chat": (
        "The bot already works with the team chat “{title}”. One installation serves one team."
    ),
    "group.greeting_head": (
        "👋 Hello! I hand a sales team's incoming leads to its managers. Send /setup here: "
        "this chat becomes the team chat, and managers join the team with one button."
    ),
    "group.greeting": (
        "👋 Hello! I hand a sales team's incoming leads to its managers. The head of sales "
        "sets this chat up: ask them to send /setup here. Then managers join the team with "
        "one button."
    ),
    "group.greeting_installer": (
        "👋 Hello! I hand a sales team's incoming leads to its managers. I have no head of "
        "sales yet: if you are the one running the bot, put the line "
        "<code>ADMIN_IDS={user_id}</code> (your Telegram id) into the .env file, restart the "
        "bot and send /setup here."
    ),
    "setup.not_head": (
        "Only the head of sales can set up the team chat: ask your head of sales to send "
        "/setup here. If you are the one running the bot, put the line "
        "<code>ADMIN_IDS={user_id}</code> (your Telegram id) into the .env file and "
        "restart the bot."
    ),
    "setup.not_head_member": "Only the head of sales can set up the team chat.",
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
    "join.other_team": "This button joins another team: it does nothing here.",
    "join.unknown_team": "This link is out of date: there is no such team.",
    "join.try_later": "Could not check your private chat. Please try again in a minute.",
    "join.removed": (
        "You were removed from team “{title}”. You can come back only if the head of sales "
        "allows it."
    ),
    # Team list and removal
    "team.header": "Team “{title}”, members: {count}",
    "team.member": "{number}. {name}{username}",
    "team.empty": "Nobody has joined yet. Managers join with “Join” or /join in the team chat.",
    "team.remove_hint": "To remove a manager: /remove and the number from this list.",
    "team.removed_header": "Removed by the head of sales (cannot rejoin by themselves):",
    "common.members_only": "Only the team's members see this. Join in the team chat first.",
    "team.members_only": "Only the team's members see who is in it. Join in the team chat first.",
    "team.none": "No team yet: the head of sales sends /setup in the team chat.",
    "remove.usage": "Whom to remove? /remove and the number from /team, or /remove @username.",
    "remove.not_found": "No such member. See /team.",
    "remove.done": (
        "{name} is no longer in the team. Leads in progress stay with them; offered ones "
        "move on. They "
        "cannot rejoin by themselves; if this was a mistake, tap “Allow to rejoin”."
    ),
    "button.allow_rejoin": "↩️ Allow to rejoin",
    "remove.allowed": "{name} may join the team again: with “Join” or /join in the team chat.",
    "remove.allowed_already": "That is already allowed.",
    "common.heads_only": "Only the head of sales can do this.",
    # Heads of sales
    "head.usage": (
        "To change the list:\n"
        "• /head — the list;\n"
        "• /head add @username or a number from /team — add one;\n"
        "• /head del @username or a number — remove one.\n"
        "In the team chat you can also reply /head add to that person's message."
    ),
    "head.header": "Heads of sales:",
    "head.configured": "• {name}{username} — from ADMIN_IDS",
    "head.unnamed": "Telegram id <code>{user_id}</code>",
    "head.entry": "• {name}{username}",
    "head.added": "{name} is now a head of sales. The head's commands work at once.",
    "head.already": "{name} is a head of sales already.",
    "head.removed": "{name} is no longer a head of sales.",
    "head.configured_stays": (
        "This head is listed in ADMIN_IDS: remove them there, in the .env file."
    ),
    "head.not_found": (
        "Could not find that person. Give an @username or a number from /team, or reply "
        "with the command to that person's message in the team chat."
    ),
    # Claiming
    "button.claim": "✋ Claim",
    "claim.won": "Lead #{id} is yours. Contacts are in your private chat.",
    "claim.taken_by": "Already taken by {name}.",
    "claim.already_yours": "This lead is already yours.",
    "claim.not_member": "Join the team first: tap “Join” or send /join in this chat.",
    # Cards
    "card.title": "🔥 <b>New lead #{id}</b>",
    "card.title_closed": "🏁 <b>Lead #{id} is closed</b>",
    "card.title_former": "📋 <b>Lead #{id}</b>",
    "card.taken": "✅ Taken by <b>{name}</b> {waited}",
    "card.more_fields": "…and {count} more fields",
    "card.hidden_phone": "📞 hidden until claimed",
    "card.hidden_email": "✉️ hidden until claimed",
    "card.hidden_handle": "💬 hidden until claimed",
    "card.callback": "📞 A call-back request: whoever claims the lead gets the number.",
    "card.contacts_only": "📇 The client left contacts only: whoever claims the lead gets them.",
    "card.cut_public": "✂️ The text is cut; whoever claims the lead gets all of it.",
    "card.cut_owner": "✂️ The text is cut; all of it follows in the next messages.",
    "card.full_text": "📄 <b>Lead #{id}</b>, the whole {field} ({part} of {total}):",
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
    "field.subject": "Subject",
    "field.page": "Page",
    "field.form": "Form",
    "field.quiz": "Quiz",
    "field.external_id": "Form entry",
    "reason.claimed": "you tapped “Claim” before anyone else in the team chat",
    "source.http": "website form",
    "source.command": "added by the head of sales",
    "source.forward": "forwarded message",
    "duration.in": "in {span}",
    "duration.instant": "at once",
    # Adding leads by hand
    "newlead.usage": (
        "Write the lead after the command, for example:\n"
        "/newlead John Smith, Acme Ltd, +44 20 7946 0958, needs a quote"
    ),
    "newlead.created": "Lead #{id} created and handed to distribution.",
    "newlead.waiting": (
        "Lead #{id} saved. It will appear in the team chat once /setup is sent there."
    ),
    "newlead.empty": "The message has no name, phone, e-mail or text: no lead created.",
    "newlead.not_head": "Only the head of sales can add leads.",
    "forward.not_head": "Only the head of sales can forward leads to the bot.",
    # Help
    "help.head": (
        "You are the head of sales. Commands by task, one example each:\n"
        "\n"
        "<b>Setting up and the team</b>\n"
        "• /setup — in the team's group chat: connect it;\n"
        "• /team — who is in the team; /remove 3 — remove a manager;\n"
        "• /head add @olga — another head of sales.\n"
        "\n"
        "<b>How leads are handed out</b>\n"
        "• /mode — first come, round robin or head decides;\n"
        "• /settings, /set cap 10 — cap, reminders, timeouts, working hours;\n"
        "• /weight @ivan 2, /cap @ivan 5, /skills @ivan CRM, /pause @ivan, /resume @ivan — "
        "per manager;\n"
        "• /rule add region=Moscow -> @ivan — a rule by channel, industry or region; "
        "/rules, /groups, /alias;\n"
        "• /route region=Moscow — check where a lead would go.\n"
        "\n"
        "<b>Time</b>\n"
        "• /hours, /set work_hours 09:00-18:00 — working hours; /duty @ivan on — who is "
        "on duty;\n"
        "• /vacation @ivan 2026-12-01 2026-12-14 @olga — a vacation with a deputy; "
        "/vacations.\n"
        "\n"
        "<b>Where leads come from</b>\n"
        "• /source add site — a link for a website form (Tilda, WordPress, VK); /sources "
        "— how many came from where;\n"
        "• /newlead Ivan, +7 912 345-67-89, needs a quote — a lead by hand; or just "
        "forward me a client's message.\n"
        "\n"
        "<b>Leads and reports</b>\n"
        "• /open — the team's open leads, each with a button to hand it out; /my; "
        "/lead 12 — a lead and its history;\n"
        "• /assign 12 @ivan — hand a lead out; /reopen 12 — put a closed lead back in "
        "work;\n"
        "• /stats week — who got, took and closed how many, with a chart;\n"
        "• /export month — leads and their history as an Excel file (/export csv: CSV);\n"
        "• /replay round_robin — what another way of splitting would have done in 30 days.\n\n"
        "/help — this list."
    ),
    "help.manager": (
        "You are a manager in team “{title}”.\n"
        "• A lead in the team chat: tap “Claim” and the client's contacts arrive here;\n"
        "• A lead sent to you here: “Accept” shows the contacts, “Return” passes it on;\n"
        "• “Won” and “Lost” on your card close a lead; /my lists your open leads;\n"
        "• /pause and /resume: stop and restart getting leads in turn;\n"
        "• /vacation 2026-12-01 2026-12-14 @deputy: a vacation, leads go to your deputy; "
        "/vacations: who is away; /hours: the team's working hours;\n"
        "• /stats: how leads were split; /team: who is in the team."
    ),
    "help.guest": (
        "I hand a sales team's incoming leads to its managers. To get leads, tap “Join” "
        "in your team's chat or send /join there.\n"
        "\n"
        "The head of sales sets the bot up: if you need a head's rights, ask your head "
        "of sales."
    ),
    "help.installer": (
        "I hand a sales team's incoming leads to its managers. I have no head of sales yet. "
        "If you are the one running the bot, put the line <code>ADMIN_IDS={user_id}</code> "
        "(your Telegram id) into the .env file and restart the bot; then send /setup in "
        "your team's group chat.\n"
        "\n"
        "If you are a manager, ask your head of sales to set the bot up; then tap “Join” "
        "in the team chat."
    ),
    "private.hint": "I did not understand that. /help shows what I can do.",
    "wrong_chat.group": "This works in the team's group chat only.",
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
