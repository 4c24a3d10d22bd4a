"""Leads taken from an owner who can no longer work them: out of reach, removed, away,
paused."""

from __future__ import annotations

import logging

from bot.lifecycle.distribution import Distributor
from bot.lifecycle.events import Gone, TakenBack
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.presentation.reasons import Cause
from storage import (
    LeadRecord,
    LeadStatus,
    MemberRecord,
)
from storage.unit import Unit

log = logging.getLogger(__name__)


class Handover:
    def __init__(
        self,
        life: Lifecycle,
        distributor: Distributor,
    ) -> None:
        self._life = life
        self._distributor = distributor

    async def take_back(
        self,
        u: Unit,
        lead: LeadRecord,
        owner: MemberRecord,
        detail: str,
        kind: Gone = "unreachable",
    ) -> bool:
        """The owner cannot work this lead (the bot cannot reach them, a head removed them,
        their vacation began, they were paused for lapses): route it again without them. A
        card in the team chat says where the lead went. Call inside a transaction."""
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
        await u.emit(TakenBack(lead, owner, kind, team, moved))
        await self._distributor.distribute(u, fresh, team, now, Cause(kind, owner.full_name))
        log.warning("lead %d moves on: owner %d %s", lead.id, owner.id, kind)
        return True

    async def withdraw_offers(self, u: Unit, member: MemberRecord, detail: str, kind: Gone) -> int:
        """Leads offered to a member who left the team (went on vacation, was paused for
        lapses) move on; leads they took stay theirs (they hold the contacts and the
        conversation: a head decides, see `bot.services.leaving`). Call inside a
        transaction."""
        moved = 0
        for lead in await u.lists.open_of(member.id):
            if lead.status is LeadStatus.OFFERED:
                moved += await self.take_back(u, lead, member, detail, kind)
        return moved
