"""Won or Lost: the owner closes the lead ("Другое" asks for the reason in words)."""

from __future__ import annotations

from bot.actions.contact import implies_contact
from bot.actions.ownership import Step, holds, owned
from bot.lifecycle.events import Closed
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.callbacks import LostWhy
from storage import Database, LeadStatus
from storage.work.reason_questions import QuestionKind


class Close:
    def __init__(self, db: Database, life: Lifecycle) -> None:
        self._db = db
        self._life = life

    async def may(self, lead_id: int, person: Person) -> Step:
        """Whether Won or Lost could go ahead now: the lead is taken by this person."""
        return await holds(self._db, lead_id, person, LeadStatus.TAKEN)

    async def awaits_contact(self, lead_id: int) -> bool:
        """Whether the lead's buttons still offer 📞 (back from the reasons menu)."""
        async with self._db.reading() as u:
            lead = await u.leads.get(lead_id)
        return lead is not None and lead.awaits_contact

    async def __call__(
        self, lead_id: int, person: Person, won: bool, reason: LostWhy | None = None
    ) -> Step:
        async with self._db.unit() as u:
            now = u.now
            found = await owned(u, lead_id, person)
            if isinstance(found, Step):
                return found
            _lead, member = found
            why_lost = None if won else (reason or LostWhy.OTHER).value
            kind = "won" if won else "lost"
            note = Note(kind, why_lost or kind, actor_user_id=person.user_id)
            contacted = implies_contact(won, None if won else (reason or LostWhy.OTHER))
            moved = await self._life.close(
                u, lead_id, member.id, won, now, note, why_lost, contacted=contacted
            )
            if not isinstance(moved, Moved):
                return Step.STALE
            asks_why = why_lost == LostWhy.OTHER.value
            if asks_why:
                await u.reason_questions.ask(person.user_id, lead_id, now)
            if won:  # the owner's next message may say what the deal was worth
                await u.reason_questions.ask(person.user_id, lead_id, now, QuestionKind.AMOUNT)
            await u.emit(Closed(moved, member, asks_why, asks_amount=won))
        return Step.DONE
