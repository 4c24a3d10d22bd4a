"""Hostile or mistaken input on the Telegram side: each gets a short answer, changes
nothing, and is logged with the user id. Plus: replies survive a 429, and an update seen
twice after a crash does not act twice."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Chat, MessageOriginUser, Update
from aiogram.types import User as TgUser

from storage import LeadRepo
from tests.builders import (
    HEAD,
    IVAN,
    STRANGER,
    TEAM_CHAT,
    WHEN,
    button_update,
    private,
    text_update,
)
from tests.conftest import World
from tests.dispatcher.conftest import add_member, lead_count, make_team, new_lead, stamped
from tests.fakes.errors import retry_after, server_error
from tests.fakes.session import message_for

OTHER_GROUP = Chat(id=-2002, type="supergroup", title="Чужая группа")
CLIENT = TgUser(id=777, is_bot=False, first_name="Пётр")


async def snapshot(world: World) -> tuple[int, ...]:
    row = await world.db.conn.fetch_one(
        "SELECT (SELECT COUNT(*) FROM leads), (SELECT COUNT(*) FROM leads WHERE owner_id IS NOT "
        "NULL), (SELECT COUNT(*) FROM members WHERE active = 1), (SELECT COUNT(*) FROM teams), "
        "(SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM lead_events)"
    )
    assert row is not None
    return tuple(row)


def forwarded(user: TgUser) -> Update:
    origin = MessageOriginUser(date=WHEN, sender_user=CLIENT)
    return text_update(user, private(user), "Хочу купить, +7 912 345-67-89", forward_origin=origin)


# (who, the update made with lead #1's stamp, a fragment of the answer). The lead is #1,
# Ivan is a member.
CASES: dict[str, tuple[TgUser, Callable[[str], Update], str]] = {
    "forged button data": (
        IVAN,
        lambda stamp: button_update(IVAN, TEAM_CHAT, "claim:1;DROP"),
        "не от этого сообщения",
    ),
    "unknown button": (
        IVAN,
        lambda stamp: button_update(IVAN, TEAM_CHAT, "admin:all"),
        "не от этого сообщения",
    ),
    "a lead that never was": (
        IVAN,
        lambda stamp: button_update(IVAN, TEAM_CHAT, "claim:99"),
        "не от этого сообщения",
    ),
    "a card from another chat": (
        IVAN,
        lambda stamp: button_update(IVAN, OTHER_GROUP, f"claim:1:{stamp}"),
        "ждёт в чате отдела",
    ),
    "a non-member taps Claim": (
        STRANGER,
        lambda stamp: button_update(STRANGER, TEAM_CHAT, f"claim:1:{stamp}"),
        "вступите",
    ),
    "a join button of another team": (
        STRANGER,
        lambda stamp: button_update(STRANGER, TEAM_CHAT, "join:42"),
        "другой отдел",
    ),
    "a manager runs /setup": (
        IVAN,
        lambda stamp: text_update(IVAN, TEAM_CHAT, "/setup"),
        "руководитель",
    ),
    "a manager runs /remove": (
        IVAN,
        lambda stamp: text_update(IVAN, TEAM_CHAT, "/remove 1"),
        "руководитель",
    ),
    "a manager runs /newlead": (
        IVAN,
        lambda stamp: text_update(IVAN, private(IVAN), "/newlead Пётр +7 912 345-67-89"),
        "руководитель",
    ),
    "a manager forwards a lead": (IVAN, lambda stamp: forwarded(IVAN), "руководитель"),
    "/setup in private": (
        HEAD,
        lambda stamp: text_update(HEAD, private(HEAD), "/setup"),
        "групповом",
    ),
    "/join in private": (
        IVAN,
        lambda stamp: text_update(IVAN, private(IVAN), "/join"),
        "чате отдела",
    ),
    "/team by a passer-by": (
        STRANGER,
        lambda stamp: text_update(STRANGER, private(STRANGER), "/team"),
        "участники",
    ),
    "a join link while not in the chat": (
        STRANGER,
        lambda stamp: text_update(STRANGER, private(STRANGER), "/start join-1"),
        "состоять в чате",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_each_refusal_answers_changes_nothing_and_is_logged(
    world: World, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead = await LeadRepo(world.db.conn).get(await new_lead(world, "Ромашка"))
    assert lead is not None and lead.stamp
    user, update, said = CASES[case]
    built = update(lead.stamp)
    is_button = built.callback_query is not None
    if is_button:
        world.session.expect(AnswerCallbackQuery)
    else:
        world.session.expect_message()
    if case == "a join link while not in the chat":
        world.session.expect(
            __import__("aiogram.methods", fromlist=["GetChatMember"]).GetChatMember,
            lambda m: __import__("aiogram.types", fromlist=["ChatMemberLeft"]).ChatMemberLeft(
                user=STRANGER
            ),
        )
    before = await snapshot(world)
    with caplog.at_level(logging.INFO):
        await world.feed(built)
    assert await snapshot(world) == before
    if is_button:
        answer = world.session.of(AnswerCallbackQuery)[-1]
        assert answer.show_alert and said in (answer.text or "")
    else:
        assert said in (world.session.of(SendMessage)[-1].text or "")
    assert str(user.id) in caplog.text, caplog.text


async def test_a_claim_toast_survives_a_429(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, "A")
    world.session.expect(AnswerCallbackQuery, retry_after(2))
    world.session.expect(AnswerCallbackQuery, True)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    assert world.slept == [2.0]
    [_, answered] = world.session.of(AnswerCallbackQuery)
    assert f"№{lead_id}" in (answered.text or "")


async def test_a_command_reply_survives_a_429_and_a_server_error(world: World) -> None:
    await make_team(world)
    world.session.expect(SendMessage, retry_after(1))
    world.session.expect(SendMessage, server_error)
    world.session.expect(SendMessage, message_for)
    await world.feed(text_update(HEAD, private(HEAD), "/newlead Пётр +7 912 345-67-89"))
    assert world.slept == [1.0, 1.0]
    assert "создан" in (world.session.of(SendMessage)[-1].text or "")
    assert await lead_count(world) == 1


async def test_a_newlead_update_seen_twice_makes_one_lead(world: World) -> None:
    await make_team(world)
    update = text_update(HEAD, private(HEAD), "/newlead Пётр +7 912 345-67-89")
    world.session.expect_message(times=2)
    await world.feed(update)
    await world.feed(update)  # redelivered after a crash before getUpdates confirmed it
    assert await lead_count(world) == 1
    first, second = world.session.of(SendMessage)
    assert first.text == second.text
