"""How a lead ends: its owner taps Won or Lost (with a reason; "Другое" asks for it in
words), and may take the outcome back within UNDO_WINDOW. Later, a head reopens it
(`Handover.reopen`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.lifecycle.assignments import Assignments, Step
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.callbacks import LostWhy, ReturnWhy
from bot.presentation.endings import Endings
from storage import Database, LeadEvent, LeadRecord, LeadStatus
from storage.unit import Unit
from storage.work.reason_questions import QuestionKind

log = logging.getLogger(__name__)

# A question about a lost lead's reason is the owner's next message for this long; a
# message after it is what it is (a command, a lead to forward), not an old answer.
QUESTION_WAITS = timedelta(hours=1)
NOTE_LIMIT = 500  # characters of a reason kept in the history


@dataclass(frozen=True)
class Noted:
    lead_id: int
    text: str


class Outcomes:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        life: Lifecycle,
        endings: Endings,
        assignments: Assignments,
    ) -> None:
        self._db = db
        self._clock = clock
        self._life = life
        self._endings = endings
        self._assignments = assignments

    async def may_close(self, lead_id: int, person: Person) -> Step:
        """Whether Won or Lost could go ahead now: the lead is taken by this person."""
        return await self._assignments.holds(lead_id, person, LeadStatus.TAKEN)

    async def close(
        self, lead_id: int, person: Person, won: bool, reason: LostWhy | None = None
    ) -> Step:
        async with self._db.unit() as u:
            now = u.now
            owned = await self._assignments.owned(u, lead_id, person)
            if isinstance(owned, Step):
                return owned
            _lead, member = owned
            why_lost = None if won else (reason or LostWhy.OTHER).value
            kind = "won" if won else "lost"
            note = Note(kind, why_lost or kind, actor_user_id=person.user_id)
            moved = await self._life.close(u, lead_id, member.id, won, now, note, why_lost)
            if not isinstance(moved, Moved):
                return Step.STALE
            await self._endings.closed(u, moved, member)
            if why_lost == LostWhy.OTHER.value:
                await u.reason_questions.ask(person.user_id, lead_id, now)
                await self._endings.ask_reason(u, moved.lead, member, moved)
        return Step.DONE

    async def undo(self, lead_id: int, person: Person) -> Step:
        """Its owner takes back Won or Lost: TOO_LATE after UNDO_WINDOW (a head reopens)."""
        async with self._db.unit() as u:
            now = u.now
            owned = await self._assignments.owned(u, lead_id, person)
            if isinstance(owned, Step):
                return owned
            lead, member = owned
            if lead.status not in (LeadStatus.WON, LeadStatus.LOST):
                return Step.STALE
            details = {"was": lead.status.value}
            note = Note("undone", "owner", details, person.user_id)
            moved = await self._life.undo(u, lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.TOO_LATE
            await u.reason_questions.forget_lead(lead_id)
            await self._endings.undone(u, moved, member)
        log.info("lead %d: outcome undone by member %d", lead_id, member.id)
        return Step.DONE

    async def asked(self, user_id: int) -> bool:
        """Whether the person's next message answers why a lead was lost."""
        since = self._clock.now() - QUESTION_WAITS
        async with self._db.reading() as u:
            return await u.reason_questions.asked_since(user_id, since)

    async def note_reason(self, person: Person, text: str) -> Noted | None:
        """The answer goes into the lead's history; None if there was no question to
        answer (any more: answered, too old, or the lead is not lost)."""
        async with self._db.unit() as u:
            now = u.now
            question = await u.reason_questions.take(person.user_id)
            if question is None or now - question.asked_at > QUESTION_WAITS:
                return None
            lead = await u.leads.get(question.lead_id)
            kept = text.strip()[:NOTE_LIMIT]
            if lead is not None and question.kind is QuestionKind.RETURNED:
                await self._returned_because(u, lead, person, kept, now)
                return Noted(lead.id, kept)
            if lead is None or lead.status is not LeadStatus.LOST:
                return None
            await u.events.add(
                LeadEvent(
                    lead.id,
                    now,
                    "lost_note",
                    LostWhy.OTHER.value,
                    actor_user_id=person.user_id,
                    member_id=lead.owner_id,
                    details={"text": kept},
                )
            )
            owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
            if owner is not None:
                await self._endings.explained(u, lead, owner, kept, now)
        return Noted(lead.id, kept)

    async def _returned_because(
        self, u: Unit, lead: LeadRecord, person: Person, words: str, now: datetime
    ) -> None:
        """A returned offer's reason in words: in the history, and told to whoever has the
        lead now (the next manager got it before the words came)."""
        returner = await u.members.by_user(lead.team_id, person.user_id) if lead.team_id else None
        await u.events.add(
            LeadEvent(
                lead.id,
                now,
                "return_note",
                ReturnWhy.OTHER.value,
                actor_user_id=person.user_id,
                member_id=returner.id if returner else None,
                details={"text": words},
            )
        )
        holder = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        if holder is not None and holder.user_id != person.user_id:
            name = returner.full_name if returner else person.full_name
            await self._endings.return_explained(u, lead, holder, name, words, now)
