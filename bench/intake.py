"""How much a lead costs: POST /leads and claims, against baselines measured in the same run.

    python bench/intake.py [--leads 400] [--concurrency 20]

Baselines: GET /health over the same HTTP path (what HTTP and aiohttp cost), and an empty
write transaction (what a durable SQLite commit costs on this disk). Ratios, not absolute
numbers, are what to compare between machines and commits.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC
from pathlib import Path

import aiohttp
from aiohttp import web
from pydantic import SecretStr

from bot.actions.claim import ClaimLead
from bot.actions.intake import IntakeService
from bot.clock import SystemClock
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.intake.client_guard import ClientGuard
from bot.intake.ratelimit import ClientLimiter
from bot.intake.web import make_intake_app
from bot.people import Person, Roles
from bot.presentation.notices import HeadNotices
from bot.runtime.build import build_core, wire
from bot.services.health import HealthService
from bot.services.refusals import RefusalService
from bot.services.sources import SourceService
from storage import Database, MemberRepo, TeamRepo

TOKEN = "bench-token"  # noqa: S105 - a throwaway server on 127.0.0.1


async def timed(count: int, concurrency: int, one: Callable[[int], Awaitable[None]]) -> list[float]:
    latencies: list[float] = []
    queue = iter(range(count))

    async def worker() -> None:
        for index in queue:
            started = time.perf_counter()
            await one(index)
            latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def describe(name: str, latencies: list[float], wall: float) -> float:
    rate = len(latencies) / wall
    p50 = statistics.median(latencies) * 1000
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"{name:<28} {rate:8.0f}/s   p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    return rate


def bench_app(
    db: Database, clock: SystemClock, intake: IntakeService, signal: OutboxSignal, roles: Roles
) -> web.Application:
    """The intake app as the bot builds it, on `db`, with no rate limit in the way."""
    refusals = RefusalService(db, HeadNotices(roles))
    return make_intake_app(
        intake,
        HealthService(db, TelegramPulse(clock), clock),
        refusals,
        SecretStr(TOKEN),
        ClientLimiter(10**9, clock),  # the bench measures storage, not the abuse guard
        SourceService(db, UTC, None, "http://127.0.0.1"),
        ClientGuard.of(refusals, clock, per_client=10**9),
    )


async def main(leads: int, concurrency: int) -> None:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.db")
        signal = OutboxSignal()
        roles = Roles(frozenset({1}))
        core = build_core(roles, "Europe/Moscow")
        service = IntakeService(db, core.distributor)
        wire(db, core, clock, signal)
        claiming = ClaimLead(db, core.planner, core.life)
        async with db.unit():
            team = await TeamRepo(db.conn).create(-1, "Bench", "ru", 1, clock.now())
            members = [
                await MemberRepo(db.conn).upsert_active(
                    team.id, 100 + i, f"M{i}", None, "ru", clock.now()
                )
                for i in range(10)
            ]
        app = bench_app(db, clock, service, signal, roles)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        url = f"http://{host}:{port}"
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with aiohttp.ClientSession() as http:

            async def health(_: int) -> None:
                async with http.get(f"{url}/health") as response:
                    await response.read()

            async def post(index: int) -> None:
                body = {"name": f"Client {index}", "phone": "+7 912 345-67-89", "message": "КП"}
                async with http.post(f"{url}/leads", json=body, headers=headers) as response:
                    assert response.status == 201, await response.text()

            await db.conn.execute("CREATE TEMP TABLE scratch (n INTEGER)")

            async def one_row_commit(index: int) -> None:
                async with db.unit():
                    await db.conn.execute("INSERT INTO scratch VALUES (?)", (index,))

            async def claim(index: int) -> None:
                member = members[index % len(members)]
                person = Person(member.user_id, member.full_name)
                await claiming(1 + index // len(members), team.chat_id, person)

            print(f"{leads} requests, {concurrency} at a time\n")
            results = {}
            for name, one, count in (
                ("GET /health (baseline)", health, leads),
                ("POST /leads", post, leads),
                ("one-row commit (baseline)", one_row_commit, leads),
                ("claim, 10 managers per lead", claim, leads * len(members) // 10),
            ):
                started = time.perf_counter()
                latencies = await timed(count, concurrency, one)
                results[name] = describe(name, latencies, time.perf_counter() - started)
        print()
        intake = results["POST /leads"] / results["GET /health (baseline)"]
        claims = results["claim, 10 managers per lead"] / results["one-row commit (baseline)"]
        print(f"POST /leads vs GET /health:     {intake:.2f}x")
        print(f"claim vs one-row commit:        {claims:.2f}x")
        await runner.cleanup()
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.leads, args.concurrency))
