"""Bursts of leads into one team chat, through the real aiohttp session, against a fake
Telegram that enforces Telegram's flood limits. Both sides share one fake clock, so the
minutes a burst takes at 20 messages a minute pass in a couple of seconds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bench import SET_UP_AT
from bench.burst import MANAGERS, Paced, bot_on, burst, buttons_in, phone, team_of
from bot.actions.intake import NewLead
from bot.people import Person
from bot.runtime.build import build_dispatcher
from storage import LeadFields, LeadSource, MemberRepo
from tests.builders import HEAD_PERSON
from tests.conftest import TOKEN
from tests.e2e.conftest import IVAN, TEAM
from tests.fakes.clock import FakeClock
from tests.fakes.faults import too_many_requests
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group, Sent


@pytest.fixture
async def paced(database_target: Path | str) -> AsyncIterator[Paced]:
    clock = FakeClock()
    tg = FakeTelegram(TOKEN, clock=lambda: clock.now().timestamp())
    tg.add_user(IVAN)
    tg.started.add(IVAN.id)  # Ivan opened the private chat when joining
    tg.add_group(Group(TEAM.id, TEAM.title, {*TEAM.members, *(u.id for u in MANAGERS)}))
    tg.enforce_limits()
    await tg.start()
    try:
        async with bot_on(database_target, tg, clock) as run:
            yield run
    finally:
        await tg.stop()


async def test_100_leads_in_a_minute_are_each_claimable_within_seconds_without_a_429(
    paced: Paced,
) -> None:
    """Leads arrive every 0.6 s; managers tap a lead's button one second after it shows,
    on its card or in the chat's queue (`bench.burst`, which prints the same figures)."""
    await team_of(paced, MANAGERS)
    result = await burst(paced, leads=100, per_minute=100, tap_after=1.0)
    assert result.refused == 0
    assert len(result.arrived) == 100 and set(result.claimable) == set(result.arrived)
    waits = result.waits()
    assert waits[94] <= 5.0 and waits[-1] <= 7.0
    answers = result.answers()
    assert len(answers) == 100 and answers[94] <= 5.0
    # Each lead's contacts reached exactly one manager, in private.
    assert result.lost == 0 and result.doubled == 0, result.contacts
    # The queue said it was cleared once the burst was over; no button is left to press.
    assert not buttons_in(paced.tg.chat(TEAM.id))


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
    async with paced.db.unit():
        await MemberRepo(paced.db.conn).upsert_active(
            team.team.id, IVAN.id, IVAN.full_name, IVAN.username, "ru", paced.clock.now()
        )
    for n in range(16):
        await paced.services.intake.submit(NewLead(LeadFields(name=f"C{n}"), LeadSource.HTTP))
    assert await paced.worker.deliver_due() == 1  # one message: the queue of all 16
    [queue] = paced.tg.chat(TEAM.id)
    assert buttons_in([queue]) == set(range(1, 17))

    await paced.tg.tap(IVAN, queue, queue.button("claim:1"))
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


async def test_twenty_offers_accepted_at_once_bring_every_contact_within_seconds(
    paced: Paced,
) -> None:
    """A private chat takes a message a second: twenty offer cards edited one by one would
    bring the last contacts twenty seconds late. They come in one message first; each offer
    still becomes its full card with Won / Lost afterwards."""
    ivan = MANAGERS[0]
    await team_of(paced, [ivan])
    async with paced.db.unit() as repos:
        team = await repos.teams.primary()
        assert team is not None
        await repos.settings.put(team.id, "mode", "round_robin", SET_UP_AT)
        await repos.settings.put(team.id, "announce", "off", SET_UP_AT)
    leads = []
    for n in range(20):
        new = NewLead(LeadFields(name=f"Клиент {n}", phone=phone(n)), LeadSource.HTTP)
        leads.append((await paced.services.intake.submit(new)).lead_id)
    await paced.deliver_everything()  # twenty offers, a second apart
    assert len(paced.tg.chat(ivan.id)) == 20
    person = Person(ivan.id, ivan.full_name)
    for lead_id in leads:
        await paced.services.accept(lead_id, person)
    accepted = paced.clock.now()
    phones = {phone(n) for n in range(20)}
    while not all(p in everything_in(paced.tg.chat(ivan.id)) for p in phones):
        if not await paced.worker.deliver_due():
            wakeup = await paced.worker.next_wakeup()
            assert wakeup is not None
            paced.clock.current = max(paced.clock.current, wakeup)
    assert (paced.clock.now() - accepted).total_seconds() <= 2.0
    await paced.deliver_everything()
    offers = [m for m in paced.tg.chat(ivan.id) if m.buttons()]
    assert len(offers) == 20
    assert all(str(m.buttons()).count("'out:") == 2 for m in offers)  # Won and Lost
    assert paced.tg.limits is not None and paced.tg.limits.refused == 0


def everything_in(messages: list[Sent]) -> str:
    return "\n".join(m.text for m in messages)
