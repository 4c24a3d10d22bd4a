"""A busy day in one chat: a burst of first-come leads against a fake Bot API that enforces
Telegram's flood limits (20 messages a minute per group, edits included).

    python -m bench.burst [--leads 100] [--per-minute 100] [--tap-after 1.0]

Both sides share a fake clock, so the minutes the burst takes pass in seconds of real time;
the bot runs its real outbox worker through its real aiohttp session. Managers tap a lead's
button `--tap-after` seconds after it shows, on its card or in the chat's queue. Printed:
201 -> claimable and tap -> no longer offered (p50, p95, max), the 429s received, and leads
lost or doubled. The targets: p95 <= 5 s for both, no 429, no lead lost or doubled.
`tests/e2e/test_flood_limits.py` runs the same burst and holds the targets.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiogram import Bot

from bench import SET_UP_AT, bench_database, bench_settings
from bot.actions.intake import NewLead
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.people import Person
from bot.runtime.build import Services, build_services, make_bot
from storage import Database, LeadFields, LeadSource
from tests.fakes.clock import FakeClock
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group, Sent, User

TOKEN = "123456:BENCH-TOKEN"  # noqa: S105 - a throwaway server on 127.0.0.1
CHAT = Group(-1001, "Отдел продаж")
HEAD = Person(100, "Анна", language_code="ru")
MANAGERS = [User(400 + n, f"Менеджер{n}", language_code="ru") for n in range(5)]
STEP = 0.25  # seconds of the fake clock between looks at the chat


@dataclass
class Paced:
    """The bot's services and outbox worker on one fake clock with a fake Telegram."""

    tg: FakeTelegram
    clock: FakeClock
    db: Database
    services: Services
    worker: OutboxWorker
    bot: Bot

    async def deliver_everything(self) -> None:
        """Run the worker, moving the clock to each moment it says it may send again."""
        for _ in itertools.count():
            if await self.worker.deliver_due():
                continue
            wakeup = await self.worker.next_wakeup()
            if wakeup is None:
                return
            self.clock.current = max(self.clock.current, wakeup)


@asynccontextmanager
async def bot_on(where: Path | str, tg: FakeTelegram, clock: FakeClock) -> AsyncIterator[Paced]:
    """The bot against `tg` (started, with its limits as the caller wants them)."""
    settings = bench_settings(tg.token, where, HEAD.user_id, tg.url)
    db = await Database.open(settings.database)
    bot = make_bot(settings)
    signal = OutboxSignal()
    services = build_services(db, bot, settings, clock, signal, TelegramPulse(clock))
    worker = OutboxWorker(
        db, bot, clock, signal, services.chats, services.timers, limits=SendLimits()
    )
    try:
        yield Paced(tg, clock, db, services, worker, bot)
    finally:
        await bot.session.close()
        await db.close()


@dataclass
class Burst:
    arrived: dict[int, float] = field(default_factory=dict)  # lead -> its 201
    claimable: dict[int, float] = field(default_factory=dict)  # lead -> a button showed
    tapped: dict[int, float] = field(default_factory=dict)  # lead -> the claim
    gone: dict[int, float] = field(default_factory=dict)  # lead -> no button left for it
    contacts: dict[int, list[int]] = field(default_factory=dict)  # lead -> who got them
    refused: int = 0  # 429s

    def waits(self) -> list[float]:
        return sorted(self.claimable[lead] - at for lead, at in self.arrived.items())

    def answers(self) -> list[float]:
        return sorted(self.gone[lead] - at for lead, at in self.tapped.items())

    @property
    def lost(self) -> int:
        return sum(1 for lead in self.arrived if not self.contacts.get(lead))

    @property
    def doubled(self) -> int:
        return sum(1 for who in self.contacts.values() if len(who) > 1)


async def team_of(run: Paced, managers: list[User]) -> None:
    """The team chat in first-come mode, working around the clock, with `managers`."""
    setup = await run.services.teams.setup(CHAT.id, CHAT.title, HEAD)
    assert setup.team is not None
    async with run.db.unit() as repos:
        await repos.settings.put(setup.team.id, "work_days", "daily", SET_UP_AT)
        await repos.settings.put(setup.team.id, "work_hours", "00:00-24:00", SET_UP_AT)
        for user in managers:
            run.tg.add_user(user)
            run.tg.started.add(user.id)
            await repos.members.upsert_active(
                setup.team.id, user.id, user.full_name, None, "ru", run.clock.now()
            )


