"""What a new lead costs the database, counted in statements on a real file. The team's
configuration is kept in memory (migration 0011's token says when to read it again), so
a lead pays for itself, not for re-reading who is in the team."""

from __future__ import annotations

from bench import SET_UP_AT, open_all_day
from bot.actions.intake import IntakeService, NewLead
from bot.delivery.signal import OutboxSignal
from bot.people import Roles
from bot.runtime.build import build_core, wire
from storage import Database, LeadFields, LeadSource
from tests.engines import only_sqlite
from tests.fakes.clock import FakeClock
from tests.fakes.statements import counting

BOOKENDS = 2  # BEGIN IMMEDIATE and COMMIT


async def team_of_five(db: Database, clock: FakeClock, mode: str) -> IntakeService:
    core = build_core(Roles(frozenset({1})), "Europe/Moscow")
    wire(db, core, clock, OutboxSignal())
    async with db.unit() as repos:
        team = await repos.teams.create(-1001, "Отдел", "ru", 1, clock.now())
        await open_all_day(repos.settings, team.id)
        await repos.settings.put(team.id, "mode", mode, clock.now())
        for n in range(5):
            await repos.members.upsert_active(team.id, 200 + n, f"M{n}", None, "ru", clock.now())
    return IntakeService(db, core.distributor)


def lead(n: int) -> NewLead:
    return NewLead(LeadFields(name=f"Client {n}", phone=f"+7912{n:07d}"), LeadSource.HTTP)


async def cost_of_a_lead(db: Database, intake: IntakeService, n: int) -> list[str]:
    only_sqlite(db, "statements are counted on SQLite's one connection")
    with counting(db) as seen:
        await intake.submit(lead(n))
    return seen


async def test_a_first_come_lead_costs_nine_statements(db: Database, clock: FakeClock) -> None:
    intake = await team_of_five(db, clock, "first_come")
    await intake.submit(lead(0))  # the first lead reads the configuration
    seen = await cost_of_a_lead(db, intake, 1)
    assert len(seen) - BOOKENDS <= 9, "\n".join(seen)
    assert not [s for s in seen if "team_settings" in s or "FROM rules" in s], seen


async def test_a_round_robin_lead_reads_the_turn_but_not_the_configuration(
    db: Database, clock: FakeClock
) -> None:
    intake = await team_of_five(db, clock, "round_robin")
    await intake.submit(lead(0))
    seen = await cost_of_a_lead(db, intake, 1)
    # The turn is read and written; the announce line is one more outbox row; one looks for
    # an open lead of the same client (a repeat joins it, `duplicate_window`).
    assert len(seen) - BOOKENDS <= 13, "\n".join(seen)
    assert len([s for s in seen if "FROM client_keys" in s and "status NOT IN" in s]) == 1
    assert [s for s in seen if s.startswith("SELECT scope, state FROM turns")]
    assert not [s for s in seen if "team_settings" in s], seen


async def test_a_head_s_change_is_seen_by_the_very_next_lead(
    db: Database, clock: FakeClock
) -> None:
    intake = await team_of_five(db, clock, "first_come")
    await intake.submit(lead(0))
    async with db.unit() as repos:
        team = await repos.teams.primary()
        assert team is not None
        await repos.settings.put(team.id, "mode", "round_robin", SET_UP_AT)
    submitted = await intake.submit(lead(1))
    async with db.reading() as repos:
        offered = await repos.leads.get(submitted.lead_id)
    assert offered is not None and offered.owner_id is not None  # routed in turn, not posted
