"""A reason in words: the owner's next message after "Другое" (a lost lead's, or a
returned offer's) goes into the lead's history and to whoever has the lead now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.lifecycle.events import LostExplained, ReturnExplained
from bot.people import Person
from bot.presentation.callbacks import LostWhy, ReturnWhy
from storage import Database, LeadEvent, LeadRecord, LeadStatus
from storage.unit import Unit
from storage.work.reason_questions import QuestionKind

# A question about a lost lead's reason is the owner's next message for this long; a
# message after it is what it is (a command, a lead to forward), not an old answer.
QUESTION_WAITS = timedelta(hours=1)
NOTE_LIMIT = 500  # characters of a reason kept in the history


@dataclass(frozen=True)
class Noted:
    lead_id: int
    text: str


class ReasonNotes:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def asked(self, user_id: int) -> bool:
        """Whether the person's next message answers why a lead was lost."""
        async with self._db.reading() as u:
            return await u.reason_questions.asked_since(user_id, u.now - QUESTION_WAITS)

    async def note(self, person: Person, text: str) -> Noted | None:
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
                await u.emit(LostExplained(lead, owner, kept, now))
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
            await u.emit(ReturnExplained(lead, holder, name, words, now))
