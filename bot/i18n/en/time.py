"""English texts of time: reminders, escalation, accept timeouts, vacations, working hours."""

TIME: dict[str, str] = {
    "cmd.vacation": "Vacation: /vacation 2026-12-01 2026-12-14",
    "cmd.vacations": "Vacations: current and coming",
    "cmd.hours": "Working hours of the team and managers",
    "cmd.duty": "Who is on duty after hours",
    # Settings
    "setting.claim_remind": "a reminder in the chat of an unclaimed lead",
    "setting.claim_escalate": "then a notice to the heads",
    "setting.accept_timeout": "wait for a manager to accept a lead",
    "setting.max_passes": "how often an unaccepted lead is passed on before the heads get it",
    "setting.outcome_remind": "remind of a lead with no outcome every",
    "setting.handback": "after a vacation, take leads back from the deputy",
    "setting.timezone": "time zone",
    "setting.work_days": "working days",
    "setting.work_hours": "working hours",
    "setting.off_hours": "after hours",
    "off_hours.hold": "leads wait for the morning",
    "off_hours.duty": "managers on duty get leads",
    "setting.digest": "weekly report to the heads",
    "digest.weekly": "Mondays at 09:00",
    "digest.off": "no",
    "set.bad_duration": (
        "A duration is a number and a unit: 30s, 5m, 2h, 3d (or 1h30m), from 1 second to "
        "30 days; off turns it off."
    ),
    "set.bad_passes": "A number from 1 to 20.",
    "set.bad_timezone": "A time zone from the tz database: Europe/Moscow, America/New_York, UTC.",
    "set.bad_days": "Days: mon-fri, mon-sat, mon,wed,fri or daily.",
    "set.bad_hours": "Hours: 09:00-18:00; all day is 00:00-24:00.",
    "set.bad_off_hours": "Value: hold (leads wait for the morning) or duty (managers on duty).",
    "set.bad_digest": "Value: weekly or off.",
    "settings.button_accept": "wait {wait}",
    "settings.button_on": "turn on: {label}",
    "settings.button_off": "turn off: {label}",
    "weekday.every": "every day",
    "weekday.mon": "Mon",
    "weekday.tue": "Tue",
    "weekday.wed": "Wed",
    "weekday.thu": "Thu",
    "weekday.fri": "Fri",
    "weekday.sat": "Sat",
    "weekday.sun": "Sun",
    "dur.d": "{n} d",
    "dur.h": "{n} h",
    "dur.m": "{n} min",
    "dur.s": "{n} s",
    # Who routing passed over
    "skip.away": "on vacation",
    "skip.off_hours": "off hours",
    # Reminders and escalation
    "remind.chat": "⏰ Lead #{id} ({client}) has been waiting for {wait}. Who takes it?",
    "escalate.unclaimed": "⏰ Nobody claimed lead #{id} in {wait}.",
    "escalate.passes": (
        "⏳ Lead #{id} was not accepted within {wait}: {name}. Passed on in turn {passes} "
        "times: a head of sales decides now."
    ),
    "ask.claimed": "✋ Claimed in the team chat: {name}.",
    "ask.to_chat": "⏰ No head chose a manager in time: the lead went to the team chat.",
    "offer.timed_out": "⏳ Not accepted within {wait}: the lead was passed on.",
    "notice.timeout": "⏳ Lead #{id} not accepted within {wait}: {name}. Next: {where}.",
    "where.member": "{name} gets the lead",
    "where.chat": "in the team chat, anyone may claim it",
    "where.heads": "waiting for a head's choice",
    "where.hours": "waiting for the working day",
    "where.state": "{state}: {name}",
    "where.chat_waiting": "waiting in the team chat",
    "remind.outcome": (
        "🔔 Lead #{id} ({client}) has been yours for {age} with no outcome. How did it end? "
        "If you are still on it, I will remind you later."
    ),
    "opening.summary": "☀️ Good morning! Leads that came in after hours: {count}.\n{lines}",
    "opening.summary_later": (
        "☀️ The team is at work again. Leads that came in after hours: {count}.\n{lines}"
    ),
    "opening.line": "#{id} {client} — {where}",
    "offer.away": "🌴 You are on vacation: the lead was passed on.",
    "cause.away": "offered before you to: {name}, whose vacation began",
    "history.away": "the manager's vacation began",
    "cause.timeout": "not accepted within {wait}: {name}",
    "history.timeout": "not accepted within {wait}",
    "reason.cover_for": "you stand in for: {name}",
    "reason.handback": "you are back; your deputy had the lead: {name}",
    "route.held": "The team is off now: the lead will wait for the working day",
    "event.held": "waits for the working day",
    "event.escalated": "to the heads: nobody claimed it",
    "event.to_chat": "to the team chat: no head chose",
    "event.to_heads": "to the heads: not accepted several times",
    "event.handed_back": "handed back after a vacation",
    # Vacations
    "vacation.usage": (
        "Vacation: /vacation 2026-12-01 2026-12-14 or /vacation today 2026-12-14 @deputy.\n"
        "A head sets anyone's: /vacation @ivan 2026-12-01 2026-12-14 @olga.\n"
        "End early: /vacation end; drop a coming one: /vacation cancel; all: /vacations."
    ),
    "vacation.bad_date": "A date is 2026-12-01, 01.12.2026 or today.",
    "vacation.past": "A vacation cannot start in the past: the first day is today or later.",
    "vacation.backwards": "The last day is before the first.",
    "vacation.too_long": "A vacation is at most {days} days.",
    "vacation.no_deputy": "The deputy {who} is not in the team.",
    "vacation.self_deputy": "The deputy must be someone else.",
    "vacation.deputy_away": "The deputy is on vacation then: {name}.",
    "vacation.overlap": "{name} already has a vacation on these days: /vacations.",
    "vacation.deputy": "deputy: {name}",
    "vacation.no_deputy_set": "no deputy",
    "vacation.started": "🌴 Vacation started: {name}, through {last}, {deputy}.",
    "vacation.planned": "🌴 Vacation planned: {name}, {first} to {last}, {deputy}.",
    "vacation.none_active": "Not on vacation now: {name}.",
    "vacation.none_planned": "No coming vacation: {name}.",
    "vacation.ended": "✅ Vacation ended: {name} gets leads again. Leads handed back: {moved}.",
    "vacation.cancelled": "Vacation cancelled: {name}, {first} to {last}.",
    "vacation.not_member": "You are not in the team.",
    "vacation.no_member": "There is no {who} in the team.",
    "vacation.head_only": "A head sets another manager's vacation.",
    "vacation.deputy_started": (
        "🌴 From today you cover for {name}, until {last} inclusive. Until then, leads "
        "that rules or known clients would send them come to you."
    ),
    "vacation.deputy_rules": "Rules that now send leads to you: {rules}.",
    "on_vacation.head_decides": (
        "🌴 On vacation until {last}: {name}, {deputy}. While it lasts, the head chooses "
        "among the others."
    ),
    "on_vacation.first_come": (
        "🌴 On vacation until {last}: {name}, {deputy}. Anyone in the team may still "
        "claim leads in the team chat."
    ),
    "on_vacation.least_loaded": (
        "🌴 On vacation until {last}: {name}, {deputy}. Leads go to the others: whoever has "
        "the fewest open leads."
    ),
    "on_vacation.round_robin": (
        "🌴 On vacation until {last}: {name}, {deputy}. Leads in turn go to the others."
    ),
    "vacation.team_ended": "✅ Back at work: {name}. Leads handed back by the deputy: {moved}.",
    "vacations.empty": "No vacations.",
    "vacations.list": "🌴 <b>Vacations</b>\n{lines}",
    "vacations.line": "• {name}: {first} to {last}, {deputy}",
    "vacations.line_now": "• on vacation now — {name}: through {last}, {deputy}",
    "handback.deputy_card": "↩️ Cover over: the lead went to the manager you stood in for: {name}.",
    "handback.deputy": (
        "↩️ Cover over, back at work: {name}. The leads you worked while standing in went "
        "to that manager: {leads}."
    ),
    # Working hours and duty
    "hours.team": "🕘 The team works {days}, {hours} ({zone}). After hours, {off}.",
    "hours.own": "• own hours — {name}: {hours}",
    "hours.hint": (
        "For the team: /set work_days mon-fri, /set work_hours 09:00-18:00, "
        "/set timezone Europe/Moscow, /set off_hours hold|duty.\n"
        "For a manager: /hours @ivan 10:00-19:00; back to the team's: /hours @ivan team."
    ),
    "hours.usage": "A manager's hours: /hours @ivan 10:00-19:00 or /hours @ivan team.",
    "hours.bad": "Hours: 10:00-19:00; the team's hours: team.",
    "hours.done": "🕘 Hours of {name}: {hours}.",
    "hours.team_hours": "the team's",
    "duty.list": "🌙 On duty: {names}.",
    "duty.nobody": "🌙 Nobody is on duty.",
    "duty.not_used": "After hours, leads now wait for the morning; for duty: /set off_hours duty.",
    "duty.hint": "Put on duty: /duty @ivan on; take off: /duty @ivan off.",
    "duty.usage": "Duty: /duty @ivan on or /duty @ivan off.",
    "duty.on": "🌙 On duty: {name}.",
    "duty.off": "Off duty: {name}.",
}
