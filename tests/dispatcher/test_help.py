from __future__ import annotations

from tests.builders import HEAD, IVAN, OLGA, STRANGER, TEAM_CHAT, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, reply_to


async def test_start_tells_the_head_what_heads_do(world: World) -> None:
    assert "Вы руководитель" in await reply_to(world, HEAD, "/start")


async def test_help_tells_a_manager_about_claiming(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    text = await reply_to(world, IVAN, "/help")
    assert "Вы менеджер команды «Отдел продаж»" in text


async def test_a_stranger_is_told_how_to_join(world: World) -> None:
    assert "/join" in await reply_to(world, STRANGER, "/start")


async def test_english_users_get_help_in_english(world: World) -> None:
    assert "To get leads" in await reply_to(world, OLGA, "/help")


async def test_anything_else_in_private_gets_a_pointer_to_help(world: World) -> None:
    assert "/help" in await reply_to(world, STRANGER, "привет")


async def test_ordinary_group_chatter_is_ignored(world: World) -> None:
    await world.feed(text_update(IVAN, TEAM_CHAT, "коллеги, кто на обед?"))
    assert world.session.calls == []
