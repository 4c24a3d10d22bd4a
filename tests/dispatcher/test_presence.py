"""Presence that follows behaviour: a manager who lets `auto_pause` offers time out (or
clients go unreached) in a row is paused, told in a message that rings with "I'm here", and
the heads are told; the heads also hear of a manager's own pause and return and of a
vacation's start and end. Real updates through the dispatcher, on a fake clock."""

from __future__ import annotations

import itertools

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup

from storage import (
    LeadStatus,
    MemberRepo,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    OutboxRepo,
    TeamSettingRepo,
)
from tests.builders import HEAD, IVAN, OLGA, button_update, private
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_first_contact import claim
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap
from tests.dispatcher.test_time import MINUTE, fire, first_come_team, put

PAUSED_MESSAGE = (
    "⏸ Включена пауза. Лиды уходили дальше без вас (не приняты вовремя или без связи с "
    "клиентом), подряд: 2. Новые лиды пока идут другим. Когда будете на месте, нажмите "
    "«✅ Я на месте»."
)


async def sent_to(world: World, chat_id: int, purpose: OutboxPurpose) -> list[OutboxRecord]:
    ids = await world.db.conn.fetch_all(
        "SELECT id FROM outbox WHERE chat_id = ? AND purpose = ? ORDER BY id",
        (chat_id, purpose.value),
    )
    outbox = OutboxRepo(world.db.conn)
    found = [await outbox.get(row[0]) for row in ids]
    return [row for row in found if row is not None]


async def head_notices(world: World) -> list[str]:
    return [r.text for r in await sent_to(world, HEAD.id, OutboxPurpose.HEAD_NOTICE)]


async def paused(world: World, member_id: int) -> bool:
    member = await MemberRepo(world.db.conn).by_id(member_id)
    assert member is not None
    return member.paused_at is not None


_PHONES = itertools.count(10)


async def offered_to(world: World, member_id: int, *, phone: bool = False) -> int:
    """New leads until one is offered to `member_id`; those offered to the others are
    accepted by them. With `phone`, each has a phone of its own."""
    by_user = {user.id: user for user in (IVAN, OLGA, PETR)}
    users = {m.id: by_user[m.user_id] for m in await MemberRepo(world.db.conn).active(1)}
    for n in range(10):
        number = f"+7 912 345-67-{next(_PHONES):02d}" if phone else None
        lead_id = await new_lead(world, f"Клиент {n}", phone=number)
        _, owner = await status(world, lead_id)
        if owner == member_id:
            return lead_id
        if owner is not None:
            await tap(world, users[owner], f"offer:accept:{lead_id}")
    raise AssertionError(f"no lead was offered to member {member_id}")


async def test_offers_timing_out_in_a_row_pause_the_manager(world: World) -> None:
    ivan, olga = await round_robin_team(world, IVAN, OLGA)
    await put(world, auto_pause="2", contact_remind="off", outcome_remind="off")
    first = await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)  # one lapse...
    await tap(world, IVAN, f"offer:accept:{await offered_to(world, ivan)}")  # ...then an answer
    assert await status(world, first) == (LeadStatus.OFFERED, olga)
    await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)
    assert not await paused(world, ivan)  # the answer ended the run: one lapse since
    await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)
    assert await paused(world, ivan)
    [told] = await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)
    assert (told.method, told.text) == (OutboxMethod.SEND, PAUSED_MESSAGE)
    assert told.buttons is not None and [b.text for b in told.buttons[0]] == ["✅ Я на месте"]
    assert (await head_notices(world))[-1] == (
        "⏸ Пауза: Ivan — лиды уходили дальше (не приняты вовремя или без связи с клиентом), "
        "подряд: 2. Новые лиды идут другим, пока менеджер не нажмёт «Я на месте». Снять "
        "паузу: /resume @ivan."
    )
    # Paused: the next leads go to Olga alone.
    assert [(await status(world, await new_lead(world, f"После {n}")))[1] for n in range(2)] == [
        olga,
        olga,
    ]


async def test_im_here_brings_the_manager_back_and_the_button_goes(world: World) -> None:
    ivan, _ = await round_robin_team(world, IVAN, OLGA)
    await put(world, auto_pause="2", contact_remind="off", outcome_remind="off")
    for _ in range(2):
        await offered_to(world, ivan)
        await fire(world, 10 * MINUTE)
    assert await paused(world, ivan)
    [message] = await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)
    answer = await tap(world, IVAN, "here")
    assert answer.text == "С возвращением! Новые лиды снова идут вам." and not answer.show_alert
    assert not await paused(world, ivan)
    _, edit = await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)
    assert (edit.method, edit.target_id, edit.buttons) == (OutboxMethod.EDIT, message.id, [])
    assert edit.text == f"{PAUSED_MESSAGE}\n\n▶️ Пауза снята: новые лиды снова идут вам."
    assert (await head_notices(world))[-1] == "▶️ Снова в работе: Ivan."
    # A stale copy of the button (a second tap) says so and loses its button there.
    world.session.expect(EditMessageReplyMarkup)
    again = await tap(world, IVAN, "here")
    assert again.text == "Паузы нет: новые лиды и так идут вам."
    # The run counts from the return: one lapse more does not pause, a second does.
    await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)
    assert not await paused(world, ivan)
    await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)
    assert await paused(world, ivan)
    assert len(await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)) == 3


