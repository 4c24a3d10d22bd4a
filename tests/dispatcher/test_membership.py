from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, GetChatMember, GetMe, SendMessage
from aiogram.types import ChatMemberLeft, ChatMemberMember
from aiogram.types import User as TgUser

from storage import MemberRepo
from tests.builders import IVAN, OLGA, STRANGER, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team
from tests.fakes.errors import forbidden
from tests.fakes.session import message_for

BOT_USER = TgUser(id=123456, is_bot=True, first_name="Leads", username="leads_test_bot")


async def is_member(world: World, user_id: int) -> bool:
    return await MemberRepo(world.db.conn).active_by_user(1, user_id) is not None


async def test_join_with_an_open_private_chat_makes_a_member_and_welcomes_them(
    world: World,
) -> None:
    await make_team(world)
    world.session.expect_message()
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(OLGA, TEAM_CHAT, "join:1"))
    [welcome] = world.session.of(SendMessage)
    assert welcome.chat_id == OLGA.id and "You are in team" in welcome.text
    [answer] = world.session.of(AnswerCallbackQuery)
    assert "You are in team" in (answer.text or "") and not answer.show_alert
    assert await is_member(world, OLGA.id)


async def test_join_without_a_private_chat_opens_it_through_a_deep_link(world: World) -> None:
    await make_team(world)
    world.session.expect(SendMessage, forbidden)
    world.session.expect(GetMe, BOT_USER)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, "join:1"))
    [answer] = world.session.of(AnswerCallbackQuery)
    assert answer.url == "https://t.me/leads_test_bot?start=join-1"
    assert not await is_member(world, IVAN.id)


async def test_the_deep_link_completes_the_join_for_people_in_the_team_chat(world: World) -> None:
    await make_team(world)
    world.session.expect(GetChatMember, ChatMemberMember(user=IVAN))
    world.session.expect_message()
    await world.feed(text_update(IVAN, private(IVAN), "/start join-1"))
    assert "Вы в команде" in world.session.of(SendMessage)[0].text
    assert await is_member(world, IVAN.id)


async def test_the_deep_link_refuses_people_outside_the_team_chat(world: World) -> None:
    await make_team(world)
    world.session.expect(GetChatMember, ChatMemberLeft(user=STRANGER))
    world.session.expect_message()
    await world.feed(text_update(STRANGER, private(STRANGER), "/start join-1"))
    assert "нужно состоять в чате отдела" in world.session.of(SendMessage)[0].text
    assert not await is_member(world, STRANGER.id)


async def test_a_deep_link_to_a_missing_team_says_it_is_out_of_date(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(IVAN, private(IVAN), "/start join-7"))
    assert "устарела" in world.session.of(SendMessage)[0].text


async def test_joining_twice_just_says_so(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, "join:1"))
    assert "уже в команде" in (world.session.of(AnswerCallbackQuery)[0].text or "")


async def test_a_join_button_of_another_team_is_refused(world: World) -> None:
    await make_team(world)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, "join:9"))
    [answer] = world.session.of(AnswerCallbackQuery)
    assert answer.show_alert and "другой отдел" in (answer.text or "")
    assert not await is_member(world, IVAN.id)


async def test_join_command_in_the_group_replies_with_a_button_to_the_private_chat(
    world: World,
) -> None:
    await make_team(world)
    world.session.expect(SendMessage, forbidden)
    world.session.expect(GetMe, BOT_USER)
    world.session.expect(SendMessage, message_for)
    await world.feed(text_update(IVAN, TEAM_CHAT, "/join"))
    reply = world.session.of(SendMessage)[1]
    assert (
        reply.reply_markup.inline_keyboard[0][0].url == "https://t.me/leads_test_bot?start=join-1"
    )


async def test_join_command_in_private_points_to_the_team_chat(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(IVAN, private(IVAN), "/join"))
    assert "в групповом чате отдела" in world.session.of(SendMessage)[0].text


async def test_join_in_a_chat_without_a_team_explains_setup(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(IVAN, TEAM_CHAT, "/join"))
    assert "/setup" in world.session.of(SendMessage)[0].text
