"""What the outbox costs per message, against raw sendMessage calls in the same run.

    python -m bench.outbox [--messages 500]    (from the repository root)

Both sides talk to the fake Bot API server from tests/ on 127.0.0.1 through the real aiohttp
session, with flood pacing off: what is measured is the outbox's own work (reading the queue,
recording each send durably), not Telegram's limits. The ratio is what to compare between
machines and commits.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from bench import bench_settings
from bot.actions.intake import NewLead
from bot.clock import SystemClock
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.people import Person
from bot.runtime.build import build_services, make_bot
from storage import Database, LeadFields, LeadSource, OutboxRepo
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group

TOKEN = "123456:BENCH-TOKEN"  # noqa: S105 - a throwaway server on 127.0.0.1
CHAT = -1001
UNPACED = SendLimits(per_second=1e9, group_per_minute=1e12, private_per_second=1e9, burst=1e9)


async def main(messages: int) -> None:
    tg = FakeTelegram(TOKEN)
    tg.add_group(Group(CHAT, "Bench"))
    await tg.start()
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as folder:
        settings = bench_settings(TOKEN, Path(folder) / "bench.db", 1, tg.url)
        db = await Database.open(settings.database_path)
        bot = make_bot(settings)
        try:
            started = time.perf_counter()
            for n in range(messages):
                await bot.send_message(CHAT, f"raw {n}")
            raw = messages / (time.perf_counter() - started)

            signal = OutboxSignal()
            services = build_services(db, bot, settings, clock, signal, TelegramPulse(clock))
            await services.teams.setup(CHAT, "Bench", Person(1, "Head"))
            for n in range(messages):
                await services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
            worker = OutboxWorker(
                db, bot, clock, signal, services.chats, services.timers, limits=UNPACED
            )
            started = time.perf_counter()
            while await worker.deliver_due():
                pass
            outbox = messages / (time.perf_counter() - started)
            assert await OutboxRepo(db.conn).backlog() == (0, None)
        finally:
            await bot.session.close()
            await db.close()
            await tg.stop()
    print(f"raw sendMessage, sequential   {raw:8.0f}/s   (baseline)")
    print(f"outbox, card + record         {outbox:8.0f}/s   {outbox / raw:.2f}x baseline")
    print("Telegram itself allows 20 a minute into one group: the outbox is never the limit.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    asyncio.run(main(parser.parse_args().messages))
