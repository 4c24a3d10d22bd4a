from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import Chat, User

from storage import LeadEventRepo
from tests.builders import IVAN, OLGA, STRANGER, TEAM_CHAT, button_update
from tests.conftest import World
from tests.dispatcher.conftest import (
    add_member,
    make_team,
    new_lead,
    outbox_purposes,
    owner_of,
    stamped,
)


async def press(world: World, user: User, data: str, chat: Chat = TEAM_CHAT) -> AnswerCallbackQuery:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, chat, await stamped(world, data)))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    return answer


async def test_the_first_member_to_tap_gets_the_lead(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    lead_id = await new_lead(world, name="Ромашка", phone="+7 912 345-67-89")
    world.clock.advance(42)
    answer = await press(world, IVAN, f"claim:{lead_id}")
    assert answer.text == f"Лид №{lead_id} ваш. Контакты — в личном чате." and not answer.show_alert
    assert await owner_of(world, lead_id) == ivan.id
    assert await outbox_purposes(world, lead_id) == ["card", "card_claimed", "owner_card"]
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert (events[-1].kind, events[-1].reason, events[-1].actor_user_id) == (
        "claimed",
        "claimed",
        IVAN.id,
    )


async def test_the_second_tap_is_told_who_took_it(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    lead_id = await new_lead(world, name="A")
    await press(world, IVAN, f"claim:{lead_id}")
    answer = await press(world, OLGA, f"claim:{lead_id}")
    assert answer.show_alert and answer.text == "Already taken by Ivan."
    assert await owner_of(world, lead_id) == ivan.id


async def test_the_owner_tapping_again_changes_nothing(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, name="A")
    await press(world, IVAN, f"claim:{lead_id}")
    answer = await press(world, IVAN, f"claim:{lead_id}")
    assert answer.text == "Этот лид уже ваш."
    assert await outbox_purposes(world, lead_id) == ["card", "card_claimed", "owner_card"]


async def test_a_non_member_is_told_to_join_and_nothing_changes(world: World) -> None:
    await make_team(world)
    lead_id = await new_lead(world, name="A")
    answer = await press(world, STRANGER, f"claim:{lead_id}")
    assert answer.show_alert and "вступите в команду" in (answer.text or "")
    assert await owner_of(world, lead_id) is None
    assert await outbox_purposes(world, lead_id) == ["card"]


async def test_a_tap_on_a_lead_that_does_not_exist_is_refused(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    answer = await press(world, IVAN, "claim:999")
    assert answer.show_alert
    assert answer.text == "Эта кнопка не от этого сообщения: ничего не изменилось."


async def test_a_card_replayed_in_another_chat_is_refused(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, name="A")
    answer = await press(world, IVAN, f"claim:{lead_id}", Chat(id=-777, type="group", title="x"))
    assert answer.show_alert
    assert answer.text == f"Лид №{lead_id} ждёт в чате отдела: взять лид можно там."
    assert await owner_of(world, lead_id) is None


async def test_forged_callback_data_gets_an_alert(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    for data in ("claim:abc", "claim:", "drop table", "claim:1:2"):
        answer = await press(world, IVAN, data)
        assert answer.show_alert
        assert answer.text == "Эта кнопка не от этого сообщения: ничего не изменилось."
