"""Least loaded through the real dispatcher: a head switches to it in words, leads go to
whoever has the fewest open leads, the offer and /route say why, and a group may use it."""

from __future__ import annotations

from aiogram.methods import SendMessage

from storage import OutboxPurpose
from tests.builders import HEAD, IVAN, OLGA, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, rows, status, tap


async def least_loaded_team(world: World) -> list[int]:
    team = await make_team(world)
    ids = [(await add_member(world, team, user)).id for user in (IVAN, OLGA, PETR)]
    answer = await reply_to(world, HEAD, "/set mode по загрузке")
    assert answer == "Сохранено: режим распределения — Меньше всего в работе."
    return ids


async def test_leads_go_to_whoever_has_the_least_in_work(world: World) -> None:
    ivan, olga, petr = await least_loaded_team(world)
    # Ties go in turn: Ivan, Olga, Petr; each accepts, so each has one lead in work.
    first = [await new_lead(world, f"Клиент {n}") for n in range(3)]
    assert [(await status(world, lead_id))[1] for lead_id in first] == [ivan, olga, petr]
    for user, lead_id in zip((IVAN, OLGA, PETR), first, strict=True):
        await tap(world, user, f"offer:accept:{lead_id}")
    # Olga and Petr close theirs: Ivan is the busiest now and is passed over.
    await tap(world, OLGA, f"out:won:{first[1]}")
    await tap(world, PETR, f"out:won:{first[2]}")
    fourth = await new_lead(world, "ООО Ромашка")
    assert (await status(world, fourth))[1] == olga
    [offer] = await rows(world, fourth, OutboxPurpose.OFFER_CARD)
    assert "Why you: you have the fewest open leads (0)" in offer.text  # Olga reads English
    fifth = await new_lead(world, "ООО Лютик")
    assert (await status(world, fifth))[1] == petr  # Olga has one offered now: Petr's turn
    answer = await reply_to(world, HEAD, "/route industry=retail")
    assert "меньше всего лидов в работе (1)" in answer and "ничего не изменено" in answer


async def test_the_mode_menu_offers_it_and_a_group_can_use_it(world: World) -> None:
    await least_loaded_team(world)
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), "/mode"))
    [menu] = world.session.of(SendMessage)[-1:]
    assert menu.reply_markup is not None
    labels = [b.text for row in menu.reply_markup.inline_keyboard for b in row]
    assert "● Меньше всего в работе" in labels and "Меньше всего в работе — лид уходит" in (
        menu.text or ""
    )
    await reply_to(world, HEAD, "/group add vip @ivan @olga")
    assert await reply_to(world, HEAD, "/group mode vip по загрузке") == (
        "Группа vip: Меньше всего в работе."
    )
    assert "Режим группы" in await reply_to(world, HEAD, "/group mode vip руководитель")
