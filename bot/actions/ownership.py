"""Whose lead it is: the check every tap on a lead's own buttons starts with."""

from __future__ import annotations

from enum import StrEnum

from bot.people import Person
from storage import Database, LeadRecord, LeadStatus, MemberRecord
from storage.unit import Unit


class Step(StrEnum):
    """How an Accept, Return, Won, Lost or undo tap ended."""

    DONE = "done"
    STALE = "stale"  # the lead is no longer in the state the button was made for
    NOT_YOURS = "not_yours"  # someone else's lead
    INVALID = "invalid"  # no such lead, or the tapper is not in the team
    TOO_LATE = "too_late"  # an outcome older than UNDO_WINDOW: a head reopens it now


async def owned(u: Unit, lead_id: int, person: Person) -> tuple[LeadRecord, MemberRecord] | Step:
    """The lead and the tapper's membership, if the lead is theirs; else why not. Someone
    removed from the team still works the leads a head left with them (`services.leaving`),
    and nothing else."""
    lead = await u.leads.get(lead_id)
    member = (
        await u.members.by_user(lead.team_id, person.user_id)
        if lead is not None and lead.team_id is not None
        else None
    )
    if lead is None or member is None:
        return Step.INVALID
    if lead.owner_id != member.id:
        return Step.NOT_YOURS if member.active else Step.INVALID
    return lead, member


async def holds(db: Database, lead_id: int, person: Person, status: LeadStatus) -> Step:
    """Whether the person holds the lead in `status` now (before a menu is shown)."""
    async with db.reading() as u:
        found = await owned(u, lead_id, person)
    if isinstance(found, Step):
        return found
    lead, _member = found
    return Step.DONE if lead.status is status else Step.STALE
