from __future__ import annotations

from storage import MemberRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, private
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, reply_to


async def test_team_lists_members_with_their_numbers(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    text = await reply_to(world, IVAN, "/team", TEAM_CHAT)
    assert "участников: 2" in text
    assert f"{ivan.id}. Ivan (@ivan)" in text and f"{olga.id}. Olga (@olga)" in text
    assert "/remove" not in text  # only the head is shown how to remove


async def test_the_head_sees_how_to_remove_in_private(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    assert "/remove" in await reply_to(world, HEAD, "/team", private(HEAD))


async def test_team_before_setup_explains_setup(world: World) -> None:
    assert "/setup" in await reply_to(world, IVAN, "/team", private(IVAN))


async def test_an_empty_team_says_how_to_join(world: World) -> None:
    await make_team(world)
    assert "/join" in await reply_to(world, HEAD, "/team", TEAM_CHAT)


async def test_the_head_removes_a_member_by_number(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    text = await reply_to(world, HEAD, f"/remove {ivan.id}", private(HEAD))
    assert "Ivan больше не в команде" in text
    assert await MemberRepo(world.db.conn).active(team.id) == []


async def test_the_head_removes_a_member_by_username(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, OLGA)
    await reply_to(world, HEAD, "/remove @OLGA", TEAM_CHAT)
    assert await MemberRepo(world.db.conn).active(team.id) == []


async def test_a_manager_cannot_remove_anyone(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    text = await reply_to(world, IVAN, f"/remove {olga.id}", TEAM_CHAT)
    assert "только руководитель" in text
    assert len(await MemberRepo(world.db.conn).active(team.id)) == 2


async def test_remove_without_a_target_shows_usage(world: World) -> None:
    await make_team(world)
    assert "/remove и номер" in await reply_to(world, HEAD, "/remove", TEAM_CHAT)


async def test_remove_of_someone_unknown_says_not_found(world: World) -> None:
    await make_team(world)
    assert "Такого участника нет" in await reply_to(world, HEAD, "/remove 77", TEAM_CHAT)
    assert "Такого участника нет" in await reply_to(world, HEAD, "/remove nobody", TEAM_CHAT)
