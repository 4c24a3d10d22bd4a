"""Timers and vacations on real SQLite files: a timer fires once, the pending ones are found
in due order, vacations move only forward, and old files upgrade with their leads."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from storage import Database, LeadFields, LeadRepo, LeadSource, LeadStatus, MemberRepo, TeamRepo
from storage.team.vacations import VacationRepo, VacationStatus
from storage.work.lead_lists import LeadListRepo
from storage.work.timers import TimerKind, TimerRepo
from tests.engines import REFUSED
from tests.storage.test_migrations import old_file

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


async def team_with_members(db: Database) -> tuple[int, int, int]:
    async with db.unit():
        team = await TeamRepo(db.conn).create(-1001, "Отдел", "ru", 100, NOW)
        members = MemberRepo(db.conn)
        ivan = await members.upsert_active(team.id, 201, "Ivan", None, "ru", NOW)
        olga = await members.upsert_active(team.id, 202, "Olga", None, "ru", NOW)
    return team.id, ivan.id, olga.id


async def test_a_timer_fires_once_however_many_callers_race(db: Database) -> None:
    team_id, _, _ = await team_with_members(db)
    timers = TimerRepo(db.conn)
    async with db.unit():
        timer = await timers.add(team_id, TimerKind.OPENING, NOW, NOW)
    results = await asyncio.gather(*(timers.fire(timer.id, NOW) for _ in range(5)))
    assert sorted(results) == [False, False, False, False, True]
    assert await timers.due(NOW + MINUTE) == []
    assert await timers.earliest() is None


async def test_due_timers_come_in_due_order_and_cancelled_ones_never(db: Database) -> None:
    team_id, _, _ = await team_with_members(db)
    timers = TimerRepo(db.conn)
    async with db.unit():
        lead = await LeadRepo(db.conn).insert(team_id, LeadSource.HTTP, LeadFields(name="A"), NOW)
        late = await timers.add(
            team_id, TimerKind.CLAIM_REMIND, NOW + 2 * MINUTE, NOW, lead_id=lead.id
        )
        soon = await timers.add(team_id, TimerKind.OPENING, NOW + MINUTE, NOW)
        gone = await timers.add(team_id, TimerKind.CLAIM_ESCALATE, NOW, NOW, lead_id=lead.id)
    assert await timers.earliest() == NOW
    async with db.unit():
        assert await timers.cancel_for_lead(lead.id, NOW) == 2
    assert await timers.earliest() == NOW + MINUTE
    assert [t.id for t in await timers.due(NOW + 5 * MINUTE)] == [soon.id]
    assert gone.id != late.id
    async with db.unit():
        await timers.failed(soon.id, NOW, "boom")
    assert await timers.due(NOW + 5 * MINUTE) == []


async def test_the_weekly_report_fires_after_the_opening_due_with_it(db: Database) -> None:
    # The report is written before the opening (the team's first timer), yet it describes
    # the day as it starts: after the opening has offered what waited overnight.
    team_id, _, _ = await team_with_members(db)
    timers = TimerRepo(db.conn)
    async with db.unit():
        report = await timers.add(team_id, TimerKind.WEEKLY_REPORT, NOW, NOW)
        opening = await timers.add(team_id, TimerKind.OPENING, NOW, NOW)
        earlier = await timers.add(team_id, TimerKind.OPENING, NOW - MINUTE, NOW)
    assert [t.id for t in await timers.due(NOW)] == [earlier.id, opening.id, report.id]


async def test_a_vacation_only_moves_forward(db: Database) -> None:
    team_id, ivan, olga = await team_with_members(db)
    vacations = VacationRepo(db.conn)
    async with db.unit():
        vacation = await vacations.add(
            team_id, ivan, olga, date(2026, 12, 30), date(2027, 1, 2), 100, NOW
        )
    assert vacation.status is VacationStatus.PLANNED
    assert not await vacations.end(vacation.id, NOW)  # not started
    assert await vacations.start(vacation.id, NOW)
    assert not await vacations.start(vacation.id, NOW)
    assert not await vacations.cancel(vacation.id, NOW)  # started: end it instead
    assert [v.id for v in await vacations.open_of_team(team_id)] == [vacation.id]
    assert await vacations.end(vacation.id, NOW)
    assert await vacations.open_of_team(team_id) == []


@pytest.mark.parametrize(
    ("first", "last", "deputy_is_self"),
    [(date(2026, 12, 2), date(2026, 12, 1), False), (date(2026, 12, 1), date(2026, 12, 2), True)],
)
async def test_the_file_refuses_a_backwards_vacation_or_a_self_deputy(
    db: Database, first: date, last: date, deputy_is_self: bool
) -> None:
    team_id, ivan, olga = await team_with_members(db)
    with pytest.raises(REFUSED):
        async with db.unit():
            await VacationRepo(db.conn).add(
                team_id, ivan, ivan if deputy_is_self else olga, first, last, 100, NOW
            )


async def test_an_old_file_upgrades_through_the_leads_rebuild_and_still_counts_open_leads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)
    db = await Database.open(path)
    try:
        leads = LeadRepo(db.conn)
        taken = await leads.get(2)
        assert taken is not None and taken.status is LeadStatus.TAKEN and taken.cover_for is None
        async with db.unit():
            assert await leads.offer(1, 1, NOW, cover_for=2)
        ivan = await MemberRepo(db.conn).by_id(1)
        assert ivan is not None and ivan.open_leads == 1  # the rebuilt table's triggers count
        assert [lead.id for lead in await LeadListRepo(db.conn).covering(2)] == [1]
        async with db.unit():
            assert await leads.hand_back(1, 1, 2, NOW)
        olga = await MemberRepo(db.conn).by_id(2)
        assert olga is not None and olga.open_leads == 2
    finally:
        await db.close()
