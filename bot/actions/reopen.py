"""A head puts a closed lead back in work (the client came back)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.lifecycle.events import Reopened
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from storage import CLOSED_STATUSES, Database

log = logging.getLogger(__name__)


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


class ReopenLead:
    def __init__(self, db: Database, life: Lifecycle) -> None:
        self._db = db
        self._life = life

    async def __call__(self, lead_id: int, head: Person) -> ReopenResult:
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
            # Closed no more: nobody is asked why it was lost, or what the deal was worth.
            await u.reason_questions.forget_lead(lead_id)
            await u.emit(Reopened(moved, team, owner, head.full_name))
        log.info("lead %d reopened for member %d by user %d", lead_id, owner.id, head.user_id)
        return ReopenResult(Reopen.DONE, lead_id, owner.full_name)
