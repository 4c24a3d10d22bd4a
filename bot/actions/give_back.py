"""Return: the manager an offer went to gives it back, and it is routed again without them."""

from __future__ import annotations

from bot.actions.ownership import Step, holds, owned
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.events import GivenBack
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.callbacks import ReturnWhy
from bot.presentation.reasons import Cause
from storage import Database, LeadStatus
from storage.work.reason_questions import QuestionKind


class GiveBack:
    def __init__(self, db: Database, life: Lifecycle, distributor: Distributor) -> None:
        self._db = db
        self._life = life
        self._distributor = distributor

    async def may(self, lead_id: int, person: Person) -> Step:
        """Whether a Return could go ahead now: the lead is offered to this person."""
        return await holds(self._db, lead_id, person, LeadStatus.OFFERED)

    async def __call__(self, lead_id: int, person: Person, reason: ReturnWhy) -> Step:
        async with self._db.unit() as u:
            now = u.now
            found = await owned(u, lead_id, person)
            if isinstance(found, Step):
                return found
            lead, member = found
            note = Note("returned", reason.value, actor_user_id=person.user_id)
            moved = await self._life.give_back(u, lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            # "Другое" says nothing: ask in words, for the history and the next manager.
            asks_why = reason is ReturnWhy.OTHER
            if asks_why:
                await u.reason_questions.ask(person.user_id, lead_id, now, QuestionKind.RETURNED)
            await u.emit(GivenBack(lead, member, reason, moved, asks_why))
            assert lead.team_id is not None  # `owned` found the member through it
            team = await u.teams.by_id(lead.team_id)
            assert team is not None
            cause = Cause("returned", member.full_name, reason.value)
            await self._distributor.distribute(u, moved.lead, team, now, cause)
        return Step.DONE
