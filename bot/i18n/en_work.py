"""English texts of distribution and a lead's life; merged into `en.MESSAGES`."""

WORK: dict[str, str] = {
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
    "mode.menu": (
        "Distribution mode now: <b>{mode}</b>.\n\n"
        "• First come: the lead appears in the team chat with a “Claim” button.\n"
        "• Round robin: the lead goes straight to the next manager's private chat.\n"
        "• Head decides: the lead comes to the head with a button per manager.\n\n"
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
    "settings.header": "⚙️ <b>Team settings</b>",
    "settings.line": "• {label}: <b>{value}</b> — <code>/set {name} …</code>",
    "settings.hint": (
        "To change: /set name value, e.g. <code>/set cap 10</code>, <code>/set cap off</code>, "
        "<code>/set announce off</code>, <code>/set mode round_robin</code>. "
        "The mode is easier to change with /mode."
    ),
    "set.usage": "Give a setting's name and value: /set cap 10. All settings: /settings.",
    "set.unknown": "There is no such setting. All settings: /settings.",
    "set.bad_mode": "Mode: first_come, round_robin or head_decides. Or pick one in /mode.",
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
    "reason.duty": "on duty: the team is off, leads go in turn to those on duty",
    "reason.round_robin_after": "your turn (previous lead: {name})",
    "reason.head_decides": "the head's choice",
    "reason.nobody_available": "nobody to give it to: {passed}",
    "reason.assigned": "head's decision: {name}",
    "cause.returned": "returned before you by: {name}, reason: {why}",
    "cause.unreachable": "it was with: {name}, but the bot cannot write to that manager",
    "cause.removed": "it was offered to: {name}, who has left the team",
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
    # Sources: intake links
    "cmd.source": "A link for a form: /source add name",
    "cmd.sources": "Forms and platforms leads come from",
    "field.more_fields": "The form's other fields",
    "field.files": "Files (not kept)",
    "field.utm_term": "Keyword",
    "field.utm_content": "Ad",
    "field.utm_campaign": "Ad campaign",
    "field.utm_medium": "Ad type",
    "field.utm_source": "Ad source",
    "field.federal": "Federal company",
    "field.brand": "Brand",
    "field.registered_region": "Registered region",
    "source.usage": (
        "Links for forms and ad platforms:\n"
        "• /source add site — a new link; /source add tilda web — with the channel “web”;\n"
        "• /source add vk_ads vk confirm=string secret=key — for VK lead forms (Callback API);\n"
        "• /source del name — delete; /source rotate name — issue a new link;\n"
        "• /sources — every link, its leads and its last error."
    ),
    "source.usage_vk": (
        "VK needs both values from the community's Callback API settings: "
        "/source add vk_ads vk confirm=confirmation_string secret=secret_key"
    ),
    "source.added": (
        "✅ The link for “{name}” (channel: {channel}):\n<code>{link}</code>\n\n"
        "Paste it into the form's settings as the webhook address (Tilda: Site settings → "
        "Forms → Webhook; WordPress: the form plugin's Webhook URL). Leads through it get the "
        "channel unless the form sends its own. The link is a secret: I show it once."
    ),
    "source.added_vk": (
        "✅ The link for VK “{name}” (channel: {channel}):\n<code>{link}</code>\n\n"
        "In VK: Manage community → API usage → Callback API → add a server with this address, "
        "press “Confirm”, then under “Event types” turn on “Lead forms: new lead”. The link is "
        "a secret: I show it once."
    ),
    "source.no_public_url": (
        "⚠️ PUBLIC_URL is not set, so the link points to the bot's local address. Put the line "
        "<code>PUBLIC_URL=https://your-address</code> (where the site reaches the bot) into "
        ".env, restart the bot and issue the link again: /source rotate."
    ),
    "source.no_channel": "none",
    "source.exists": "There is a link named “{name}” already. A new one: /source rotate {name}.",
    "source.bad_name": "The name is one word: letters, digits, dot, dash or _, up to 40.",
    "source.not_found": "There is no link named “{name}”. All links: /sources.",
    "source.deleted": "The link “{name}” is deleted: nothing sent to it is accepted any more.",
    "source.rotated": (
        "🔁 The new link for “{name}”:\n<code>{link}</code>\n\n"
        "The old one no longer works: replace the address in the form's settings."
    ),
    "source.private_only": "Links are secrets: send this command to me in private.",
    "sources.header": "🔗 <b>Where leads come from</b>",
    "sources.empty": "No form links yet. A new one: /source add name.",
    "sources.line": (
        "<b>{name}</b> · channel: {channel}\nleads today: {today}, in 7 days: {week}; last: {last}"
    ),
    "sources.never": "none yet",
    "sources.refused": "⚠️ Last refused request {when}: {why}",
    "board.queue": (
        "🔥 <b>Queue of new leads</b> · waiting: {count}\n"
        "Leads are coming faster than the chat can show them one by one. Tap the button with "
        "a lead's number to take it: the contacts come to your private chat."
    ),
    "board.queue_more": "🔥 <b>Queue of new leads</b> (continued)",
    "board.queue_done": "✅ <b>Queue cleared</b>: new leads come as cards of their own again.",
    "board.digest": "🗒 <b>Digest</b> · new lines are added here",
    "board.digest_private": "🗒 <b>Several updates at once</b>",
    "board.digest_more": "🗒 <b>Digest</b> (continued)",
    "notice.hours_first": (
        "🌙 Lead #{id} waits for the working day ({hours}): the bot hands it to a manager when "
        "the team is at work. Change the hours: /set work_hours, or let the managers on duty "
        "get leads at night: /set off_hours duty."
    ),
    "notice.hours_count": (
        "🌙 Waiting for the working day ({hours}): {count} leads, the latest #{id}. The bot "
        "hands them to managers when the team is at work. Change the hours: /set work_hours, "
        "or let the managers on duty get leads at night: /set off_hours duty."
    ),
    "notice.refused_ours": (
        "⚠️ A message of the bot did not get through ({chat}): {why}. It began:\n{start}"
    ),
}
