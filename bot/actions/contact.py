"""📞: the owner of a taken lead reached the client. The first contact is what the team's
speed to lead is measured by; it stops the contact reminder and timeout."""

from __future__ import annotations

from bot.actions.ownership import Step, owned
from bot.lifecycle.events import Contacted
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.presentation.callbacks import LostWhy
from storage import Database

# Lost for these reasons, the client was talked to: the outcome counts as the first contact
# when 📞 was never tapped. "Не дозвонился" says the opposite; "другое" says nothing sure.
_TALKED = frozenset({LostWhy.NO_BUDGET, LostWhy.COMPETITOR, LostWhy.NOT_CLIENT})


def implies_contact(won: bool, reason: LostWhy | None) -> bool:
    """Whether an outcome says the client was reached: a deal always does."""
    return won or reason in _TALKED


class Contact:
    def __init__(self, db: Database, life: Lifecycle) -> None:
        self._db = db
        self._life = life

    async def __call__(self, lead_id: int, person: Person) -> Step:
        async with self._db.unit() as u:
            found = await owned(u, lead_id, person)
            if isinstance(found, Step):
                return found
            _lead, member = found
            note = Note("contacted", "owner", actor_user_id=person.user_id)
            moved = await self._life.contact(u, lead_id, member.id, u.now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            team = await u.teams.by_id(moved.lead.team_id) if moved.lead.team_id else None
            assert team is not None, "a taken lead belongs to a team"
            await u.emit(Contacted(moved, member, team))
        return Step.DONE
