"""Calls made from handlers are retried in place, briefly, so a 429 or a blip loses nothing."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import AnswerCallbackQuery, GetUpdates, SendMessage

from bot.delivery.telegram.retry import RetryingRequests
from tests.conftest import TOKEN
from tests.fakes.errors import network_down, retry_after, server_error
from tests.fakes.session import RecordingSession, message_for


def retrying_bot(slept: list[float], attempts: int = 4) -> tuple[Bot, RecordingSession]:
    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    session = RecordingSession()
    session.middleware(RetryingRequests(sleep=sleep, attempts=attempts, longest_wait=15))
    return Bot(TOKEN, session=session), session


async def test_a_429_is_waited_out_and_the_call_made_again() -> None:
    slept: list[float] = []
    bot, session = retrying_bot(slept)
    session.expect(AnswerCallbackQuery, retry_after(3))
    session.expect(AnswerCallbackQuery, True)
    assert await bot.answer_callback_query("q1", text="yours") is True
    assert slept == [3.0]
    assert len(session.of(AnswerCallbackQuery)) == 2


async def test_server_and_network_errors_are_retried_with_growing_pauses() -> None:
    slept: list[float] = []
    bot, session = retrying_bot(slept)
    session.expect(SendMessage, server_error)
    session.expect(SendMessage, network_down)
    session.expect(SendMessage, message_for)
    await bot.send_message(201, "hello")
    assert slept == [0.5, 1.0]


async def test_it_gives_up_after_its_attempts() -> None:
    slept: list[float] = []
    bot, session = retrying_bot(slept, attempts=3)
    session.expect(SendMessage, server_error, times=3)
    with pytest.raises(TelegramServerError):
        await bot.send_message(201, "hello")
    assert len(slept) == 2


async def test_a_wait_longer_than_a_person_would_bear_is_not_slept() -> None:
    slept: list[float] = []
    bot, session = retrying_bot(slept)
    session.expect(SendMessage, retry_after(60))
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(201, "hello")
    assert slept == []


async def test_polling_is_left_to_its_own_backoff() -> None:
    slept: list[float] = []
    bot, session = retrying_bot(slept)
    session.expect(GetUpdates, server_error)
    with pytest.raises(TelegramServerError):
        await bot.get_updates()
    assert slept == []
