"""Which Bot API failures are retried, waited out, or final."""

from __future__ import annotations

import pytest
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import SendMessage

from bot.delivery.telegram.failures import Failure, classify, explain

CALL = SendMessage(chat_id=-1001, text="x")


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (TelegramRetryAfter(CALL, "Too Many Requests", 5), Failure.RATE_LIMITED),
        (TelegramMigrateToChat(CALL, "upgraded", -1002), Failure.CHAT_MOVED),
        (TelegramForbiddenError(CALL, "Forbidden: bot was blocked by the user"), Failure.CHAT_GONE),
        (TelegramForbiddenError(CALL, "Forbidden: bot was kicked"), Failure.CHAT_GONE),
        (TelegramBadRequest(CALL, "Bad Request: chat not found"), Failure.CHAT_GONE),
        (TelegramBadRequest(CALL, "Bad Request: not enough rights to send"), Failure.CHAT_GONE),
        (TelegramBadRequest(CALL, "Bad Request: CHAT_WRITE_FORBIDDEN"), Failure.CHAT_GONE),
        (TelegramBadRequest(CALL, "Bad Request: message is not modified"), Failure.NOT_MODIFIED),
        (TelegramBadRequest(CALL, "Bad Request: message to edit not found"), Failure.REJECTED),
        (TelegramBadRequest(CALL, "Bad Request: message is too long"), Failure.REJECTED),
        (TelegramServerError(CALL, "Internal Server Error"), Failure.RETRY),
        (TelegramNetworkError(CALL, "ServerDisconnectedError"), Failure.RETRY),
        (TelegramUnauthorizedError(CALL, "Unauthorized"), Failure.RETRY),
        (TelegramNotFound(CALL, "Not Found"), Failure.RETRY),
        (TimeoutError(), Failure.RETRY),
        (RuntimeError("a bug of ours"), Failure.RETRY),
    ],
)
def test_each_failure_is_classified(error: Exception, failure: Failure) -> None:
    assert classify(error) is failure


@pytest.mark.parametrize(
    ("detail", "reason"),
    [
        ("Forbidden: bot was blocked by the user", "blocked"),
        ("Forbidden: user is deactivated", "deactivated"),
        ("Bad Request: chat not found", "not_found"),
        ("Bad Request: not enough rights to send text messages to the chat", "no_rights"),
        ("Bad Request: message is too long", "bad_message"),
        ("Bad Request: something new", "other"),
    ],
)
def test_telegrams_refusals_are_explained_in_our_words(detail: str, reason: str) -> None:
    assert explain(detail) == reason
