"""English texts of the team: the command menu, set-up, joining, the member list, heads."""

TEAM: dict[str, str] = {
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
    "setup.outside": (
        "This chat is not connected to the bot: the team's commands work in the team chat "
        "and in a private chat with the bot. To make this the team chat, a head sends /setup "
        "here."
    ),
    "remove.usage": "Whom to remove? /remove and the number from /team, or /remove @username.",
    "remove.not_found": "No such member. See /team.",
    "remove.done": (
        "{name} is no longer in the team; leads offered and not accepted move on. They "
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
}
