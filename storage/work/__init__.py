"""A lead's life: leads, their events, timers, turns, client keys and open questions."""
