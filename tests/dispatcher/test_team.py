from __future__ import annotations

from aiogram.methods import SendMessage
from aiogram.types import Chat, User

from storage import MemberRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team


async def reply_to(world: World, user: User, chat: Chat, text: str) -> str:
    world.session.expect_message()
    await world.feed(text_update(user, chat, text))
    return str(world.session.of(SendMessage)[-1].text)


async def test_team_lists_members_with_their_numbers(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    text = await reply_to(world, IVAN, TEAM_CHAT, "/team")
    assert "участников: 2" in text
    assert f"{ivan.id}. Ivan (@ivan)" in text and f"{olga.id}. Olga (@olga)" in text
    assert "/remove" not in text  # only the head is shown how to remove


async def test_the_head_sees_how_to_remove_in_private(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    assert "/remove" in await reply_to(world, HEAD, private(HEAD), "/team")


async def test_team_before_setup_explains_setup(world: World) -> None:
    assert "/setup" in await reply_to(world, IVAN, private(IVAN), "/team")


async def test_an_empty_team_says_how_to_join(world: World) -> None:
    await make_team(world)
    assert "/join" in await reply_to(world, HEAD, TEAM_CHAT, "/team")


async def test_the_head_removes_a_member_by_number(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    text = await reply_to(world, HEAD, private(HEAD), f"/remove {ivan.id}")
    assert "Ivan больше не в команде" in text
    assert await MemberRepo(world.db.conn).active(team.id) == []


async def test_the_head_removes_a_member_by_username(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, OLGA)
    await reply_to(world, HEAD, TEAM_CHAT, "/remove @OLGA")
    assert await MemberRepo(world.db.conn).active(team.id) == []


async def test_a_manager_cannot_remove_anyone(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    text = await reply_to(world, IVAN, TEAM_CHAT, f"/remove {olga.id}")
    assert "только руководитель" in text
    assert len(await MemberRepo(world.db.conn).active(team.id)) == 2


async def test_remove_without_a_target_shows_usage(world: World) -> None:
    await make_team(world)
    assert "/remove и номер" in await reply_to(world, HEAD, TEAM_CHAT, "/remove")


async def test_remove_of_someone_unknown_says_not_found(world: World) -> None:
    await make_team(world)
    assert "Не нашёл" in await reply_to(world, HEAD, TEAM_CHAT, "/remove 77")
    assert "Не нашёл" in await reply_to(world, HEAD, TEAM_CHAT, "/remove nobody")
