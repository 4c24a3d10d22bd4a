"""What a deadline costs: finding the next one among many pending, and firing one.

    python -m bench.timers [--pending 100000] [--samples 300]

A team with `pending` timers waiting (a busy month of taken leads, each with its outcome
reminder). Baselines measured in the same run: an indexed read for `earliest`, and a
one-row commit for firing. Firing is timed on claim reminders, the most common timer, all
due at once: each fire is its own transaction that marks the row, posts the reminder in
reply to the card and writes the escalation timer.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from aiogram import Bot

from bench import bench_settings, open_all_day
from bot.actions.intake import NewLead
from bot.clock import SystemClock
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.runtime.build import build_services
from storage import Database, LeadFields, LeadSource, MemberRepo, TeamRepo, TeamSettingRepo
from storage.clock_format import to_db
from storage.work.timers import TimerKind, TimerRepo

HEAD = 1
BENCH_TOKEN = "1:bench"  # noqa: S105 - never sent: the bench makes no Telegram call


async def p50(samples: int, one: Callable[[int], Awaitable[object]]) -> float:
    runs = []
    for index in range(samples):
        started = time.perf_counter()
        await one(index)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


async def main(pending: int, samples: int) -> None:
    clock = SystemClock()
    now = clock.now()
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.db")
        async with db.unit():
            team = await TeamRepo(db.conn).create(-1, "Bench", "ru", HEAD, now)
            for i in range(10):
                await MemberRepo(db.conn).upsert_active(team.id, 100 + i, f"M{i}", None, "ru", now)
            await open_all_day(TeamSettingRepo(db.conn), team.id)
            await db.conn.execute_many(
                "INSERT INTO timers (team_id, kind, due_at, created_at) VALUES (?, ?, ?, ?)",
                [
                    (
                        team.id,
                        TimerKind.OUTCOME_REMIND.value,
                        to_db(now + timedelta(days=3, seconds=i)),
                        to_db(now),
                    )
                    for i in range(pending)
                ],
            )
        settings = bench_settings(BENCH_TOKEN, Path(folder) / "bench.db", HEAD)
        # The real services, as main() builds them; the bot is never asked to send anything.
        bot = Bot(settings.bot_token.get_secret_value())
        services = build_services(db, bot, settings, clock, OutboxSignal(), TelegramPulse(clock))
        intake, timers = services.intake, services.timers
        repo = TimerRepo(db.conn)
        leads = [
            (await intake.submit(NewLead(LeadFields(name=f"L{n}"), LeadSource.HTTP))).lead_id
            for n in range(samples)
        ]
        print(f"{pending} pending timers, {samples} claim reminders to fire\n")

        async def read_by_key(index: int) -> object:
            return await repo.for_lead(leads[index % len(leads)])

        async def earliest(index: int) -> object:
            return await timers.earliest()

        async def one_row_commit(index: int) -> None:
            async with db.unit():
                await db.conn.execute(
                    "UPDATE teams SET title = ? WHERE id = ?", (f"B{index}", team.id)
                )

        results = {
            "read one lead's timers (baseline)": await p50(samples, read_by_key),
            "earliest pending": await p50(samples, earliest),
            "one-row commit (baseline)": await p50(samples, one_row_commit),
        }
        started = time.perf_counter()
        fired = await timers.fire_due(now + timedelta(minutes=6))
        assert fired == samples, fired
        results["fire a claim reminder (mean)"] = (time.perf_counter() - started) / fired
        for name, seconds in results.items():
            print(f"{name:<36} p50 {seconds * 1000:7.3f} ms")
        print()
        ratio = results["earliest pending"] / results["read one lead's timers (baseline)"]
        print(f"earliest vs a keyed read:      {ratio:5.2f}x")
        ratio = results["fire a claim reminder (mean)"] / results["one-row commit (baseline)"]
        print(f"firing vs a one-row commit:    {ratio:5.2f}x")
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    asyncio.run(main(args.pending, args.samples))
