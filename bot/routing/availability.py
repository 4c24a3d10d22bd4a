"""Whether a manager can get a lead now. Vacations and working hours join here later."""

from __future__ import annotations

from bot.routing.model import MemberState, Skip


def unavailable(member: MemberState, exclude: frozenset[int]) -> Skip | None:
    if member.member_id in exclude:
        return Skip.EXCLUDED
    if member.paused:
        return Skip.PAUSED
    if member.cap is not None and member.open_leads >= member.cap:
        return Skip.AT_CAP
    return None
