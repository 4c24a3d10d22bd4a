"""An answer that is not the Bot API's JSON is an outage, not a bug of ours.

A proxy or a captive portal in front of TELEGRAM_API_URL answers its own HTML page (a 404
or 502, often quoting the path, and so the token). aiogram raises `ClientDecodeError` with
that page inside; here it becomes a server error that says only what happened, so it is
retried with backoff, counted by /health like a 502, and never shows the page.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import ClientDecodeError, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType


class GarbledIsOutage(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except ClientDecodeError:
            raise TelegramServerError(
                method=method,
                message="the Bot API server answered something that is not its JSON "
                "(a proxy's error page?)",
            ) from None
