"""English texts of modes, team settings and each manager's own."""

SETTINGS: dict[str, str] = {
    "cmd.mode": "How leads are distributed",
    "cmd.settings": "Team settings",
    "cmd.assign": "Assign a lead to a manager",
    "cmd.reopen": "Put a closed lead back in work",
    "cmd.stats": "Who got and closed how many",
    "cmd.replay": "What another way of splitting leads would have done",
    "cmd.open": "The team's open leads: hand one out",
    "cmd.export": "Export leads to Excel",
    "cmd.lead": "A lead and its history",
    "cmd.my": "My open leads",
    "cmd.pause": "Pause: get no new leads",
    "cmd.resume": "Get leads again",
    "cmd.weight": "A manager's round-robin weight",
    "cmd.cap": "A manager's open-lead cap",
    "cmd.skills": "A manager's skills",
    # Modes and settings
    "mode.first_come": "First come",
    "mode.round_robin": "Round robin",
    "mode.head_decides": "Head decides",
    "mode.least_loaded": "Least loaded",
    "mode.menu": (
        "Distribution mode now: <b>{mode}</b>.\n\n"
        "• First come: the lead appears in the team chat with a “Claim” button.\n"
        "• Round robin: the lead goes straight to the next manager's private chat.\n"
        "• Head decides: the lead comes to the head with a button per manager.\n"
        "• Least loaded: the lead goes to whoever has the fewest open leads now (for their "
        "weight).\n\n"
        "A new mode applies to new leads."
    ),
    "mode.switched": "Mode switched: {mode}. New leads are distributed this way.",
    "mode.already": "The mode already is: {mode}.",
    "setting.mode": "distribution mode",
    "setting.cap": "open-lead cap per manager",
    "setting.announce": "tell the team chat who got each lead",
    "setting.cap.none": "none",
    "setting.on": "yes",
    "setting.off": "no",
    # The console (a Mini App): its page shows these as plain text.
    "button.console": "🎛 Console",
    "console.title": "Team console",
    "console.mode": "How leads are handed out",
    "console.settings": "Settings",
    "console.settings_hint": "To change a setting: /set name value in the chat with the bot.",
    "console.saved": "Saved: {mode}.",
    "console.manager": (
        "The console is for the heads of sales. Your open leads: /my in the chat with the bot."
    ),
    "console.failed": "That did not work: {error}",
    "console.team": "Team",
    "console.state_free": "🟢 no leads in work",
    "console.state_working": "🔵 leads in work",
    "console.state_paused": "⏸ paused",
    "console.state_away": "🌴 on vacation",
    "console.leads": "in work: {count}",
    "console.weight": "weight: {weight}",
    "console.cap": "cap: {cap}",
    "console.skills": "skills: {skills}",
    "console.back_on": "through {day}",
    "console.deputy": "deputy: {name}",
    "console.pause": "Pause",
    "console.resume": "End the pause",
    "console.rules": "Rules",
    "console.rules_none": "No rules: leads go by the team's mode.",
    "console.rules_hint": (
        "A lead follows the first rule it matches. Drag a rule by ⠿ to move it; to add one, "
        "/rule add in the chat with the bot."
    ),
    "console.moved": "Rule {number} is now number {to}.",
    "settings.header": "⚙️ <b>Team settings</b>",
    "settings.line": "• {label}: <b>{value}</b> — <code>/set {name} …</code>",
    "settings.hint": (
        "To change: /set name value, e.g. <code>/set cap 10</code>, <code>/set cap off</code>, "
        "<code>/set announce off</code>, <code>/set mode round_robin</code>. "
        "The mode is easier to change with /mode."
    ),
    "set.usage": "Give a setting's name and value: /set cap 10. All settings: /settings.",
    "set.unknown": "There is no such setting. All settings: /settings.",
    "set.bad_mode": (
        "Mode: first_come, round_robin, head_decides or least_loaded. Or pick one in /mode."
    ),
    "set.bad_cap": "The cap is a number from 1 to 1000, or off to remove it.",
    "set.bad_switch": "The value is on or off.",
    "set.done": "Saved: {label} — {value}.",
    "set.same": "Already so: {label} — {value}.",
    # Per manager
    "team.paused": "⏸ paused",
    "team.weight": "weight {weight}",
    "team.cap": "cap {cap}",
    "team.skills": "skills: {skills}",
    "manager.not_member": "This is for team members. Join in the team chat: /join.",
    "manager.usage": "Name the manager: @username or their number from /team.",
    "pausing.self": (
        "Paused: round robin sends you no new leads. Your open leads stay yours. "
        "To come back: /resume."
    ),
    "pausing.already_self": "You are already paused. To come back: /resume.",
    "resuming.self": "Pause over: new leads will come again.",
    "resuming.already_self": "You were not paused: leads are coming.",
    "pausing.other": "Paused: {name}. Round robin sends this manager no leads until /resume.",
    "pausing.already_other": "Already paused: {name}.",
    "resuming.other": "Pause over: {name}. Leads will come again.",
    "resuming.already_other": "Not paused: {name}.",
    "weight.usage": "Round-robin weight: /weight @username 2 (1 to 10; 2 means twice the leads).",
    "weight.bad": "The weight is a whole number from 1 to 10.",
    "weight.done": "Round-robin weight: {name} — {weight}.",
    "cap.usage": "Open-lead cap: /cap @username 15, or /cap @username off for the team's.",
    "cap.bad": "The cap is a number from 0 to 1000, or off.",
    "cap.done": "Open-lead cap: {name} — {cap}.",
    "cap.team": "the team's",
    "skills.usage": "Skills, comma-separated: /skills @username CRM, 1C integration",
    "skills.too_many": "At most 20 skills.",
    "skills.done": "Skills: {name} — {skills}.",
}
