"""Leads that change hands by a head's decision or because their owner is out of reach."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from bot.lifecycle.distribution import Distributor
from bot.lifecycle.planner import Planner
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.reactions import Reactions
from bot.presentation.reasons import Cause
from bot.routing import ReasonCode
from bot.team_settings import ANNOUNCE
from storage import (
    CLOSED_STATUSES,
    Database,
    LeadRecord,
    LeadStatus,
    MemberRecord,
)
from storage.unit import Unit

log = logging.getLogger(__name__)


# Why an owner can no longer work a lead: the bot cannot write to them, a head removed them
# from the team, or their vacation began.
Gone = Literal["unreachable", "removed", "away"]


class Assign(StrEnum):
    DONE = "done"
    SAME = "same"  # the lead is already theirs
    TAKEN = "taken"  # a head's button: another head was quicker
    CLOSED = "closed"  # won or lost: nothing to move
    NO_LEAD = "no_lead"
    NO_MEMBER = "no_member"


class Reopen(StrEnum):
    DONE = "done"
    OPEN = "open"  # not closed: nothing to reopen
    OWNER_GONE = "owner_gone"  # whoever closed it has left the team
    NO_LEAD = "no_lead"


@dataclass(frozen=True)
class ReopenResult:
    outcome: Reopen
    lead_id: int
    owner_name: str | None = None


@dataclass(frozen=True)
class AssignResult:
    outcome: Assign
    lead_id: int
    member_name: str | None = None  # the new owner, or the current one when not moved


class Handover:
    def __init__(
        self,
        db: Database,
        planner: Planner,
        life: Lifecycle,
        told: Reactions,
        distributor: Distributor,
    ) -> None:
        self._db = db
        self._planner = planner
        self._life = life
        self._told = told
        self._distributor = distributor

    async def assign(
        self, lead_id: int, member_id: int, head: Person, *, only_if_new: bool
    ) -> AssignResult:
        """A head gives a lead to a member: the head's button (`only_if_new`: the first of
        two heads wins) or `/assign` (moves any lead that is not closed)."""
        async with self._db.unit() as u:
            return await self._assign(u, lead_id, member_id, head, only_if_new)

    async def _assign(
        self, u: Unit, lead_id: int, member_id: int, head: Person, only_if_new: bool
    ) -> AssignResult:
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
        await self._told.assigned(
            u, moved, team, member, previous, head.full_name, details, announce
        )
        log.info("lead %d assigned to member %d by user %d", lead_id, member.id, head.user_id)
        return AssignResult(Assign.DONE, lead_id, member.full_name)

    async def reopen(self, lead_id: int, head: Person) -> ReopenResult:
        """A head puts a closed lead back in work with the manager who closed it (the
        client came back); /assign then moves it on if someone else should have it."""
        async with self._db.unit() as u:
            now = u.now
            lead = await u.leads.get(lead_id)
            team = await u.teams.by_id(lead.team_id) if lead and lead.team_id else None
            if lead is None or team is None:
                return ReopenResult(Reopen.NO_LEAD, lead_id)
            owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
            if lead.status not in CLOSED_STATUSES:
                return ReopenResult(Reopen.OPEN, lead_id)
            if owner is None or not owner.active:
                return ReopenResult(Reopen.OWNER_GONE, lead_id)
            details = {"head": head.full_name, "was": lead.status.value}
            note = Note("reopened", "head", details, head.user_id)
            moved = await self._life.reopen(u, lead_id, owner.id, now, note)
            if not isinstance(moved, Moved):
                return ReopenResult(Reopen.OPEN, lead_id)
            await self._told.reopened(u, moved, team, owner, head.full_name)
        log.info("lead %d reopened for member %d by user %d", lead_id, owner.id, head.user_id)
        return ReopenResult(Reopen.DONE, lead_id, owner.full_name)

    async def _name(self, u: Unit, member_id: int | None) -> str | None:
        member = await u.members.by_id(member_id) if member_id is not None else None
        return member.full_name if member else None

    async def take_back(
        self,
        u: Unit,
        lead: LeadRecord,
        owner: MemberRecord,
        detail: str,
        kind: Gone = "unreachable",
    ) -> bool:
        """The owner cannot work this lead (the bot cannot reach them, a head removed them,
        or their vacation began): route it again without them. A card in the team chat says
        where the lead went. Call inside a transaction."""
        if lead.team_id is None:
            return False
        now = u.now
        note = Note("returned", f"owner_{kind}", {"error": detail})
        moved = await self._life.take_back(u, lead.id, owner.id, now, note)
        if not isinstance(moved, Moved):
            return False
        team = await u.teams.by_id(lead.team_id)
        fresh = moved.lead
        assert team is not None
        await self._told.taken_back(u, lead, owner, kind == "away", team, moved)
        await self._distributor.distribute(u, fresh, team, now, Cause(kind, owner.full_name))
        log.warning("lead %d moves on: owner %d %s", lead.id, owner.id, kind)
        return True

    async def withdraw_offers(self, u: Unit, member: MemberRecord, detail: str, kind: Gone) -> int:
        """Leads offered to a member who left the team (or went on vacation) move on; leads
        they took stay theirs (they hold the contacts and the conversation). Call inside a
        transaction."""
        moved = 0
        for lead in await u.lists.open_of(member.id):
            if lead.status is LeadStatus.OFFERED:
                moved += await self.take_back(u, lead, member, detail, kind)
        return moved
