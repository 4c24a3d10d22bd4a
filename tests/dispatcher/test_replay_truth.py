"""/replay tells the truth about the past: the mode and rules in force at each lead, not
today's for the whole period; a vacation of minutes for those minutes; a pause begun today
not over the past; the working hours as they were. Replaying what was in force gives exactly
what happened. On a fake clock from Tuesday 1 December 2026, 12:00 in Moscow."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import SendPhoto

from bot.handlers.common import person_of
from bot.routing import Mode
from bot.services.reporting.replays import WhatIf
from tests.builders import HEAD, HEAD_PERSON, IVAN, OLGA, TEAM_CHAT
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to
from tests.dispatcher.test_lead_life import round_robin_team
from tests.dispatcher.test_replay import settle
from tests.repos import bare

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


async def leads_settled(world: World, count: int, owners: dict[int, int]) -> list[int]:
    """`count` leads a minute apart, each accepted and won by whoever it was offered to."""
    team = await world.services.teams.primary()
    assert team is not None
    known = {IVAN.id: IVAN, OLGA.id: OLGA}
    users = {m.id: known[m.user_id] for m in await bare(world.db).members.active(team.id)}
    made = []
    for n in range(count):
        world.clock.advance(60)
        lead_id = await new_lead(world, f"Клиент {n}")
        await settle(world, lead_id, users, owners)
        made.append(lead_id)
    return made


async def replay(world: World, text: str) -> WhatIf:
    what = await world.services.replays.what_if(HEAD_PERSON, text)
    assert what.result is not None and what.actual is not None
    return what


async def test_each_part_of_the_period_is_replayed_with_the_mode_then_in_force(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    first_come = [await new_lead(world, f"Чат {n}") for n in range(3)]
    for lead_id in first_come:
        await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    world.clock.advance(DAY.total_seconds())
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)  # Wednesday noon
    owners: dict[int, int] = {}
    offered = await leads_settled(world, 4, owners)
    # Without the rules, under the mode then: the chat's leads to the chat, the rest in turn.
    what = await replay(world, "правила нет 01.12.2026 02.12.2026")
    assert what.result is not None
    assert what.result.to_chat == len(first_come)
    assert {lead: what.result.by_lead[lead] for lead in offered} == owners
    assert [(part.mode, part.rules) for part in what.in_force] == [
        (Mode.FIRST_COME, 0),
        (Mode.ROUND_ROBIN, 0),
    ]
    text = await reply_to_replay(world, "/replay правила нет 01.12.2026 02.12.2026")
    assert "• с 01.12 00:00 до 02.12 12:00: «Кто успел», правил нет" in text
    assert "• с 02.12 12:00 до 03.12 00:00: «По очереди», правил нет" in text


async def reply_to_replay(world: World, text: str) -> str:
    world.session.expect(SendPhoto)
    return await reply_to(world, HEAD, text)


async def test_a_vacation_of_minutes_counts_for_those_minutes(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    started = await reply_to(world, HEAD, "/vacation @ivan today 2026-12-01")
    assert started.startswith("🌴 Отпуск начался: Ivan")
    world.clock.advance(5 * 60)
    assert (await reply_to(world, HEAD, "/vacation end @ivan")).startswith("✅ Отпуск закончен")
    owners: dict[int, int] = {}
    await leads_settled(world, 4, owners)
    assert len(set(owners.values())) == 2  # back at work: Ivan had leads that afternoon
    what = await replay(world, "по очереди сегодня")
    assert what.result is not None and what.result.by_lead == owners


async def test_a_pause_begun_today_leaves_the_past_as_it_was(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    owners: dict[int, int] = {}
    for _ in range(3):
        await leads_settled(world, 2, owners)
        world.clock.advance(DAY.total_seconds())
    assert (await reply_to(world, IVAN, "/pause")).startswith("Пауза включена")
    what = await replay(world, "по очереди неделя")
    assert what.result is not None and what.actual is not None
    assert what.result.by_lead == owners and what.result.got == what.actual


async def test_working_hours_are_those_then(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    world.clock.advance((DAY - 150 * MINUTE).total_seconds())  # Wednesday 09:30
    owners: dict[int, int] = {}
    await leads_settled(world, 4, owners)
    world.clock.advance(DAY.total_seconds())
    changed = await world.services.managers.set("work_hours", "10:00-19:00")
    assert changed.outcome.value == "done"
    what = await replay(world, "по очереди неделя")
    assert what.result is not None
    assert what.result.held == 0 and what.result.by_lead == owners
