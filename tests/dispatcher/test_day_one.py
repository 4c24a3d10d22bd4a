"""What a new head of sales ran into on day one: removal that sticks, numbers out of range,
/newlead in the team chat, an empty ADMIN_IDS, and heads added without a restart."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage, SetMyCommands
from aiogram.types import Chat, MessageOriginUser
from aiogram.types import User as TgUser

from bot.people import Roles
from bot.services.heads import HeadService
from storage import Database, LeadRepo, MemberRepo
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import (
    HEAD,
    IVAN,
    OLGA,
    STRANGER,
    TEAM_CHAT,
    WHEN,
    bot_status_update,
    button_update,
    private,
    text_update,
)
from tests.conftest import World, make_world
from tests.dispatcher.conftest import add_member, lead_count, make_team, reply_to, stamped
from tests.fakes.clock import FakeClock


async def tap(world: World, user: object, data: str) -> AnswerCallbackQuery:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, TEAM_CHAT, await stamped(world, data)))  # type: ignore[arg-type]
    return world.session.of(AnswerCallbackQuery)[-1]  # type: ignore[no-any-return]


async def test_a_removed_manager_cannot_join_again_until_a_head_allows_it(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), f"/remove {ivan.id}"))
    [answer] = world.session.of(SendMessage)
    assert "Ivan больше не в команде" in answer.text
    [[button]] = answer.reply_markup.inline_keyboard
    assert button.text == "↩️ Разрешить вернуться" and button.callback_data == f"rejoin:{ivan.id}"

    refused = await tap(world, IVAN, f"join:{team.id}")  # no welcome DM is even tried
    assert refused.show_alert and "Вас убрали из команды" in (refused.text or "")
    assert await MemberRepo(world.db.conn).active(team.id) == []

    allowed = await tap(world, HEAD, button.callback_data)
    assert "Ivan снова может вступить" in (allowed.text or "")
    again = await tap(world, HEAD, button.callback_data)
    assert again.text == "Это уже разрешено."

    world.session.expect_message()  # the welcome in private
    joined = await tap(world, IVAN, f"join:{team.id}")
    assert "Вы в команде" in (joined.text or "")
    assert [m.user_id for m in await MemberRepo(world.db.conn).active(team.id)] == [IVAN.id]


async def test_only_a_head_may_allow_a_removed_manager_back(world: World) -> None:
    team = await make_team(world)
    olga = await add_member(world, team, OLGA)
    async with world.db.unit():
        await MemberRepo(world.db.conn).deactivate(olga.id, world.clock.now(), by=HEAD.id)
    answer = await tap(world, OLGA, f"rejoin:{olga.id}")
    assert answer.show_alert and answer.text == "Only the head of sales can do this."
    member = await MemberRepo(world.db.conn).by_id(olga.id)
    assert member is not None and member.barred


async def test_the_head_sees_removed_people_in_team(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    async with world.db.unit():
        await MemberRepo(world.db.conn).deactivate(ivan.id, world.clock.now(), by=HEAD.id)
    text = await reply_to(world, HEAD, "/team", private(HEAD))
    assert "Убраны руководителем" in text and f"{ivan.id}. Ivan (@ivan)" in text
    assert "Убраны" not in await reply_to(world, OLGA, "/team", private(OLGA))


async def test_a_manager_the_bot_lost_may_rejoin_alone(world: World) -> None:
    """Leaving because the bot could not write to them is no removal by a head."""
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    async with world.db.unit():
        await MemberRepo(world.db.conn).deactivate(ivan.id, world.clock.now())
    world.session.expect_message()
    joined = await tap(world, IVAN, f"join:{team.id}")
    assert "Вы в команде" in (joined.text or "")


@pytest.mark.parametrize(
    "data", ["claim:9223372036854775808", "claim:99999999999999999999999", "join:-1"]
)
async def test_a_button_number_out_of_range_is_refused_not_an_error(
    world: World, data: str, caplog: pytest.LogCaptureFixture
) -> None:
    await make_team(world)
    with caplog.at_level(logging.INFO):
        answer = await tap(world, IVAN, data)
    assert answer.show_alert
    assert answer.text == "Эта кнопка не от этого сообщения: ничего не изменилось."
    assert "OverflowError" not in caplog.text and "Traceback" not in caplog.text


async def test_a_member_number_out_of_range_is_no_such_member(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    await make_team(world)
    text = await reply_to(world, HEAD, "/remove 99999999999999999999", private(HEAD))
    assert text == "Такого участника нет. Список — /team."
    assert "OverflowError" not in caplog.text


async def test_newlead_in_the_team_chat_answers_with_the_card_alone(world: World) -> None:
    await make_team(world)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/newlead Иван, +7 912 345-67-89, нужен расчёт"))
    assert world.session.of(SendMessage) == []  # no "Лид №1 создан" above its own card
    assert await lead_count(world) == 1
    [card] = await LeadMessageRepo(world.db.conn).for_lead(1)
    assert card.chat_id == TEAM_CHAT.id
    assert "Имя: Иван" in card.text and "Запрос: нужен расчёт" in card.text
    assert "912" not in card.text


async def test_setup_with_no_head_yet_says_what_to_put_in_admin_ids(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    fresh = make_world(tmp_path, db, clock, admin_ids="")
    text = await reply_to(fresh, STRANGER, "/setup", TEAM_CHAT)
    assert f"<code>ADMIN_IDS={STRANGER.id}</code> (это ваш Telegram id)" in text
    assert "попросите руководителя" in text


async def test_a_head_adds_a_head_who_can_act_at_once_and_after_a_restart(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    world.session.expect(SetMyCommands, True, times=2)  # ru and en menus for Ivan's chat
    text = await reply_to(world, HEAD, "/head add @ivan", private(HEAD))
    assert text == "Теперь в руководителях: Ivan. Команды руководителя доступны сразу."
    assert {c.scope.chat_id for c in world.session.of(SetMyCommands)} == {IVAN.id}
    assert "руководителя" not in await reply_to(world, IVAN, "/remove", private(IVAN))

    roles = Roles(frozenset({HEAD.id}))  # a restart: ADMIN_IDS, then the database
    await HeadService(world.db, roles, world.services.teams).load()
    assert roles.is_head(IVAN.id)

    listing = await reply_to(world, HEAD, "/head", private(HEAD))
    # The head from ADMIN_IDS by name (the bot has seen them), the heading said once.
    assert "• Anna Head — из ADMIN_IDS" in listing and "• Ivan (@ivan)" in listing
    assert listing.count("Руководители отдела") == 1 and "Telegram id" not in listing


async def test_a_head_from_admin_ids_the_bot_never_saw_is_listed_by_id(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    fresh = make_world(tmp_path, db, clock, admin_ids=f"{HEAD.id},1001")
    listing = await reply_to(fresh, HEAD, "/head", private(HEAD))
    assert "• Telegram id <code>1001</code> — из ADMIN_IDS" in listing


async def test_a_head_is_added_by_replying_to_their_message(world: World) -> None:
    await make_team(world)
    world.session.expect(SetMyCommands, True, times=2)
    note = text_update(OLGA, TEAM_CHAT, "привет").message
    assert note is not None
    text = await reply_to(world, HEAD, "/head add", TEAM_CHAT, reply_to_message=note)
    assert "Теперь в руководителях: Olga" in text
    assert world.services.roles.is_head(OLGA.id)


async def test_a_head_removes_an_added_head_but_not_one_from_admin_ids(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    world.session.expect(SetMyCommands, True, times=4)
    await reply_to(world, HEAD, "/head add @ivan", private(HEAD))
    text = await reply_to(world, HEAD, "/head del @ivan", private(HEAD))
    assert text == "Больше не в руководителях: Ivan."
    assert not world.services.roles.is_head(IVAN.id)
    note = text_update(HEAD, TEAM_CHAT, "x").message
    stays = await reply_to(world, HEAD, "/head del", TEAM_CHAT, reply_to_message=note)
    assert "ADMIN_IDS" in stays and world.services.roles.is_head(HEAD.id)


async def test_a_manager_cannot_add_heads(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    text = await reply_to(world, IVAN, "/head add @ivan", private(IVAN))
    assert text == "Это может только руководитель отдела."
    assert not world.services.roles.is_head(IVAN.id)


async def test_head_add_of_an_unknown_person_says_how_to_name_them(world: World) -> None:
    await make_team(world)
    assert "Такого человека найти не удалось" in await reply_to(
        world, HEAD, "/head add @nobody", private(HEAD)
    )


async def test_invisible_characters_in_a_forwarded_name_are_stripped(world: World) -> None:
    client = TgUser(id=777, is_bot=False, first_name="\u200bПётр\u2060", last_name="\u200d")
    origin = MessageOriginUser(date=WHEN, sender_user=client)
    world.session.expect_message()
    await make_team(world)
    await world.feed(text_update(HEAD, private(HEAD), "Перезвоните", forward_origin=origin))
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None and lead.fields.name == "Пётр"


async def test_a_group_the_bot_is_added_to_is_told_what_to_do_next(world: World) -> None:
    group = Chat(id=-2002, type="supergroup", title="Продажи")
    world.session.expect_message()
    await world.feed(bot_status_update(HEAD, group, "left", "member"))
    [hello] = world.session.of(SendMessage)
    assert hello.chat_id == group.id and "Отправьте здесь /setup" in hello.text
    # Added by a manager, the group hears whom to ask; nobody is told about .env.
    world.session.expect_message()
    await world.feed(bot_status_update(IVAN, group, "kicked", "administrator"))
    text = world.session.of(SendMessage)[-1].text
    assert "руководитель отдела: пусть отправит здесь /setup" in text and ".env" not in text
    # Made an admin in a group it is in already, or back in the team chat: no greeting.
    await make_team(world)
    await world.feed(bot_status_update(HEAD, group, "member", "administrator"))
    assert len(world.session.of(SendMessage)) == 2


async def test_with_no_head_yet_whoever_adds_the_bot_is_told_how_to_become_one(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    fresh = make_world(tmp_path, db, clock, admin_ids="")
    group = Chat(id=-2002, type="supergroup", title="Продажи")
    fresh.session.expect_message()
    await fresh.feed(bot_status_update(STRANGER, group, "left", "member"))
    assert f"<code>ADMIN_IDS={STRANGER.id}</code>" in fresh.session.of(SendMessage)[0].text
    fresh.session.expect_message()
    await fresh.feed(text_update(STRANGER, private(STRANGER), "/start"))
    assert f"ADMIN_IDS={STRANGER.id}" in fresh.session.of(SendMessage)[-1].text
    fresh.session.expect_message()
    await fresh.feed(text_update(STRANGER, group, "/setup"))
    assert f"ADMIN_IDS={STRANGER.id}" in fresh.session.of(SendMessage)[-1].text
    assert fresh.session.unused() == {}


async def test_once_there_is_a_head_a_guest_is_never_told_about_env(world: World) -> None:
    # A manager who opened the bot before joining the team chat: not a member yet.
    for command, chat in (("/start", private(IVAN)), ("/setup", TEAM_CHAT)):
        text = await reply_to(world, IVAN, command, chat)
        assert "ADMIN_IDS" not in text and ".env" not in text, command
        assert "руководител" in text
