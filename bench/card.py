"""How soon a lead's card reaches Telegram, against a bot that stores nothing.

    python -m bench.card [--leads 200] [--rounds 5] [--postgres]

One lead at a time is POSTed to the intake endpoint, and the time until the fake Bot API
(tests/, on 127.0.0.1) receives its card is taken; the next lead comes `GAP` later, when
the bot has finished recording the card, as on a day when leads come seconds apart. The
baseline, measured in the same run and in alternating rounds, is a naive bot that sends the
card from inside its HTTP handler and keeps no record. Flood pacing is off: what is measured
is our own work (the durable commit of the lead with everything it causes, and the outbox),
not Telegram's limits.
Also printed: the SQL statements one first-come lead costs, BEGIN and COMMIT included.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from aiogram import Bot
from aiohttp import web
from pydantic import SecretStr

from bench import SET_UP_AT, bench_database, bench_settings
from bench.outbox import UNPACED
from bot.actions.intake import NewLead
from bot.clock import SystemClock
from bot.delivery.outbox import OutboxWorker
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.intake.client_guard import ClientGuard
from bot.intake.ratelimit import ClientLimiter
from bot.intake.web import make_intake_app
from bot.people import Person
from bot.runtime.build import build_services, make_bot
from storage import Database, LeadFields, LeadSource, OutboxMethod, OutboxPurpose
from tests.fakes.statements import counting
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group

TOKEN = "123456:BENCH-TOKEN"  # noqa: S105 - a throwaway server on 127.0.0.1
INTAKE_TOKEN = "bench-intake-token"  # noqa: S105
CHAT = -1001
GAP = 0.01  # seconds between a card and the next lead


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


def naive_app(bot: Bot) -> web.Application:
    """The bot that stores nothing: the card goes out before the form gets its answer."""

    async def post_lead(request: web.Request) -> web.Response:
        body = await request.json()
        await bot.send_message(CHAT, f"🔥 Новый лид: {body.get('name', '')}")
        return web.json_response({"ok": True}, status=201)

    app = web.Application()
    app.router.add_post("/leads", post_lead)
    return app


def floor_app(bot: Bot, db: Database) -> web.Application:
    """The least a durable bot can do: the lead and its card's row committed in one
    transaction (to disk, as ours) before the card is sent and the form answered; no
    routing, no history, no worker."""

    async def post_lead(request: web.Request) -> web.Response:
        body = await request.json()
        text = f"🔥 Новый лид: {body.get('name', '')}"
        async with db.unit() as u:
            lead = await u.leads.insert(None, LeadSource.HTTP, LeadFields(name=body["name"]), u.now)
            await u.outbox.enqueue(
                CHAT, OutboxMethod.SEND, OutboxPurpose.LEAD_TEXT, text, u.now, lead_id=lead.id
            )
        await bot.send_message(CHAT, text)
        return web.json_response({"id": lead.id}, status=201)

    app = web.Application()
    app.router.add_post("/leads", post_lead)
    return app


async def time_cards(
    tg: FakeTelegram, leads: int, post: Callable[[int], Awaitable[None]]
) -> list[float]:
    """Seconds from each POST's start to its card at the fake Telegram, one at a time."""
    latencies = []
    for n in range(leads):
        before = len(tg.messages)
        started = time.perf_counter()
        await post(n)
        await tg.wait_for(lambda before=before: len(tg.messages) > before)  # type: ignore[misc]
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(GAP)
    return latencies


async def main(leads: int, rounds: int, postgres: bool) -> None:
    tg = FakeTelegram(TOKEN)
    tg.add_group(Group(CHAT, "Bench"))
    await tg.start()
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as folder:
        try:
            async with (
                bench_database(Path(folder), postgres) as where,
                bench_database(Path(folder), postgres, "floor") as floor_where,
            ):
                await _run(tg, clock, where, floor_where, leads, rounds)
        finally:
            await tg.stop()


