"""Responders for RecordingSession that fail the way Telegram does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
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


def forbidden(method: Any) -> NoReturn:
    raise TelegramForbiddenError(
        method=method, message="Forbidden: bot can't initiate conversation with a user"
    )


def not_modified(method: Any) -> NoReturn:
    raise TelegramBadRequest(method=method, message="Bad Request: message is not modified")
