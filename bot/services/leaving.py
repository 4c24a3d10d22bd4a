"""A manager leaves the team with leads in work, and the head who removed them decides what
becomes of those leads: handed out by the routing, as the team's leads are; all given to one
person; or left where they are. Each client goes to someone, and the client's contacts to
no one but the new owner: the routing offers the lead (contacts after Accept) or posts its
public card, and a head's choice is an assignment, whose contacts go to the new owner alone.
The former owner's cards lose their buttons and say where the lead went."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.actions.assign import Assign, AssignLead
from bot.lifecycle.handover import Handover
from bot.people import Person
from storage import Database, MemberRecord
from storage.unit import Unit

log = logging.getLogger(__name__)


class Leave(StrEnum):
    DONE = "done"
    NONE_LEFT = "none_left"  # no leads in work: closed since, or decided already
    BACK = "back"  # they are in the team again: their leads are theirs
    NO_MEMBER = "no_member"  # the chosen new owner is not in the team
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class LeaveResult:
    outcome: Leave
    member: MemberRecord | None = None  # who left
    count: int = 0  # leads moved (kept: still theirs)
    to: MemberRecord | None = None  # who got them all


class Leaving:
    def __init__(self, db: Database, handover: Handover, assign: AssignLead) -> None:
        self._db = db
        self._handover = handover
        self._assign = assign

    async def others(self, member_id: int) -> list[MemberRecord]:
        """Whom a head may give the leads to: the team's members but the one who left."""
        async with self._db.reading() as u:
            member = await u.members.by_id(member_id)
            if member is None:
                return []
            return [m for m in await u.members.active(member.team_id) if m.id != member_id]

    async def route(self, member_id: int) -> LeaveResult:
        """Each lead goes on as if its owner had become unreachable: by the routing."""
        async with self._db.unit() as u:
            found = await _left(u, member_id)
            if found.outcome is not Leave.DONE:
                return found
            member, leads = found.member, await u.lists.open_of(member_id)
            assert member is not None
            moved = 0
            for lead in leads:
                moved += await self._handover.take_back(
                    u, lead, member, "removed by a head", "removed"
                )
        log.info("leads of removed member %d handed out by the routing: %d", member_id, moved)
        return LeaveResult(Leave.DONE if moved else Leave.NONE_LEFT, member, moved)

    async def give(self, head: Person, member_id: int, to_id: int) -> LeaveResult:
        """All of them to one member, as a head's assignment of each."""
        async with self._db.unit() as u:
            found = await _left(u, member_id)
            if found.outcome is not Leave.DONE:
                return found
            left, to = found.member, await u.members.by_id(to_id)
            assert left is not None
            if to is None or not to.active or to.id == left.id or to.team_id != left.team_id:
                return LeaveResult(Leave.NO_MEMBER, left)
            moved = 0
            for lead in await u.lists.open_of(member_id):
                done = await self._assign.assign_in(u, lead.id, to.id, head, only_if_new=False)
                moved += done.outcome is Assign.DONE
        log.info("leads of removed member %d given to member %d: %d", member_id, to_id, moved)
        return LeaveResult(Leave.DONE if moved else Leave.NONE_LEFT, found.member, moved, to)

    async def keep(self, member_id: int) -> LeaveResult:
        """They stay with the one who left (who holds the conversation with each client)."""
        async with self._db.reading() as u:
            found = await _left(u, member_id)
            if found.outcome is not Leave.DONE:
                return found
            count = len(await u.lists.open_of(member_id))
        return LeaveResult(Leave.DONE if count else Leave.NONE_LEFT, found.member, count)


async def _left(u: Unit, member_id: int) -> LeaveResult:
    member = await u.members.by_id(member_id)
    if member is None:
        return LeaveResult(Leave.NOT_FOUND)
    if member.active:
        return LeaveResult(Leave.BACK, member)
    return LeaveResult(Leave.DONE, member)
