"""English texts of routing rules: groups, rules, aliases, the known client and /route."""

RULES: dict[str, str] = {
    "cmd.group": "Group of managers: /group add name @user",
    "cmd.groups": "Groups of managers",
    "cmd.rule": "Rule: /rule add industry=medical -> @user",
    "cmd.rules": "Routing rules",
    "cmd.alias": "Other spellings of values",
    "cmd.route": "Check where a lead would go",
    # Settings
    "setting.known_client": "a known client goes to their manager first",
    "setting.region_basis": "which region rules see",
    "setting.franchise": "franchises",
    "region_basis.operating": "where the client works (region)",
    "region_basis.registered": "where the company is registered (registered_region)",
    "franchise.entity": "each legal entity on its own",
    "franchise.brand": "one brand, one manager",
    "set.bad_region_basis": "Value: operating (where the client works) or registered (where "
    "the company is registered).",
    "set.bad_franchise": "Value: entity (each legal entity on its own) or brand (one brand, "
    "one manager).",
    # Reasons
    "reason.known_client": "known client: {match}",
    "reason.known_skipped": "known client ({match}) of {name}, who is unavailable: {why}",
    "reason.rule": "rule {number}: {field} = {value}",
    "reason.rule_unknown": "a routing rule",
    "neutral.handback": "back at work; the deputy had the lead: {name}",
    "neutral.cover_for": "covering for {name}",
    "neutral.claimed": "“Claim” tapped first in the team chat",
    "neutral.round_robin_after": "in turn (the previous lead went to {name})",
    "neutral.round_robin": "in turn",
    "neutral.least_loaded": "the fewest open leads ({load})",
    "reason.group": "group {group}",
    "reason.group_turn_after": "the group's turn (previous lead: {name})",
    "reason.group_least_loaded": "the fewest open leads in the group ({load})",
    "rule_field.channel": "channel",
    "rule_field.industry": "industry",
    "rule_field.region_registered": "registered region",
    "rule_field.region": "region",
    "rule_value.federal": "federal companies",
    "rule_field.product": "product",
    "known.brand": "same brand as lead #{lead}",
    "known.phone": "same phone as lead #{lead}",
    "known.email": "same e-mail as lead #{lead}",
    "known.tax_id": "same tax id as lead #{lead}",
    "known.company": "same company as lead #{lead}",
    "known.telegram": "same Telegram contact as lead #{lead}",
    "miss.left": "no longer in the team",
    "miss.empty": "nobody in the group can take it now",
    "miss.gone": "the group was deleted",
    "fallthrough.entry": "rule {number} skipped: {target} — {why}",
    "fallthrough.group": "group {group}",
    "fallthrough.member": "{name}",
    "announce.known_client": "known client",
    "announce.rule": "by rule",
    "claim.not_in_group": "This lead is for group {group}. Only its members can take it.",
    "card.for_group": "👥 For group: {group}",
    # Groups
    "group.usage": (
        "Groups of managers for rules:\n"
        "• /group add gov @ivan @olga — create a group or add to it;\n"
        "• /group mode gov roundrobin — in turn (or first_come — first to claim);\n"
        "• /group del gov @ivan — take out of the group, /group del gov — delete the group;\n"
        "• /groups — all groups."
    ),
    "group.bad_name": "A group's name is one word of up to 32 letters and digits: "
    "/group add gov @ivan.",
    "group.too_big": "A group can have up to {max} managers.",
    "group.created": "Group {group} created: {names}. Mode: first come; to change it — "
    "/group mode {group} roundrobin.",
    "group.extended": "Added to group {group}: {names}.",
    "group.not_found": "There is no group {group}. All groups — /groups.",
    "group.bad_mode": "A group's mode: first_come, round_robin or least_loaded.",
    "group.mode_set": "Group {group}: {mode}.",
    "group.in_use": "Group {group} is used by rules {rules}. Delete or change them first (/rules).",
    "group.deleted": "Group {group} deleted.",
    "group.left": "Taken out of group {group}: {names}.",
    "groups.none": "No groups yet. Create one: /group add gov @ivan @olga.",
    "groups.title": "<b>Groups</b>",
    "groups.line": "• {group} — {mode}: {names}",
    "groups.empty": "nobody",
    "groups.hint": "\nA rule sends leads to a group: /rule add channel=instagram -> group:name.",
    # Rules
    "rule.usage": (
        "Routing rules:\n"
        "• /rule add industry=medical,pharma -> @olga — leads of industry medical or pharma "
        "go to a manager;\n"
        "• /rule add channel=instagram -> group:social — a channel's leads go to a group;\n"
        "• /rule add region=federal -> @boris — federal companies;\n"
        "• /rule del 3 — delete rule 3, /rule move 3 1 — make it the first;\n"
        "• /rules — the list, /route — check where a lead would go."
    ),
    "rule.bad_field": "Rules look at the channel, industry, region, product or a form's own "
    "field by name, not at “{field}”.",
    "rule.bad_values": "Give at least one value, up to 50 values of 100 characters: "
    "/rule add industry=medical,pharma -> @olga.",
    "rule.unknown_member": "{who} is not in the team. Numbers and @usernames are in /team.",
    "rule.too_many": "There can be up to {max} rules.",
    "rule.added": "Rule {number} added. All rules — /rules.",
    "rule.no_such": "There is no rule {number}: there are {count}. The list — /rules.",
    "rule.deleted": "Rule {number} deleted. The rules below moved up — /rules.",
    "rule.moved": "Rule {number} is now number {to}. All rules — /rules.",
    "rules.title": "<b>Routing rules</b> (the first that matches decides)",
    "rules.none": "No rules yet.",
    "rules.default": "Other leads: the team's mode — {mode}.",
    "rules.known_client": "A known client goes to their manager first: {state}.",
    "rules.hint": "Add: /rule add industry=medical -> @olga. Check: /route industry=medical.",
    "rules.condition": "{number}. {field} = {values}",
    "rules.line_member": "{condition} → {name}",
    "rules.line_broken": "{condition} → {name} ⚠️ no longer in the team, the rule is skipped",
    "rules.line_paused": "{condition} → {name} ⏸ paused: leads go on down the list",
    "rules.line_no_group": "{condition} → ⚠️ the group was deleted, the rule is skipped",
    "rules.line_group": "{condition} → group {group} ({mode})",
    # Aliases
    "alias.usage": (
        "Other spellings of one value:\n"
        "• /alias region msk Moscow — “msk” in a form means “Moscow”;\n"
        '• /alias channel yandex "Yandex Direct" — values with spaces in quotes;\n'
        "• /alias del region msk — delete; /alias — all spellings."
    ),
    "alias.same": "That is one value already: rules ignore case, spaces and ё/е.",
    "alias.added": "Saved: “{alias}” means “{canonical}”.",
    "alias.not_found": "There is no spelling “{alias}”. All spellings — /alias.",
    "alias.deleted": "Spelling “{alias}” deleted.",
    "alias.none": "No other spellings yet. Add one: /alias region msk Moscow.",
    "alias.title": "<b>Other spellings</b>",
    "alias.line": "• {field}: “{alias}” = “{canonical}”",
    # /route
    "route.usage": "Write the lead's fields: /route industry=medical region=Moscow "
    "phone=+79001234567. Nothing changes.",
    "route.title": "🔎 Route check, nothing changed.",
    "route.to_member": "The lead would go to: {name}",
    "route.to_group": "The lead would go to the team chat for group {group}; who can take "
    "it: {names}",
    "route.to_chat": "The lead would go to the team chat, for any manager to take",
    "route.to_heads": "A head would choose the manager, from: {names}",
    "route.why": "Why: {reason}",
    "route.passed": "Passed over: {passed}",
}
