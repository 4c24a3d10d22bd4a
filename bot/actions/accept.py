"""Accept: the manager an offer went to takes the lead."""

from __future__ import annotations

from bot.actions.ownership import Step, owned
from bot.lifecycle.events import Accepted
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from storage import Database


class Accept:
    def __init__(self, db: Database, life: Lifecycle) -> None:
        self._db = db
        self._life = life

    async def __call__(self, lead_id: int, person: Person) -> Step:
        async with self._db.unit() as u:
            found = await owned(u, lead_id, person)
            if isinstance(found, Step):
                return found
            _lead, member = found
            note = Note("accepted", "accepted", actor_user_id=person.user_id)
            moved = await self._life.accept(u, lead_id, member.id, u.now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            await u.emit(Accepted(moved, member))
        return Step.DONE
