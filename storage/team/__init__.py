"""A team's configuration: teams, members, heads, settings, rules, groups, vacations,
form links, and the history of what changed."""
