"""Whether a manager can get a lead now."""

from __future__ import annotations

from collections.abc import Iterable

from bot.routing.model import MemberState, Passed, Skip
from bot.routing.turns import Weighted


def unavailable(member: MemberState, exclude: frozenset[int]) -> Skip | None:
    if member.member_id in exclude:
        return Skip.EXCLUDED
    if member.away:
        return Skip.AWAY
    if member.paused:
        return Skip.PAUSED
    if member.off_hours:
        return Skip.OFF_HOURS
    if member.cap is not None and member.open_leads >= member.cap:
        return Skip.AT_CAP
    return None


def who_is_free(
    members: Iterable[MemberState], exclude: frozenset[int]
) -> tuple[tuple[Passed, ...], list[MemberState]]:
    """Who is passed over now (and why), and who may take a lead."""
    passed: list[Passed] = []
    available: list[MemberState] = []
    for member in members:
        why = unavailable(member, exclude)
        if why is None:
            available.append(member)
        else:
            passed.append(Passed(member.member_id, why))
    return tuple(passed), available


def who_can_take(
    members: Iterable[MemberState], exclude: frozenset[int]
) -> tuple[tuple[Passed, ...], list[Weighted]]:
    """Who is passed over now (and why), and who may take a lead in turn, with weights."""
    passed, free = who_is_free(members, exclude)
    return passed, [Weighted(m.member_id, m.weight) for m in free]
