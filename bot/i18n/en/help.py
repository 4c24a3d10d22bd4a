"""English texts of /help."""

HELP: dict[str, str] = {
    # Help
    "help.head": (
        "You are the head of sales. Commands by task, one example each:\n"
        "\n"
        "<b>Setting up and the team</b>\n"
        "• /setup — in the team's group chat: connect it;\n"
        "• /team — who is in the team; /remove 3 — remove a manager, hand their leads on;\n"
        "• /head add @olga — another head of sales.\n"
        "\n"
        "<b>How leads are handed out</b>\n"
        "• /mode — first come, round robin, least loaded or head decides;\n"
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
}