async def _alternate(
    tg: FakeTelegram, urls: dict[str, str], leads: int, rounds: int
) -> dict[str, list[float]]:
    """Each bot in turn, `rounds` times: the machine's drift falls on all alike."""
    headers = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
    results: dict[str, list[float]] = {name: [] for name in urls}
    async with aiohttp.ClientSession() as http:

        def poster(url: str) -> Callable[[int], Awaitable[None]]:
            async def post(n: int) -> None:
                body = {"name": f"Клиент {n}", "phone": f"+7912{n:07d}"}
                async with http.post(url, json=body, headers=headers) as response:
                    assert response.status == 201, await response.text()

            return post

        for _ in range(rounds):
            for name, url in urls.items():
                results[name] += await time_cards(tg, leads, poster(f"{url}/leads"))
    return results


async def _run(
    tg: FakeTelegram,
    clock: SystemClock,
    where: Path | str,
    floor_where: Path | str,
    leads: int,
    rounds: int,
) -> None:
    postgres = isinstance(where, str)
    settings = bench_settings(TOKEN, where, 1, tg.url)
    db = await Database.open(settings.database)
    floor_db = await Database.open(floor_where)
    bot = make_bot(settings)
    signal = OutboxSignal()
    services = build_services(db, bot, settings, clock, signal, TelegramPulse(clock))
    setup = await services.teams.setup(CHAT, "Bench", Person(1, "Head"))
    assert setup.team is not None
    async with db.unit() as repos:
        await repos.settings.put(setup.team.id, "work_days", "daily", SET_UP_AT)
        await repos.settings.put(setup.team.id, "work_hours", "00:00-24:00", SET_UP_AT)
    worker = OutboxWorker(db, bot, clock, signal, services.chats, services.timers, limits=UNPACED)
    working = asyncio.create_task(worker.run())
    ours, ours_url = await serve(
        make_intake_app(
            services.intake,
            services.health,
            services.refusals,
            SecretStr(INTAKE_TOKEN),
            ClientLimiter(10**9, clock),  # the bench measures cards, not the abuse guard
            services.sources,
            ClientGuard.of(services.refusals, clock, per_client=10**9),
        )
    )
    naive, naive_url = await serve(naive_app(bot))
    floor, floor_url = await serve(floor_app(bot, floor_db))
    urls = {"naive": naive_url, "floor": floor_url, "ours": ours_url}
    try:
        results = await _alternate(tg, urls, leads, rounds)
        seen: list[str] = []
        if not postgres:  # statements are counted on SQLite's one connection
            await services.intake.submit(NewLead(LeadFields(name="A"), LeadSource.HTTP))
            with counting(db) as seen:
                await services.intake.submit(
                    NewLead(LeadFields(name="Б", phone="+79120000001"), LeadSource.HTTP)
                )
    finally:
        worker.stop()
        await working
        await ours.cleanup()
        await naive.cleanup()
        await floor.cleanup()
        await floor_db.close()
        await bot.session.close()
        await db.close()
    print(f"{leads * rounds} leads each, one at a time, in {rounds} alternating rounds\n")
    for name in ("naive", "floor", "ours"):
        values = results[name]
        p95 = statistics.quantiles(values, n=20)[-1]
        print(
            f"intake -> card, {name:<6} p50 {statistics.median(values) * 1000:6.2f} ms"
            f"   p95 {p95 * 1000:6.2f} ms"
        )
    naive_p50 = statistics.median(results["naive"])
    for name in ("floor", "ours"):
        ratio = statistics.median(results[name]) / naive_p50
        print(f"\np50 {name} vs naive:{'':16}{ratio:.2f}x", end="")
    print()
    if seen:
        print(f"SQL statements for one first-come lead: {len(seen)} (BEGIN and COMMIT included)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--postgres", action="store_true", help="on the cluster LEADBOT_TEST_POSTGRES names"
    )
    args = parser.parse_args()
    asyncio.run(main(args.leads, args.rounds, args.postgres))
