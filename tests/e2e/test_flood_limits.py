"""A burst of 500 leads into one team chat, through the real aiohttp session, against a fake
Telegram that enforces Telegram's flood limits. Both sides share one fake clock, so the
25 minutes the burst takes at 20 messages a minute pass in a couple of seconds."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import Services, build_services, make_bot
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.pulse import TelegramPulse
from bot.delivery.signal import OutboxSignal
from bot.services.leads import NewLead
from storage import Database, LeadFields, LeadSource, OutboxRepo
from tests.builders import HEAD_PERSON
from tests.conftest import TOKEN, make_settings
from tests.e2e.conftest import TEAM
from tests.fakes.clock import FakeClock
from tests.fakes.faults import too_many_requests
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group


@dataclass
class Paced:
    tg: FakeTelegram
    clock: FakeClock
    db: Database
    services: Services
    worker: OutboxWorker

    async def deliver_everything(self) -> None:
        """Run the worker, moving the clock to each moment it says it may send again."""
        for _ in itertools.count():
            if await self.worker.deliver_due():
                continue
            wakeup = await self.worker.next_wakeup()
            if wakeup is None:
                return
            self.clock.current = max(self.clock.current, wakeup)


@pytest.fixture
async def paced(tmp_path: Path) -> AsyncIterator[Paced]:
    clock = FakeClock()
    tg = FakeTelegram(TOKEN, clock=lambda: clock.now().timestamp())
    tg.add_group(Group(TEAM.id, TEAM.title, set(TEAM.members)))
    tg.enforce_limits()
    await tg.start()
    settings = make_settings(tmp_path, telegram_api_url=tg.url)
    db = await Database.open(settings.database_path)
    bot = make_bot(settings)
    signal = OutboxSignal()
    services = build_services(db, bot, settings, clock, signal, TelegramPulse(clock))
    worker = OutboxWorker(db, bot, clock, signal, services.chats, limits=SendLimits())
    try:
        yield Paced(tg, clock, db, services, worker)
    finally:
        await bot.session.close()
        await db.close()
        await tg.stop()


async def test_a_burst_of_500_leads_is_delivered_at_the_group_limit_without_a_429(
    paced: Paced,
) -> None:
    await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    ids = [
        (
            await paced.services.leads.submit(
                NewLead(LeadFields(name=f"Client {n}"), LeadSource.HTTP)
            )
        ).lead_id
        for n in range(500)
    ]
    started = paced.clock.now()
    await paced.deliver_everything()

    assert paced.tg.limits is not None and paced.tg.limits.refused == 0
    cards = paced.tg.chat(TEAM.id)
    assert [card.text.split("\n")[0] for card in cards] == [f"🔥 Новый лид №{i}" for i in ids]
    took = (paced.clock.now() - started).total_seconds()
    assert 499 * 3.0 <= took <= 499 * 3.0 + 5  # 20 a minute, and no slower
    assert await OutboxRepo(paced.db.conn).backlog() == (0, None)


async def test_a_429_that_comes_anyway_is_waited_out_and_order_is_kept(paced: Paced) -> None:
    await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    for n in range(5):
        await paced.services.leads.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    paced.tg.fail("sendMessage", too_many_requests(40))
    started = paced.clock.now()
    await paced.deliver_everything()
    assert [c.text.split("\n")[0][-1] for c in paced.tg.chat(TEAM.id)] == list("12345")
    assert (paced.clock.now() - started).total_seconds() == pytest.approx(40 + 4 * 3.0, abs=0.1)
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0
