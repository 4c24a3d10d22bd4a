"""Least loaded: the next lead goes to the available manager with the fewest open leads
(offered or taken, not closed) for their weight; ties go by the round-robin turn.

A manager who comes back (from a vacation, a pause, their hours off, or new in the team)
has few open leads: counted as they are, they would get every lead until they caught up
with the others. So while they catch up their load counts as at least the median load of
the others available: they share the new leads in turn with whoever is at the median, and
leave the catch-up once their own load reaches it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from bot.routing.model import MemberState
from bot.routing.turns import TurnState, Weighted, next_turn


def load_of(member: MemberState) -> Fraction:
    """Open leads for the weight: a weight-2 manager carries twice as many as a weight-1."""
    return Fraction(member.open_leads, member.weight)


def counted_loads(
    state: TurnState, available: Sequence[MemberState]
) -> tuple[dict[int, Fraction], frozenset[int]]:
    """Each available manager's load as least loaded counts it, and who is catching up
    (back since the previous lead, or still below the others' median)."""
    loads = {m.member_id: load_of(m) for m in available}
    returning = {m.member_id for m in available if m.member_id not in state.live}
    catching = (state.catching | returning) & loads.keys()
    others = [load for other, load in loads.items() if other not in catching]
    if not others:  # everyone is coming back at once: nobody to catch up with
        return loads, frozenset()
    floor = Fraction(statistics.median(others))
    still = frozenset(m for m in catching if loads[m] < floor)
    return {m: max(load, floor) if m in still else load for m, load in loads.items()}, still


def least_loaded(
    state: TurnState, available: Sequence[MemberState]
) -> tuple[MemberState, TurnState] | None:
    """Who gets the next lead among `available` (in team order), and the turn after it."""
    if not available:
        return None
    counted, catching = counted_loads(state, available)
    lowest = min(counted.values())
    tied = [Weighted(m.member_id, m.weight) for m in available if counted[m.member_id] == lowest]
    picked = next_turn(state, tied)
    assert picked is not None
    member_id, turn = picked
    chosen = next(m for m in available if m.member_id == member_id)
    # The turn saw only the tied: who was available, and who still catches up, is everyone's.
    live = frozenset(m.member_id for m in available)
    return chosen, replace(turn, live=live, catching=catching)
