"""A head gives a lead to a member: the head's button, /assign, or /open's buttons."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.lifecycle.events import Assigned
from bot.lifecycle.planner import Planner
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.routing import ReasonCode
from bot.team_settings import ANNOUNCE
from storage import Database
from storage.unit import Unit

log = logging.getLogger(__name__)


class Assign(StrEnum):
    DONE = "done"
    SAME = "same"  # the lead is already theirs
    TAKEN = "taken"  # a head's button: another head was quicker
    CLOSED = "closed"  # won or lost: nothing to move
    NO_LEAD = "no_lead"
    NO_MEMBER = "no_member"


@dataclass(frozen=True)
class AssignResult:
    outcome: Assign
    lead_id: int
    member_name: str | None = None  # the new owner, or the current one when not moved


class AssignLead:
    def __init__(self, db: Database, planner: Planner, life: Lifecycle) -> None:
        self._db = db
        self._planner = planner
        self._life = life

    async def __call__(
        self, lead_id: int, member_id: int, head: Person, *, only_if_new: bool
    ) -> AssignResult:
        """A head gives a lead to a member: the head's button (`only_if_new`: the first of
        two heads wins) or `/assign` (moves any lead that is not closed)."""
        async with self._db.unit() as u:
            return await self.assign_in(u, lead_id, member_id, head, only_if_new=only_if_new)

    async def assign_in(
        self, u: Unit, lead_id: int, member_id: int, head: Person, *, only_if_new: bool
    ) -> AssignResult:
        """The same, inside a transaction of the caller's (several leads at once)."""
        now = u.now
        lead = await u.leads.get(lead_id)
        if lead is None or lead.team_id is None:
            return AssignResult(Assign.NO_LEAD, lead_id)
        member = await u.members.by_id(member_id)
        if member is None or not member.active or member.team_id != lead.team_id:
            return AssignResult(Assign.NO_MEMBER, lead_id)
        if not lead.open:
            return AssignResult(Assign.CLOSED, lead_id, await self._name(u, lead.owner_id))
        if lead.owner_id == member.id:
            return AssignResult(Assign.SAME, lead_id, member.full_name)
        previous = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        details: dict[str, object] = {"reason": ReasonCode.ASSIGNED.value, "head": head.full_name}
        if previous is not None:
            details["previous"] = previous.full_name
        note = Note("assigned", ReasonCode.ASSIGNED.value, details, head.user_id)
        moved = await self._life.assign(u, lead_id, member.id, now, note, only_if_new=only_if_new)
        if not isinstance(moved, Moved):
            return AssignResult(Assign.TAKEN, lead_id, await self._name(u, lead.owner_id))
        team = await u.teams.by_id(lead.team_id)
        assert team is not None
        announce = (await self._planner.settings(u, team))[ANNOUNCE]
        await u.emit(Assigned(moved, team, member, previous, head.full_name, details, announce))
        log.info("lead %d assigned to member %d by user %d", lead_id, member.id, head.user_id)
        return AssignResult(Assign.DONE, lead_id, member.full_name)

    async def _name(self, u: Unit, member_id: int | None) -> str | None:
        member = await u.members.by_id(member_id) if member_id is not None else None
        return member.full_name if member else None