def phone(n: int) -> str:
    return f"+7912{n:07d}"  # a phone each: a known client's lead would skip the chat


async def burst(run: Paced, leads: int, per_minute: float, tap_after: float) -> Burst:
    """`leads` arriving evenly at `per_minute`; each tapped `tap_after` after its button."""
    result = Burst()
    every = 60.0 / per_minute
    start = run.clock.now().timestamp()
    taps: dict[int, float] = {}
    phones: dict[int, str] = {}
    for step in itertools.count():
        now = start + step * STEP
        run.clock.current = datetime.fromtimestamp(now, UTC)
        if len(result.arrived) < leads and now - start >= len(result.arrived) * every:
            n = len(result.arrived)
            new = NewLead(LeadFields(name=f"Клиент {n}", phone=phone(n)), LeadSource.HTTP)
            lead_id = (await run.services.intake.submit(new)).lead_id
            result.arrived[lead_id], phones[lead_id] = now, phone(n)
        await run.worker.deliver_due()
        offered = buttons_in(run.tg.chat(CHAT.id))
        for lead_id in offered:
            result.claimable.setdefault(lead_id, now)
            taps.setdefault(lead_id, now + tap_after)
        for lead_id in result.tapped:
            if lead_id not in offered:
                result.gone.setdefault(lead_id, now)
        for lead_id, at in list(taps.items()):
            if at <= now and lead_id not in result.tapped:
                user = MANAGERS[lead_id % len(MANAGERS)]
                await run.services.claim(lead_id, CHAT.id, Person(user.id, user.full_name))
                result.tapped[lead_id] = now
        done = len(result.arrived) == leads and set(result.gone) == set(result.arrived)
        if done or step * STEP > 1800:
            break
    await run.deliver_everything()
    for lead_id, number in phones.items():
        result.contacts[lead_id] = [
            u.id for u in MANAGERS if any(number in m.text for m in run.tg.chat(u.id))
        ]
    result.refused = run.tg.limits.refused if run.tg.limits is not None else 0
    return result


def buttons_in(messages: list[Sent]) -> set[int]:
    """Leads with a Claim button somewhere in the chat."""
    return {
        int(b["callback_data"].split(":")[1])
        for m in messages
        for b in m.buttons()
        if b.get("callback_data", "").startswith("claim:")
    }


def spread(name: str, values: list[float]) -> str:
    p95 = statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
    return (
        f"{name:<34} p50 {statistics.median(values):5.2f} s   p95 {p95:5.2f} s   "
        f"max {max(values):5.2f} s"
    )


async def main(leads: int, per_minute: float, tap_after: float, postgres: bool) -> None:
    clock = FakeClock()
    tg = FakeTelegram(TOKEN, clock=lambda: clock.now().timestamp())
    tg.add_group(Group(CHAT.id, CHAT.title, {u.id for u in MANAGERS}))
    tg.enforce_limits()
    await tg.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            async with (
                bench_database(Path(folder), postgres) as where,
                bot_on(where, tg, clock) as run,
            ):
                await team_of(run, MANAGERS)
                result = await burst(run, leads, per_minute, tap_after)
    finally:
        await tg.stop()
    print(f"{leads} leads at {per_minute:g} a minute into one chat; taps {tap_after:g} s late\n")
    print(spread("201 -> claimable in the chat", result.waits()))
    print(spread("tap -> no longer offered", result.answers()))
    print(f"429s received                      {result.refused}")
    print(f"leads lost / doubled               {result.lost} / {result.doubled}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100)
    parser.add_argument("--per-minute", type=float, default=100.0)
    parser.add_argument("--tap-after", type=float, default=1.0)
    parser.add_argument(
        "--postgres", action="store_true", help="on the cluster LEADBOT_TEST_POSTGRES names"
    )
    args = parser.parse_args()
    asyncio.run(main(args.leads, args.per_minute, args.tap_after, args.postgres))
