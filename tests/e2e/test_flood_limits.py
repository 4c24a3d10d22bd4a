"""A burst of 500 leads into one team chat, through the real aiohttp session, against a fake
Telegram that enforces Telegram's flood limits. Both sides share one fake clock, so the
25 minutes the burst takes at 20 messages a minute pass in a couple of seconds."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot

from bot.build import Services, build_dispatcher, build_services, make_bot
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.pulse import TelegramPulse
from bot.delivery.signal import OutboxSignal
from bot.services.intake import NewLead
from storage import Database, LeadFields, LeadSource, MemberRepo, OutboxRepo
from tests.builders import HEAD_PERSON
from tests.conftest import TOKEN, make_settings
from tests.e2e.conftest import IVAN, TEAM
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


@pytest.fixture
async def paced(tmp_path: Path) -> AsyncIterator[Paced]:
    clock = FakeClock()
    tg = FakeTelegram(TOKEN, clock=lambda: clock.now().timestamp())
    tg.add_user(IVAN)
    tg.started.add(IVAN.id)  # Ivan opened the private chat when joining
    tg.add_group(Group(TEAM.id, TEAM.title, set(TEAM.members)))
    tg.enforce_limits()
    await tg.start()
    settings = make_settings(tmp_path, telegram_api_url=tg.url)
    db = await Database.open(settings.database_path)
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
        await tg.stop()


async def test_a_burst_of_500_leads_is_delivered_at_the_group_limit_without_a_429(
    paced: Paced,
) -> None:
    await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    ids = [
        (
            await paced.services.intake.submit(
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
        await paced.services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    paced.tg.fail("sendMessage", too_many_requests(40))
    started = paced.clock.now()
    await paced.deliver_everything()
    assert [c.text.split("\n")[0][-1] for c in paced.tg.chat(TEAM.id)] == list("12345")
    assert (paced.clock.now() - started).total_seconds() == pytest.approx(40 + 4 * 3.0, abs=0.1)
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0


async def test_a_claimed_card_shows_its_owner_within_one_group_interval_despite_a_queue(
    paced: Paced,
) -> None:
    """15 cards wait for the team chat; the claim's edit of a posted card does not."""
    team = await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    assert team.team is not None
    async with paced.db.transaction():
        await MemberRepo(paced.db.conn).upsert_active(
            team.team.id, IVAN.id, IVAN.full_name, IVAN.username, "ru", paced.clock.now()
        )
    for n in range(16):
        await paced.services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    assert await paced.worker.deliver_due() == 1  # the first card; 15 wait behind it
    [card] = paced.tg.chat(TEAM.id)

    # Ivan taps Claim: the real update, fetched from the fake Telegram, through the real
    # dispatcher with the real session.
    await paced.tg.tap(IVAN, card)
    dispatcher = build_dispatcher(paced.services, ZoneInfo("Europe/Moscow"))
    for update in await paced.bot.get_updates(timeout=0):
        await dispatcher.feed_update(paced.bot, update)
    tapped = paced.clock.now()

    while "В работе у" not in paced.tg.chat(TEAM.id)[0].text:
        if not await paced.worker.deliver_due():
            wakeup = await paced.worker.next_wakeup()
            assert wakeup is not None
            paced.clock.current = max(paced.clock.current, wakeup)
    waited = (paced.clock.now() - tapped).total_seconds()
    assert waited <= 3.0  # one group-send interval at 20 a minute
    assert len(paced.tg.chat(TEAM.id)) <= 2  # at most one new card went before the edit
    assert "В работе у: Ivan Petrov" in paced.tg.chat(TEAM.id)[0].text
    await paced.deliver_everything()
    assert len(paced.tg.chat(TEAM.id)) == 16
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0
