"""English texts of who is at work: pauses the bot makes, returns, and a manager leaving the
team with leads in work."""

PEOPLE: dict[str, str] = {
    # Presence that follows behaviour
    "setting.auto_pause": "pause a manager whose leads go on without an answer",
    "setting.auto_pause.after": "{count} in a row",
    "set.bad_auto_pause": (
        "A number from 1 to 20: how many leads in a row may go on (not accepted in time, or "
        "the client not reached) before the manager is paused; off to switch it off."
    ),
    "button.here": "✅ I'm here",
    "presence.auto_paused": (
        "⏸ You are paused: leads went on without you (not accepted in time, or the client "
        "not reached), {count} in a row. New leads go to others for now. When you are back, "
        "tap “✅ I'm here”."
    ),
    "presence.back": "▶️ The pause is over: new leads come to you again.",
    "presence.here_done": "Welcome back! New leads come to you again.",
    "presence.here_already": "You are not paused: new leads come to you.",
    "presence.head_auto_paused": (
        "⏸ Paused: {name}. Leads went on without them (not accepted in time, or the client "
        "not reached), {count} in a row. New leads go to others until they tap “I'm here”. "
        "To end the pause yourself: /resume {who}."
    ),
    "presence.head_paused": "⏸ Paused: {name}. New leads go to others for now.",
    "presence.head_resumed": "▶️ Back at work: {name}.",
    "offer.paused": "⏸ You are paused: the lead was passed on.",
    "offer.removed": "You are no longer in the team: the lead was passed on.",
    "cause.paused": "passed on: {name} is paused",
    "history.paused": "the manager was paused",
    # Leaving the team with leads in work
    "remove.open_leads": (
        "{name} is no longer in the team. Leads in work: {count} ({leads}). Who gets them? "
        "Until you decide, they stay where they are."
    ),
    "leads.more": "and {count} more",
    "button.leave_route": "🔀 Hand out by the rules",
    "button.leave_pick": "👤 Give them all to one person",
    "button.leave_keep": "📌 Leave them as they are",
    "leave.pick": "Who gets all the leads in work?",
    "leave.routed": "🔀 The leads in work were handed out by the rules: {count}.",
    "leave.given": "👤 The leads in work went to {name}. Leads handed over: {count}.",
    "leave.kept": "📌 The leads in work stay with their owner: {name}.",
    "leave.back": "{name} is back in the team: the leads in work stay theirs.",
    "leave.too_old": (
        "This message is too old for the list: choose “Hand out by the rules” or “Leave them "
        "as they are”."
    ),
    "leave.none": "No leads in work are left: nothing to decide.",
    "leave.no_member": "That person is no longer in the team: choose someone else.",
    "leave.nobody": "Nobody else is in the team: hand the leads out by the rules or leave them.",
}
