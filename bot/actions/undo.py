"""Undo: the owner takes back Won or Lost within UNDO_WINDOW; later a head reopens it."""

from __future__ import annotations

import logging

from bot.actions.ownership import Step, owned
from bot.lifecycle.events import Undone
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from storage import Database, LeadStatus

log = logging.getLogger(__name__)


class Undo:
    def __init__(self, db: Database, life: Lifecycle) -> None:
        self._db = db
        self._life = life

    async def __call__(self, lead_id: int, person: Person) -> Step:
        """TOO_LATE after UNDO_WINDOW: a head reopens the lead then."""
        async with self._db.unit() as u:
            found = await owned(u, lead_id, person)
            if isinstance(found, Step):
                return found
            lead, member = found
            if lead.status not in (LeadStatus.WON, LeadStatus.LOST):
                return Step.STALE
            details = {"was": lead.status.value}
            note = Note("undone", "owner", details, person.user_id)
            moved = await self._life.undo(u, lead_id, member.id, u.now, note)
            if not isinstance(moved, Moved):
                return Step.TOO_LATE
            await u.reason_questions.forget_lead(lead_id)
            await u.emit(Undone(moved, member))
        log.info("lead %d: outcome undone by member %d", lead_id, member.id)
        return Step.DONE
