"""What `auto_pause` reads back, on every engine: a member's latest turns since they last
came back, and when that was (the end of a pause or of a vacation)."""

from __future__ import annotations

from datetime import date, timedelta

from storage import Database, LeadEvent, LeadEventRepo, LeadFields, LeadRepo, LeadSource, MemberRepo
from storage.team.vacations import VacationRepo
from tests.storage.test_repos import T0, make_team

KINDS = ("accepted", "returned", "contacted", "won", "lost")


async def test_a_members_turns_come_newest_first_back_to_their_return(db: Database) -> None:
    team = await make_team(db)
    members, events = MemberRepo(db.conn), LeadEventRepo(db.conn)
    async with db.unit():
        ivan = await members.upsert_active(team.id, 201, "Ivan", "ivan", "ru", T0)
        olga = await members.upsert_active(team.id, 202, "Olga", "olga", "ru", T0)
        lead = await LeadRepo(db.conn).insert(team.id, LeadSource.HTTP, LeadFields(name="A"), T0)
        for minute, kind, reason, actor, member in (
            (1, "returned", "timeout", None, ivan.id),
            (2, "accepted", "accepted", 201, ivan.id),
            (3, "claimed", "claimed", 201, ivan.id),  # not a kind asked for
            (4, "returned", "no_contact", None, olga.id),  # someone else's
            (5, "returned", "busy", 201, ivan.id),
            (6, "returned", "timeout", None, ivan.id),
        ):
            at = T0 + timedelta(minutes=minute)
            await events.add(LeadEvent(lead.id, at, kind, reason, actor, member))
    turns = await events.turns_of(ivan.id, 201, KINDS, None, 10)
    assert turns == [
        ("returned", "timeout", False),
        ("returned", "busy", True),
        ("accepted", "accepted", True),
        ("returned", "timeout", False),
    ]
    assert await events.turns_of(ivan.id, 201, KINDS, None, 2) == turns[:2]
    since = T0 + timedelta(minutes=2)  # the accept itself is not after it
    assert await events.turns_of(ivan.id, 201, KINDS, since, 10) == turns[:2]


async def test_a_member_is_back_at_the_latest_end_of_a_pause_or_a_vacation(db: Database) -> None:
    team = await make_team(db)
    members = MemberRepo(db.conn)
    async with db.unit():
        ivan = await members.upsert_active(team.id, 201, "Ivan", "ivan", "ru", T0)
    assert await members.back_since(ivan.id) is None
    async with db.unit():
        await members.set_paused(ivan.id, True, T0)
    assert await members.back_since(ivan.id) is None  # paused, never back yet
    async with db.unit():
        await members.set_paused(ivan.id, False, T0 + timedelta(hours=1))
    assert await members.back_since(ivan.id) == T0 + timedelta(hours=1)
    vacations = VacationRepo(db.conn)
    async with db.unit():
        vacation = await vacations.add(
            team.id, ivan.id, None, date(2026, 12, 2), date(2026, 12, 3), 100, T0
        )
        await vacations.start(vacation.id, T0 + timedelta(days=1))
        await vacations.end(vacation.id, T0 + timedelta(days=3))
    assert await members.back_since(ivan.id) == T0 + timedelta(days=3)