async def test_a_head_ending_the_pause_edits_the_message_and_is_not_told_of_it(
    world: World,
) -> None:
    ivan, _ = await round_robin_team(world, IVAN, OLGA)
    await put(world, auto_pause="1", contact_remind="off")
    await offered_to(world, ivan)
    await fire(world, 10 * MINUTE)
    told = len(await head_notices(world))
    assert await reply_to(world, HEAD, "/resume @ivan") == (
        "Пауза снята: Ivan. Лиды снова будут приходить."
    )
    assert not await paused(world, ivan)
    _, edit = await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)
    assert edit.method is OutboxMethod.EDIT and edit.buttons == []
    assert len(await head_notices(world)) == told


async def test_other_offers_move_on_at_once_when_the_bot_pauses(world: World) -> None:
    ivan, olga = await round_robin_team(world, IVAN, OLGA)
    await put(world, auto_pause="1", contact_remind="off")
    first = await offered_to(world, ivan)
    world.clock.current += MINUTE
    second = await offered_to(world, ivan)
    await fire(world, 9 * MINUTE)  # the first lapses; the second had a minute to go
    assert await paused(world, ivan)
    assert await status(world, first) == (LeadStatus.OFFERED, olga)
    assert await status(world, second) == (LeadStatus.OFFERED, olga)
    [offer] = [
        r for r in await rows(world, second, OutboxPurpose.OFFER_CARD) if r.chat_id == IVAN.id
    ]
    [closed] = [r for r in await rows(world, second, OutboxPurpose.UPDATE) if r.chat_id == IVAN.id]
    assert closed.target_id == offer.id and closed.buttons == []
    assert closed.text.endswith("⏸ Вы на паузе: лид передан дальше.")
    [next_offer] = [
        r for r in await rows(world, second, OutboxPurpose.OFFER_CARD) if r.chat_id == OLGA.id
    ]
    assert "passed on: Ivan is paused" in next_offer.text


async def test_clients_not_reached_in_a_row_pause_a_manager_who_keeps_claiming(
    world: World,
) -> None:
    await first_come_team(world)
    await put(world, auto_pause="2", contact_timeout="15m", contact_remind="off")
    ivan = (await MemberRepo(world.db.conn).active(1))[0].id
    for n in range(2):
        assert not await paused(world, ivan)
        lead_id = await new_lead(world, f"Клиент {n}")
        await claim(world, IVAN, lead_id)  # claiming is no answer to the client
        await fire(world, 15 * MINUTE)
    assert await paused(world, ivan)
    [told] = await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE)
    assert told.text == PAUSED_MESSAGE


async def test_a_reached_client_ends_the_run(world: World) -> None:
    await first_come_team(world)
    await put(world, auto_pause="2", contact_timeout="15m", contact_remind="off")
    ivan = (await MemberRepo(world.db.conn).active(1))[0].id
    first = await new_lead(world, "A")
    await claim(world, IVAN, first)
    await fire(world, 15 * MINUTE)
    reached = await new_lead(world, "B")
    await claim(world, IVAN, reached)
    await tap(world, IVAN, f"cnt:{reached}")
    third = await new_lead(world, "C")
    await claim(world, IVAN, third)
    await fire(world, 15 * MINUTE)
    assert not await paused(world, ivan)


async def test_without_auto_pause_nobody_is_paused(world: World) -> None:
    ivan, _, _ = await round_robin_team(world, IVAN, OLGA, PETR)
    for _ in range(3):
        await offered_to(world, ivan)
        await fire(world, 10 * MINUTE)
    assert not await paused(world, ivan)
    assert await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE) == []


async def test_the_heads_hear_of_a_managers_own_pause_and_return_not_of_their_own(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    assert (await reply_to(world, IVAN, "/pause")).startswith("Пауза включена")
    assert await head_notices(world) == ["⏸ Пауза: Ivan — новые лиды пока идут другим."]
    await reply_to(world, IVAN, "/resume")
    assert (await head_notices(world))[-1] == "▶️ Снова в работе: Ivan."
    await reply_to(world, HEAD, "/pause @olga")
    await reply_to(world, HEAD, "/resume @olga")
    assert len(await head_notices(world)) == 2
    assert await sent_to(world, IVAN.id, OutboxPurpose.PRESENCE) == []


async def test_the_heads_hear_when_a_vacation_starts_and_ends(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await reply_to(world, IVAN, "/vacation today 2026-12-14 @olga")
    assert await head_notices(world) == [
        "🌴 Отпуск начался: Ivan, по 14.12.2026 включительно, замещает: Olga."
    ]
    await reply_to(world, IVAN, "/vacation end")
    assert (await head_notices(world))[-1] == (
        "✅ Снова в работе: Ivan. Возвращено лидов от заместителя: 0."
    )


async def test_a_bad_auto_pause_is_refused_and_changes_nothing(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    for bad in ("21", "два", "-1", "1.5"):
        answer = await reply_to(world, HEAD, f"/set auto_pause {bad}")
        assert answer.startswith("Число от 1 до 20 — сколько лидов подряд"), answer
    assert "auto_pause" not in await TeamSettingRepo(world.db.conn).values(1)


async def test_a_tap_on_im_here_by_someone_not_in_the_team_changes_nothing(world: World) -> None:
    await round_robin_team(world, IVAN)
    world.session.expect(AnswerCallbackQuery)
    world.session.expect(EditMessageReplyMarkup)
    await world.feed(button_update(OLGA, private(OLGA), "here"))
    answer = world.session.of(AnswerCallbackQuery)[-1]
    assert answer.show_alert
