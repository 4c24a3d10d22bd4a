"""The owner's next message after a question: the reason in words after "Другое" (a lost
lead's, or a returned offer's), into the lead's history and to whoever has the lead now;
or, after Won, what the deal was worth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.leads.amounts import parse_amount
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
    amount: int | None = None  # the deal's amount, when that was the question


@dataclass(frozen=True)
class NotAnAmount:
    """The answer to "what was the deal worth" is no amount: the question stays."""

    lead_id: int


class ReasonNotes:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def asked(self, user_id: int) -> bool:
        """Whether the person's next message answers why a lead was lost."""
        async with self._db.reading() as u:
            return await u.reason_questions.asked_since(user_id, u.now - QUESTION_WAITS)

    async def note(self, person: Person, text: str) -> Noted | NotAnAmount | None:
        """The answer goes into the lead's history; None if there was no question to
        answer (any more: answered, too old, or the lead is not lost or won)."""
        async with self._db.unit() as u:
            now = u.now
            question = await u.reason_questions.take(person.user_id)
            if question is None or now - question.asked_at > QUESTION_WAITS:
                return None
            lead = await u.leads.get(question.lead_id)
            if lead is not None and question.kind is QuestionKind.AMOUNT:
                return await self._amount(u, lead, person, text, question.asked_at)
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

    async def skip_amount(self, lead_id: int, person: Person) -> bool:
        """ "Без суммы": the deal's amount is not asked any more; whether it was."""
        async with self._db.unit() as u:
            return await u.reason_questions.forget(person.user_id, lead_id, QuestionKind.AMOUNT)

    async def _amount(
        self, u: Unit, lead: LeadRecord, person: Person, text: str, asked_at: datetime
    ) -> Noted | NotAnAmount | None:
        amount = parse_amount(text)
        if amount is None:
            # Asked again, from when it first was: a typo gets another try, not an hour more.
            await u.reason_questions.ask(person.user_id, lead.id, asked_at, QuestionKind.AMOUNT)
            return NotAnAmount(lead.id)
        owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        if owner is None or owner.user_id != person.user_id:
            return None
        if await u.leads.set_amount(lead.id, owner.id, amount) is None:
            return None  # no longer won: undone, or reopened
        await u.events.add(
            LeadEvent(
                lead.id, u.now, "amount", "owner", actor_user_id=person.user_id,
                member_id=owner.id, details={"amount": amount},
            )
        )  # fmt: skip
        return Noted(lead.id, text.strip(), amount)

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
