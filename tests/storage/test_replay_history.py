"""/replay over random histories, on real SQLite files: whatever the history (members who
come and go, vacations, leads owned and closed, known clients), a replay writes nothing and
every lead of the period ends in exactly one place."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.people import Person, Roles
from bot.runtime.build import build_core
from bot.services.reporting.replays import Asked, ReplayService
from storage import Database, LeadEvent, LeadFields, LeadSource
from storage.clock_format import to_db
from tests.engines import writes_so_far
from tests.fakes.clock import FakeClock

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)  # Monday, 09:00 in Moscow
HEAD = 1
_files = itertools.count()

members = st.lists(
    st.tuples(st.integers(0, 20), st.none() | st.integers(1, 30)), min_size=0, max_size=5
)
leads = st.lists(
    st.tuples(
        st.integers(0, 28 * 24),  # hours after T0
        st.none() | st.integers(0, 4),  # owner: the n-th member, if any
        st.none() | st.integers(1, 200),  # closed so many hours later
        st.none() | st.sampled_from(["phone", "email", "company"]),  # known client by
        st.sampled_from(["сайт", "yandex", None]),
    ),
    max_size=30,
)
vacations = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 25), st.integers(0, 5)), max_size=3
)
requests = st.sampled_from(
    ["по очереди", "руководитель", "правила нет", "знакомые нет", "round_robin"]
)
modes = st.sampled_from(["round_robin", "head_decides", "first_come"])
periods = st.tuples(st.integers(0, 27), st.integers(0, 27))


async def history(
    path: Path,
    mode: str,
    people: list[tuple[int, int | None]],
    arrivals: list[tuple[int, int | None, int | None, str | None, str | None]],
    away: list[tuple[int, int, int]],
) -> Database:
    db = await Database.open(path)
    async with db.unit() as repos:
        team = await repos.teams.create(-100, "T", "ru", HEAD, T0)
        await repos.settings.put(team.id, "mode", mode, T0)
        ids = []
        for n, (joined, left) in enumerate(people):
            at = T0 + timedelta(days=joined)
            member = await repos.members.upsert_active(team.id, 200 + n, f"M{n}", None, "ru", at)
            if left is not None:
                await repos.members.deactivate(member.id, at + timedelta(days=left))
            ids.append(member.id)
        for who, first, days in away:
            if who < len(ids):
                start = date(2026, 11, 2) + timedelta(days=first)
                await repos.vacations.add(
                    team.id, ids[who], None, start, start + timedelta(days=days), HEAD, T0
                )
        earlier: int | None = None
        for hours, owner, closed, known, channel in arrivals:
            at = T0 + timedelta(hours=hours)
            lead = await repos.leads.insert(
                team.id, LeadSource.HTTP, LeadFields(name="К", channel=channel), at
            )
            details: dict[str, object] = {"decision": "offer"}
            if known is not None and earlier is not None:
                details["known"] = {"by": known, "lead": earlier, "name": "M"}
            await repos.events.add(LeadEvent(lead.id, at, "routed", "round_robin", details=details))
            if owner is not None and owner < len(ids):
                status = "taken" if closed is None else "won"
                end = None if closed is None else at + timedelta(hours=closed)
                await db.conn.execute(
                    "UPDATE leads SET status = ?, pool = NULL, owner_id = ?, assigned_at = ?, "
                    "taken_at = ?, take_seconds = 0, closed_at = ? WHERE id = ?",
                    (status, ids[owner], to_db(at), to_db(at), None if end is None else to_db(end),
                     lead.id),
                )  # fmt: skip
                earlier = lead.id
    return db


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    mode=modes,
    people=members,
    arrivals=leads,
    away=vacations,
    request=requests,
    period=periods,
)
async def test_a_replay_writes_nothing_and_its_counts_add_up(
    tmp_path: Path,
    mode: str,
    people: list[tuple[int, int | None]],
    arrivals: list[tuple[int, int | None, int | None, str | None, str | None]],
    away: list[tuple[int, int, int]],
    request: str,
    period: tuple[int, int],
) -> None:
    db = await history(tmp_path / f"replay-{next(_files)}.db", mode, people, arrivals, away)
    try:
        roles = Roles(frozenset({HEAD}))
        db.now = FakeClock(T0 + timedelta(days=40)).now
        replays = ReplayService(db, roles, build_core(roles, "Europe/Moscow").planner)
        first = date(2026, 11, 2) + timedelta(days=min(period))
        last = date(2026, 11, 2) + timedelta(days=max(period))
        before = await writes_so_far(db)
        what = await replays.what_if(Person(HEAD, "Head"), f"{request} {first} {last}")
        assert await writes_so_far(db) == before  # read, never written
        assert what.asked is Asked.OK and what.result is not None and what.period is not None
        expected = {
            row[0]
            for row in await db.conn.fetch_all(
                "SELECT id FROM leads WHERE created_at >= ? AND created_at < ?",
                (to_db(what.period.start), to_db(what.period.end)),
            )
        }
        result = what.result
        assert set(result.by_lead) == expected
        assert result.leads == len(expected)
        assert sum(result.got.values()) + result.to_chat + result.to_heads == result.leads
        assert result.held <= result.leads
        assert what.actual is not None
        assert sum(what.actual.values()) + what.unowned == result.leads
    finally:
        await db.close()
