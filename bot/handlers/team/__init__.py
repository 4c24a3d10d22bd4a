"""Routers of the team: its set-up, members, heads, hours, vacations and the chat."""
