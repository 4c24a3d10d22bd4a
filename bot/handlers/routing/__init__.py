"""Routers of routing: the mode, rules, groups and aliases, form links."""
