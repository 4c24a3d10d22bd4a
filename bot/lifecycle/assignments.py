"""What managers do with a lead sent to them: accept or return an offer, close it won or lost.

Each step is one conditional UPDATE that says whether it won, so two taps at once, a stale
button or a repeated update change the lead at most once.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.lifecycle.distribution import Distributor
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.callbacks import ReturnWhy
from bot.presentation.reactions import Reactions
from bot.presentation.reasons import Cause
from storage import (
    Database,
    LeadRecord,
    LeadStatus,
    MemberRecord,
)
from storage.unit import Unit
from storage.work.reason_questions import QuestionKind

log = logging.getLogger(__name__)


class Step(StrEnum):
    """How an Accept, Return, Won, Lost or undo tap ended."""

    DONE = "done"
    STALE = "stale"  # the lead is no longer in the state the button was made for
    NOT_YOURS = "not_yours"  # someone else's lead
    INVALID = "invalid"  # no such lead, or the tapper is not in the team
    TOO_LATE = "too_late"  # an outcome older than UNDO_WINDOW: a head reopens it now


class Assignments:
    def __init__(
        self,
        db: Database,
        life: Lifecycle,
        told: Reactions,
        distributor: Distributor,
    ) -> None:
        self._db = db
        self._life = life
        self._told = told
        self._distributor = distributor

    # ---- offered: accept or return -----------------------------------------------------

    async def accept(self, lead_id: int, person: Person) -> Step:
        async with self._db.unit() as u:
            now = u.now
            owned = await self.owned(u, lead_id, person)
            if isinstance(owned, Step):
                return owned
            _lead, member = owned
            note = Note("accepted", "accepted", actor_user_id=person.user_id)
            moved = await self._life.accept(u, lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            await self._told.accepted(u, moved, member)
        return Step.DONE

    async def give_back(self, lead_id: int, person: Person, reason: ReturnWhy) -> Step:
        """Return an offered lead: it is routed again without this manager."""
        async with self._db.unit() as u:
            now = u.now
            owned = await self.owned(u, lead_id, person)
            if isinstance(owned, Step):
                return owned
            lead, member = owned
            note = Note("returned", reason.value, actor_user_id=person.user_id)
            moved = await self._life.give_back(u, lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            await self._told.given_back(u, lead, member, reason, moved)
            if reason is ReturnWhy.OTHER:
                # "Другое" says nothing: ask in words, for the history and the next manager.
                await u.reason_questions.ask(person.user_id, lead_id, now, QuestionKind.RETURNED)
                await self._told.ask_return_reason(u, lead, member, now)
            assert lead.team_id is not None  # _owned found the member through it
            team = await u.teams.by_id(lead.team_id)
            assert team is not None
            cause = Cause("returned", member.full_name, reason.value)
            await self._distributor.distribute(u, moved.lead, team, now, cause)
        return Step.DONE

    # ---- before a menu ------------------------------------------------------------------

    async def may_give_back(self, lead_id: int, person: Person) -> Step:
        """Whether a Return could go ahead now: the lead is offered to this person."""
        return await self.holds(lead_id, person, LeadStatus.OFFERED)

    async def holds(self, lead_id: int, person: Person, status: LeadStatus) -> Step:
        async with self._db.reading() as u:
            owned = await self.owned(u, lead_id, person)
        if isinstance(owned, Step):
            return owned
        lead, _member = owned
        return Step.DONE if lead.status is status else Step.STALE

    # ---- helpers ------------------------------------------------------------------------

    async def owned(
        self, u: Unit, lead_id: int, person: Person
    ) -> tuple[LeadRecord, MemberRecord] | Step:
        """The lead and the tapper's membership, if the lead is theirs; else why not."""
        lead = await u.leads.get(lead_id)
        member = (
            await u.members.active_by_user(lead.team_id, person.user_id)
            if lead is not None and lead.team_id is not None
            else None
        )
        if lead is None or member is None:
            return Step.INVALID
        if lead.owner_id != member.id:
            return Step.NOT_YOURS
        return lead, member
