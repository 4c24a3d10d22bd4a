"""A lead's life: the only code that changes a lead's state (transitions.py, its table in
states.py), and the services that drive it: distribution, claims, assignments, handover,
and what a routing decision sends (lead_posts via presentation, head_cards)."""
