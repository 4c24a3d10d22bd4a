"""/replay: a recorded month routed again. Replaying the round robin that was in force
gives exactly what happened (every lead here was routed once: no Return, no timeout, no
/assign), with a vacation, a member who joined mid-month, and a weekend lead held for
Monday; other policies answer per manager; first come is refused; nothing is written."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import SendMessage, SendPhoto
from aiogram.types import User

from bot.handlers.common import person_of
from bot.routing.replay import Policy
from bot.services.reporting.replays import Asked
from storage import LeadRepo
from storage.work.lead_lists import LeadListRepo
from tests.builders import HEAD, HEAD_PERSON, IVAN, OLGA, STRANGER, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, round_robin_team
from tests.engines import writes_so_far

DAY = timedelta(days=1)


async def recorded_month(world: World) -> dict[int, int]:
    """Three weeks of a round-robin team from Tuesday 1 December 2026 (12:00 in Moscow):
    each lead accepted and won at once; Olga away 8-10 December; Petr joins on the 14th; a
    lead on Saturday the 12th waits for Monday. Returns each lead's owner."""
    ids = await round_robin_team(world, IVAN, OLGA)
    team = await world.services.teams.primary()
    assert team is not None
    await reply_to(world, OLGA, "/vacation 2026-12-08 2026-12-10")
    users: dict[int, User] = {ids[0]: IVAN, ids[1]: OLGA}
    owners: dict[int, int] = {}
    start = world.clock.now()
    for day in range(18):
        world.clock.current = start + day * DAY
        await world.services.timers.fire_due(world.clock.now())
        if day == 13:
            petr = await add_member(world, team, PETR)
            users[petr.id] = PETR
        weekday = world.clock.now().weekday()
        count = 0 if weekday == 6 else 1 if weekday == 5 else 3
        for n in range(count):
            world.clock.advance(60 * (n + 1))
            lead_id = await new_lead(world, f"Клиент {day}-{n}")
            await settle(world, lead_id, users, owners)
        if weekday == 0:  # Monday: the weekend's lead was routed at opening
            for lead_id in await held_leads(world):
                await settle(world, lead_id, users, owners)
    return owners


async def held_leads(world: World) -> list[int]:
    return [
        row[0]
        for row in await world.db.conn.fetch_all(
            "SELECT id FROM leads WHERE status = 'offered' ORDER BY id"
        )
    ]


async def settle(
    world: World, lead_id: int, users: dict[int, User], owners: dict[int, int]
) -> None:
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    if lead.owner_id is None:
        return  # held for the working day: settled at opening
    person = person_of(users[lead.owner_id])
    assert (await world.services.accept(lead_id, person)).value == "done"
    assert (await world.services.close(lead_id, person, won=True)).value == "done"
    owners[lead_id] = lead.owner_id


async def changes(world: World) -> int:
    return await writes_so_far(world.db)


async def test_replaying_the_round_robin_in_force_gives_exactly_what_happened(
    world: World,
) -> None:
    owners = await recorded_month(world)
    assert len(owners) == 3 * 14 + 2  # weekdays, and both Saturdays' leads, routed once
    before = await changes(world)
    what = await world.services.replays.what_if(HEAD_PERSON, "по очереди 01.12.2026 18.12.2026")
    assert await changes(world) == before  # nothing was written
    assert what.asked is Asked.OK and what.result is not None and what.actual is not None
    assert what.result.by_lead == owners
    assert what.result.got == what.actual
    assert what.result.held == 2 and what.result.to_chat == what.result.to_heads == 0
    # Olga was away three days, Petr came late: the spread is the team's real one.
    assert what.spread(what.result.got) == what.spread(what.actual) > 0
    # A period from the middle of the month starts from the turn as it stood that night;
    # the last 7 days start in the middle of a day, after that day's first leads.
    for period in ("02.12.2026 18.12.2026", "08.12.2026 18.12.2026", "неделя"):
        part = await world.services.replays.what_if(HEAD_PERSON, f"по очереди {period}")
        assert part.result is not None and part.period is not None
        counted = {lead: owner for lead, owner in owners.items() if lead in part.result.by_lead}
        assert part.result.by_lead == counted and 0 < len(counted) < len(owners), period
        if period == "неделя":
            start = part.period.start
            warm = await LeadListRepo(world.db.conn).created_since(1, start - timedelta(hours=1))
            assert warm[0].created_at < start  # that day's first lead: moved the turn only
            assert warm[0].id not in part.result.by_lead


async def test_other_policies_answer_per_manager_as_text_and_picture(world: World) -> None:
    await recorded_month(world)
    world.session.expect_message()
    world.session.expect(SendPhoto)
    await world.feed(text_update(HEAD, private(HEAD), "/replay руководитель 01.12.2026 18.12.2026"))
    text = world.session.of(SendMessage)[-1].text

    # The team was set up at noon on the 1st: "first come" until the head chose the round
    # robin. The answer says what really routed the period, part by part.
    assert text.startswith(
        "🔁 <b>Если бы менеджера для каждого лида выбирали руководители</b> "
        "(01.12.2026 — 18.12.2026)\nЛидов за период: 44. Способ и правила за это время "
        "менялись:\n• с 01.12 00:00 до 01.12 12:00: «Кто успел», правил нет\n"
        "• с 01.12 12:00 до 19.12 00:00: «По очереди», правил нет\n"
    )
    assert "<b>Ivan</b>: было " in text and "→ стало бы 0" in text
    assert "На выбор руководителям: 44" in text
    assert "их история не хранится. Ничего не изменено." in text
    [photo] = world.session.of(SendPhoto)
    assert photo.chat_id == HEAD.id
    rules_off = await world.services.replays.what_if(
        HEAD_PERSON, "правила нет 01.12.2026 18.12.2026"
    )
    assert rules_off.policy is Policy.RULES_OFF and rules_off.result is not None
    assert rules_off.result.got == rules_off.actual  # the team has no rules: nothing changes
    known = await world.services.replays.what_if(HEAD_PERSON, "known_client off")
    assert known.policy is Policy.KNOWN_CLIENT_OFF and known.period is not None
    assert known.period.span.value == "month"


async def test_first_come_cannot_be_replayed_and_bad_requests_get_the_usage(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    assert (await reply_to(world, HEAD, "/replay кто_успел")).startswith(
        "Режим «Кто успел» переиграть нельзя: неизвестно, чья кнопка сработала бы раньше всех."
    )
    usage = "Что переиграть: /replay по очереди, /replay руководитель"
    assert (await reply_to(world, HEAD, "/replay")).startswith(usage)
    assert (await reply_to(world, HEAD, "/replay всё")).startswith(usage)
    assert (await reply_to(world, HEAD, "/replay по очереди в прошлом году")).startswith(usage)
    assert "руководител" in await reply_to(world, IVAN, "/replay по очереди")
    assert "руководител" in await reply_to(world, STRANGER, "/replay по очереди")
