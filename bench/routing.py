"""What routing one lead costs per mode, and what /stats costs, on a big team's database.

    python -m bench.routing [--leads 100000] [--managers 50] [--samples 300]

A 50-manager team with 100,000 leads and their history. Each mode routes `samples` new
leads through the real intake path (store, route, write what it sends); first come is the
baseline, and the other modes are printed as ratios to it; least loaded also as a ratio to
round robin, which it must stay within 1.5x of. /stats is timed over every lead
(all of them fall within the month), as an absolute figure and as a ratio to one first-come
lead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench import SET_UP_AT, bench_database, open_all_day
from bot.actions.intake import IntakeService, NewLead
from bot.clock import SystemClock
from bot.people import Person, Roles
from bot.routing import Mode
from bot.runtime.build import build_core
from bot.services.reporting.stats import ReportService
from storage import Database, LeadFields, LeadSource, MemberRepo, TeamRepo, TeamSettingRepo
from storage.clock_format import to_db

HEAD = 1
CHANNELS = ("site", "instagram", "yandex", "avito", "partners", None)


async def populate(db: Database, leads: int, managers: int) -> tuple[int, list[int]]:
    clock = SystemClock()
    rng = random.Random(7)
    now = clock.now()
    async with db.unit():
        team = await TeamRepo(db.conn).create(-1, "Bench", "ru", HEAD, now)
        members = [
            (await MemberRepo(db.conn).upsert_active(team.id, 100 + i, f"M{i}", None, "ru", now)).id
            for i in range(managers)
        ]
        lead_rows, event_rows = [], []
        for n in range(1, leads + 1):
            created = now - timedelta(minutes=rng.uniform(0, 60 * 24 * 28))
            owner = rng.choice(members)
            taken = created + timedelta(seconds=rng.uniform(5, 3600))
            status = rng.choices(("taken", "won", "lost"), (2, 1, 1))[0]
            closed = to_db(taken + timedelta(days=1)) if status != "taken" else None
            lead_rows.append(
                (n, team.id, status, "http", f"Client {n}", rng.choice(CHANNELS), owner,
                 to_db(created), to_db(taken), to_db(taken), int((taken - created).total_seconds()),
                 closed, "other" if status == "lost" else None)
            )  # fmt: skip
            event_rows += [
                (n, to_db(created), "created", "http", None),
                (n, to_db(created), "routed", "round_robin", owner),
                (n, to_db(taken), "accepted", "accepted", owner),
            ]
            if closed is not None:
                event_rows.append((n, closed, status, status, owner))
        await db.conn.execute_many(
            "INSERT INTO leads (id, team_id, status, pool, source, name, channel, owner_id, "
            "created_at, assigned_at, taken_at, take_seconds, closed_at, lost_reason) "
            "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            lead_rows,
        )
        await db.conn.execute_many(
            "INSERT INTO lead_events (lead_id, at, kind, reason, member_id, details) "
            "VALUES (?, ?, ?, ?, ?, '{}')",
            event_rows,
        )
    await db.conn.execute("ANALYZE")  # both engines plan with fresh statistics
    return team.id, members


async def route_many(intake: IntakeService, samples: int) -> list[float]:
    latencies = []
    for n in range(samples):
        fields = LeadFields(name=f"Bench {n}", message=json.dumps({"n": n}))
        started = time.perf_counter()
        await intake.submit(NewLead(fields, LeadSource.HTTP))
        latencies.append(time.perf_counter() - started)
    return latencies


async def main(leads: int, managers: int, samples: int, postgres: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with bench_database(Path(folder), postgres) as where:
            await _run(where, leads, managers, samples)


async def _run(where: Path | str, leads: int, managers: int, samples: int) -> None:
    db = await Database.open(where)
    started = time.perf_counter()
    team_id, _ = await populate(db, leads, managers)
    print(f"{leads} leads, {managers} managers: filled in {time.perf_counter() - started:.1f} s\n")
    roles = Roles(frozenset({HEAD}))
    core = build_core(roles, "Europe/Moscow")
    distributor = core.distributor
    intake = IntakeService(db, distributor)
    settings = TeamSettingRepo(db.conn)
    per_lead = {}
    for mode in (Mode.FIRST_COME, Mode.ROUND_ROBIN, Mode.HEAD_DECIDES, Mode.LEAST_LOADED):
        async with db.unit():
            await settings.put(team_id, "mode", mode.value, SET_UP_AT)
            await open_all_day(settings, team_id)
        latencies = await route_many(intake, samples)
        per_lead[mode] = statistics.median(latencies)
        print(f"route one lead, {mode.value:<13} p50 {per_lead[mode] * 1000:7.2f} ms")
    reports = ReportService(db, roles)
    runs = []
    stats = None
    for _ in range(5):
        started = time.perf_counter()
        stats = await reports.stats(Person(HEAD, "Head"), "month")
        runs.append(time.perf_counter() - started)
    assert stats is not None and stats.figures is not None
    assert sum(f.received for _, f in stats.figures.members) >= leads
    stats_time = statistics.median(runs)
    print(f"/stats month over all leads     p50 {stats_time * 1000:7.2f} ms\n")
    base = per_lead[Mode.FIRST_COME]
    for mode in (Mode.ROUND_ROBIN, Mode.HEAD_DECIDES, Mode.LEAST_LOADED):
        print(f"{mode.value} vs first come:   {per_lead[mode] / base:5.2f}x  (goal: within 3x)")
    least = per_lead[Mode.LEAST_LOADED] / per_lead[Mode.ROUND_ROBIN]
    print(f"least_loaded vs round robin: {least:5.2f}x  (goal: within 1.5x)")
    print(f"/stats vs one first-come lead: {stats_time / base:7.1f}x  (goal: /stats under 1 s)")
    await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--managers", type=int, default=50)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument(
        "--postgres", action="store_true", help="on the cluster LEADBOT_TEST_POSTGRES names"
    )
    args = parser.parse_args()
    asyncio.run(main(args.leads, args.managers, args.samples, args.postgres))
