"""A burst of 500 leads into one team chat, through the real aiohttp session, against a fake
Telegram that enforces Telegram's flood limits. Both sides share one fake clock, so the
25 minutes the burst takes at 20 messages a minute pass in a couple of seconds."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot

from bot.build import Services, build_dispatcher, build_services, make_bot
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.pulse import TelegramPulse
from bot.delivery.signal import OutboxSignal
from bot.people import Person
from bot.services.intake import NewLead
from storage import Database, LeadFields, LeadRepo, LeadSource, MemberRepo
from tests.builders import HEAD_PERSON
from tests.conftest import TOKEN, make_settings
from tests.e2e.conftest import IVAN, TEAM
from tests.fakes.clock import FakeClock
from tests.fakes.faults import too_many_requests
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group, Sent, User


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


HTTP = LeadSource.HTTP
MANAGERS = [User(400 + n, f"Manager{n}", language_code="ru") for n in range(5)]


async def test_100_leads_in_a_minute_are_each_claimable_within_seconds_without_a_429(
    paced: Paced,
) -> None:
    """Leads arrive every 0.6 s; managers tap a lead's button one second after it shows,
    on its card or in the chat's queue. Time is the fake clock both sides share."""
    team = await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    assert team.team is not None
    for user in MANAGERS:
        paced.tg.add_user(user)
        paced.tg.started.add(user.id)
        async with paced.db.transaction():
            await MemberRepo(paced.db.conn).upsert_active(
                team.team.id, user.id, user.full_name, None, "ru", paced.clock.now()
            )
    arrived: dict[int, float] = {}
    claimable: dict[int, float] = {}
    taps: dict[int, float] = {}
    start = paced.clock.now().timestamp()
    for step in range(1200):  # 0.25 s each: five minutes
        now = start + step * 0.25
        paced.clock.current = datetime.fromtimestamp(now, UTC)
        if len(arrived) < 100 and now - start >= len(arrived) * 0.6:
            n = len(arrived)  # a phone each: a known client's lead would skip the chat
            lead = NewLead(LeadFields(name=f"Client {n}", phone=f"+7912{n:07d}"), HTTP)
            arrived[(await paced.services.intake.submit(lead)).lead_id] = now
        await paced.worker.deliver_due()
        for lead_id in buttons_in(paced.tg.chat(TEAM.id)):
            claimable.setdefault(lead_id, now)
            taps.setdefault(lead_id, now + 1.0)
        for lead_id, at in list(taps.items()):
            if at <= now:
                del taps[lead_id]
                user = MANAGERS[lead_id % len(MANAGERS)]
                await paced.services.claims.claim(lead_id, TEAM.id, Person(user.id, user.full_name))
                taps[lead_id] = float("inf")  # tapped once
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0
    assert set(claimable) == set(arrived)  # none lost
    waits = sorted(claimable[lead] - arrived[lead] for lead in arrived)
    assert waits[94] <= 5.0 and waits[-1] <= 7.0
    leads = [await LeadRepo(paced.db.conn).get(lead) for lead in arrived]
    assert all(lead is not None and lead.owner_id is not None for lead in leads)
    # Each lead's contacts reached exactly one manager, in private.
    phones = {lead: f"+7912{n:07d}" for n, lead in enumerate(arrived)}
    owners = {
        lead: [u.id for u in MANAGERS if any(phone in m.text for m in paced.tg.chat(u.id))]
        for lead, phone in phones.items()
    }
    assert all(len(who) == 1 for who in owners.values()), owners
    # The queue said it was cleared once the burst was over; no button is left to press.
    assert not buttons_in(paced.tg.chat(TEAM.id))


def buttons_in(messages: list[Sent]) -> set[int]:
    """Leads with a Claim button somewhere in the chat."""
    return {
        int(b["callback_data"].split(":")[1])
        for m in messages
        for b in m.buttons()
        if b.get("callback_data", "").startswith("claim:")
    }


async def test_a_429_that_comes_anyway_is_waited_out_and_order_is_kept(paced: Paced) -> None:
    await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    for n in range(5):
        await paced.services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    paced.tg.fail("sendMessage", too_many_requests(40))
    started = paced.clock.now()
    while not paced.tg.chat(TEAM.id):
        if not await paced.worker.deliver_due():
            wakeup = await paced.worker.next_wakeup()
            assert wakeup is not None
            paced.clock.current = max(paced.clock.current, wakeup)
    # Five cards at once fold into the chat's queue, which shows after the 429 ran out.
    [queue] = paced.tg.chat(TEAM.id)
    assert buttons_in([queue]) == {1, 2, 3, 4, 5}
    assert [b["text"] for b in queue.buttons()] == [f"✋ №{n}" for n in range(1, 6)]
    assert (paced.clock.now() - started).total_seconds() == pytest.approx(40, abs=0.1)
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0


async def test_a_lead_claimed_from_the_queue_leaves_it_within_one_group_interval(
    paced: Paced,
) -> None:
    """16 leads at once fold into the chat's queue; Ivan taps "✋ №1" there, through the
    real dispatcher; the queue stops offering it at the next message the chat allows."""
    team = await paced.services.teams.setup(TEAM.id, TEAM.title, HEAD_PERSON)
    assert team.team is not None
    async with paced.db.transaction():
        await MemberRepo(paced.db.conn).upsert_active(
            team.team.id, IVAN.id, IVAN.full_name, IVAN.username, "ru", paced.clock.now()
        )
    for n in range(16):
        await paced.services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    assert await paced.worker.deliver_due() == 1  # one message: the queue of all 16
    [queue] = paced.tg.chat(TEAM.id)
    assert buttons_in([queue]) == set(range(1, 17))

    await paced.tg.tap(IVAN, queue, "claim:1")
    dispatcher = build_dispatcher(paced.services, ZoneInfo("Europe/Moscow"))
    for update in await paced.bot.get_updates(timeout=0):
        await dispatcher.feed_update(paced.bot, update)
    tapped = paced.clock.now()
    assert any(
        "№1" in str(c[1].get("text")) for c in paced.tg.calls if c[0] == "answercallbackquery"
    )

    while 1 in buttons_in(paced.tg.chat(TEAM.id)):
        if not await paced.worker.deliver_due():
            wakeup = await paced.worker.next_wakeup()
            assert wakeup is not None
            paced.clock.current = max(paced.clock.current, wakeup)
    assert (paced.clock.now() - tapped).total_seconds() <= 3.0  # one interval at 20 a minute
    assert buttons_in(paced.tg.chat(TEAM.id)) == set(range(2, 17))
    assert "+" not in paced.tg.chat(TEAM.id)[0].text  # never a contact in the chat
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0
