"""Retries for the calls handlers make directly (toasts, command replies, the join welcome).

Those bypass the outbox because they answer a person who is waiting, but a 429 or a network
blip must not swallow them: the update's offset has already moved on, so nobody would ever
send them again. The outbox worker uses its own session without this middleware, since it
retries by rescheduling rows instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

# Polling and the start-up check have their own, longer backoff.
_NOT_RETRIED = frozenset({"getUpdates", "getMe"})


class RetryingRequests(BaseRequestMiddleware):
    def __init__(
        self, sleep: Sleep = asyncio.sleep, attempts: int = 4, longest_wait: float = 15.0
    ) -> None:
        self._sleep = sleep
        self._attempts = attempts
        # A person is waiting on the other end; past this, failing beats hanging.
        self._longest_wait = longest_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ in _NOT_RETRIED:
            return await make_request(bot, method)
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                delay = float(error.retry_after)
                if attempt >= self._attempts or delay > self._longest_wait:
                    raise
            except (TelegramServerError, TelegramNetworkError) as error:
                if attempt >= self._attempts:
                    raise
                delay = 0.5 * 2 ** (attempt - 1)
                log.info("%s failed (%s); retrying in %.1f s", method.__api_method__, error, delay)
            attempt += 1
            await self._sleep(delay)
