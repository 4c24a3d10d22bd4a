"""What the rules chain and the known-client check cost on a big team's database.

    python -m bench.rules [--leads 100000] [--managers 50] [--rules 20] [--samples 300]

A 50-manager team with 100,000 owned leads, each with a phone, an e-mail and a company.
The baseline is routing a lead with no rules and the known-client check off (first come).
Then, with the check on and `--rules` rules whose last one matches: a new client (every
key is looked up and misses), a known client (the phone hits), and the /route dry run.
Indexing all leads from scratch (what an upgrade does once at start) is timed too.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench import SET_UP_AT, open_all_day
from bot.actions.client_index import ClientIndex
from bot.actions.intake import IntakeService, NewLead
from bot.clock import SystemClock
from bot.people import Roles
from bot.routing import Franchise
from bot.runtime.build import build_core
from bot.services.route_check import DryRun, RouteCheck
from storage import Database, LeadFields, LeadSource, MemberRepo, TeamRepo, TeamSettingRepo
from storage.clock_format import to_db
from storage.team.rules import RuleRepo

HEAD = 1
INDUSTRIES = ("retail", "medical", "construction", "government", "it", "logistics")


def phone(n: int) -> str:
    return f"+7 9{n:09d}"


async def populate(db: Database, leads: int, managers: int) -> tuple[int, list[int]]:
    rng = random.Random(7)
    now = SystemClock().now()
    async with db.unit():
        team = await TeamRepo(db.conn).create(-1, "Bench", "ru", HEAD, now)
        members = [
            (await MemberRepo(db.conn).upsert_active(team.id, 100 + i, f"M{i}", None, "ru", now)).id
            for i in range(managers)
        ]
        rows = [
            (n, team.id, "taken", "http", f"Client {n}", phone(n), f"client{n}@mail.ru",
             f"ООО «Компания {n}»", rng.choice(INDUSTRIES), rng.choice(members), to_db(now),
             to_db(now), to_db(now), 0)
            for n in range(1, leads + 1)
        ]  # fmt: skip
        await db.conn.execute_many(
            "INSERT INTO leads (id, team_id, status, pool, source, name, phone, email, company, "
            "industry, owner_id, created_at, assigned_at, taken_at, take_seconds) "
            "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        await db.conn.execute("INSERT INTO pending_client_keys (lead_id) SELECT id FROM leads")
    return team.id, members


async def timed(samples: int, step: Callable[[int], Awaitable[object]]) -> float:
    latencies = []
    for n in range(samples):
        started = time.perf_counter()
        await step(n)
        latencies.append(time.perf_counter() - started)
    return statistics.median(latencies)


async def main(leads: int, managers: int, rules: int, samples: int) -> None:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.db")
        team_id, members = await populate(db, leads, managers)
        started = time.perf_counter()
        await ClientIndex(db).backfill()
        print(f"{leads} leads indexed from scratch in {time.perf_counter() - started:.1f} s\n")
        await db.conn.execute("ANALYZE")
        roles = Roles(frozenset({HEAD}))
        core = build_core(roles, "Europe/Moscow")
        distributor = core.distributor
        intake = IntakeService(db, distributor)
        settings = TeamSettingRepo(db.conn)

        async def new_client(n: int) -> None:
            fields = LeadFields(
                name=f"New {n}", phone=phone(leads + 10 + n), company=f"Фирма {n}", industry="agro"
            )
            await intake.submit(NewLead(fields, LeadSource.HTTP))

        async def known_client(n: int) -> None:
            fields = LeadFields(name=f"Again {n}", phone=phone(n + 1), industry="agro")
            await intake.submit(NewLead(fields, LeadSource.HTTP))

        async with db.unit():
            # The baseline offers each lead to one manager, as a rule does: same writes.
            await settings.put(team_id, "mode", "round_robin", SET_UP_AT)
            await open_all_day(settings, team_id)
            await settings.put(team_id, "known_client", "off", SET_UP_AT)
        base = await timed(samples, new_client)
        async with db.unit():
            await settings.put(team_id, "known_client", "on", SET_UP_AT)
            for r in range(rules):
                values = [f"value{r}-{v}" for v in range(5)]
                last = r == rules - 1
                await RuleRepo(db.conn).add(
                    team_id, "industry", [*values, "agro"] if last else values,
                    members[r % len(members)], None, clock.now(),
                )  # fmt: skip
        new = await timed(samples, new_client)
        known = await timed(samples, known_client)
        check = RouteCheck(db, core.planner)

        async def dry_run(n: int) -> None:
            run = await check.dry_run(f"industry=agro phone={phone(n + 1)}")
            assert isinstance(run, DryRun)

        dry = await timed(samples, dry_run)
        team = await TeamRepo(db.conn).primary()
        assert team is not None
        planner = core.planner

        async def lookup(n: int, hit: bool) -> None:
            number = phone(n + 1 if hit else leads + 100_000 + n)
            fields = LeadFields(phone=number, email=f"x{n}@y.ru", company=f"Нет {n}")
            async with db.reading() as u:
                found = await planner.known_client(u, team, 0, fields, None, Franchise.ENTITY)
            assert (found is not None) == hit

        hits = await timed(samples, lambda n: lookup(n, hit=True))
        misses = await timed(samples, lambda n: lookup(n, hit=False))
        print(f"{'offer a lead, no rules, check off':<38} p50 {base * 1000:6.2f} ms  (baseline)")
        for label, value in (
            (f"new client, {rules} rules, the last matches", new),
            ("known client by phone", known),
            ("/route dry run (known client)", dry),
            ("known-client lookup alone, phone hits", hits),
            ("lookup alone, 3 keys miss", misses),
        ):
            print(f"{label:<38} p50 {value * 1000:6.2f} ms  {value / base:4.2f}x")
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--managers", type=int, default=50)
    parser.add_argument("--rules", type=int, default=20)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    asyncio.run(main(args.leads, args.managers, args.rules, args.samples))
