"""The fake Bot API server keeps Telegram's contract, or the end-to-end tests prove nothing."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramUnauthorizedError,
)
from aiogram.types import BufferedInputFile

from tests.conftest import TOKEN
from tests.e2e.conftest import IVAN, TEAM
from tests.fakes.telegram import FakeTelegram


def bot_for(tg: FakeTelegram, token: str = TOKEN) -> Bot:
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(tg.url)))


async def test_an_unknown_method_is_404_like_telegram(tg: FakeTelegram) -> None:
    bot = bot_for(tg)
    try:
        with pytest.raises(TelegramNotFound):
            await bot.send_audio(TEAM.id, BufferedInputFile(b"x", "x.mp3"))
    finally:
        await bot.session.close()


async def test_a_wrong_token_is_401(tg: FakeTelegram) -> None:
    bot = bot_for(tg, "999:WRONG")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await bot.get_me()
    finally:
        await bot.session.close()


async def test_a_user_who_never_opened_the_chat_cannot_be_written_to(tg: FakeTelegram) -> None:
    bot = bot_for(tg)
    try:
        with pytest.raises(TelegramForbiddenError):
            await bot.send_message(IVAN.id, "hi")
        tg.started.add(IVAN.id)
        assert (await bot.send_message(IVAN.id, "hi")).text == "hi"
    finally:
        await bot.session.close()


@pytest.mark.parametrize("text", ["<b>open", "a <x> b", "Tom & Jerry", "<i>x</b>"])
async def test_html_telegram_would_refuse_is_refused(tg: FakeTelegram, text: str) -> None:
    bot = bot_for(tg)
    try:
        with pytest.raises(TelegramBadRequest, match="can't parse entities"):
            await bot.send_message(TEAM.id, text, parse_mode="HTML")
    finally:
        await bot.session.close()


async def test_long_polling_returns_updates_after_the_offset(tg: FakeTelegram) -> None:
    bot = bot_for(tg)
    try:
        first = await tg.say(IVAN, TEAM.id, "one")
        second = await tg.say(IVAN, TEAM.id, "two")
        assert [u.update_id for u in await bot.get_updates(timeout=0)] == [first, second]
        assert [u.update_id for u in await bot.get_updates(offset=second, timeout=0)] == [second]
        assert await bot.get_updates(offset=second + 1, timeout=0) == []
    finally:
        await bot.session.close()
