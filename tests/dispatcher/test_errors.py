from __future__ import annotations

import logging

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from tests.builders import IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, stamped


async def test_a_failing_tap_still_gets_an_answer_and_is_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, name="A")
    data = await stamped(world, f"claim:{lead_id}")
    await world.db.close()  # the database goes away under the bot
    world.session.expect(AnswerCallbackQuery)
    with caplog.at_level(logging.ERROR):
        await world.feed(button_update(IVAN, TEAM_CHAT, data))
    [answer] = world.session.of(AnswerCallbackQuery)
    assert answer.show_alert and answer.text == "Что-то пошло не так. Попробуйте ещё раз."
    assert f"from user {IVAN.id} failed" in caplog.text


async def test_a_failing_command_gets_a_reply_in_the_user_s_language(world: World) -> None:
    await world.db.close()
    world.session.expect_message()
    await world.feed(text_update(OLGA, private(OLGA), "/team"))
    assert world.session.of(SendMessage)[0].text == "Something went wrong. Please try again."
