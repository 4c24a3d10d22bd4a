"""Responders for RecordingSession that fail the way Telegram does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)


def retry_after(seconds: int) -> Callable[[Any], NoReturn]:
    def respond(method: Any) -> NoReturn:
        raise TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=seconds)

    return respond


def server_error(method: Any) -> NoReturn:
    raise TelegramServerError(method=method, message="Internal Server Error")


def network_down(method: Any) -> NoReturn:
    raise TelegramNetworkError(method=method, message="ClientConnectorError")


def refused(description: str) -> Callable[[Any], NoReturn]:
    """A 400 or 403 with Telegram's wording, which decides what the bot makes of it."""

    def respond(method: Any) -> NoReturn:
        if description.startswith("Forbidden"):
            raise TelegramForbiddenError(method=method, message=description)
        raise TelegramBadRequest(method=method, message=description)

    return respond


def migrated(to_chat_id: int) -> Callable[[Any], NoReturn]:
    def respond(method: Any) -> NoReturn:
        raise TelegramMigrateToChat(
            method=method,
            message="Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=to_chat_id,
        )

    return respond


forbidden = refused("Forbidden: bot can't initiate conversation with a user")
not_modified = refused("Bad Request: message is not modified")
