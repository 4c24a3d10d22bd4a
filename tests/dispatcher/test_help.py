from __future__ import annotations

from pathlib import Path

from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup

from storage import Database
from tests.builders import HEAD, IVAN, OLGA, STRANGER, TEAM_CHAT, text_update
from tests.conftest import World, make_world
from tests.dispatcher.conftest import add_member, make_team, reply_to
from tests.fakes.clock import FakeClock


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


def console_buttons(world: World) -> list[tuple[str, str]]:
    """The web_app buttons of the bot's last answer: (label, address)."""
    markup = world.session.of(SendMessage)[-1].reply_markup
    if markup is None:
        return []
    assert isinstance(markup, InlineKeyboardMarkup)
    return [(b.text, b.web_app.url) for row in markup.inline_keyboard for b in row if b.web_app]


async def test_a_head_gets_the_console_button_in_private_with_an_https_address(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    world = make_world(tmp_path, db, clock, public_url="https://leads.example.ru/")
    team = await make_team(world)
    await add_member(world, team, IVAN)
    console = [("🎛 Пульт", "https://leads.example.ru/app")]
    await reply_to(world, HEAD, "/start")
    assert console_buttons(world) == console
    await reply_to(world, HEAD, "/settings")
    assert console_buttons(world) == console
    # Not in a group (Telegram allows a Mini App button in private chats only), nor for a
    # manager.
    await reply_to(world, HEAD, "/settings", TEAM_CHAT)
    assert console_buttons(world) == []
    await reply_to(world, IVAN, "/help")
    assert console_buttons(world) == []


async def test_without_https_there_is_no_console_button(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    for address in (None, "http://leads.example.ru"):
        world = make_world(tmp_path, db, clock, public_url=address)
        await reply_to(world, HEAD, "/help")
        assert console_buttons(world) == []
