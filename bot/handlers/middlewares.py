from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.i18n import translator


class I18nMiddleware(BaseMiddleware):
    """Hands every handler `tr`, a translator in the language of the user who acted."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        data["tr"] = translator(user.language_code if user else None)
        return await handler(event, data)
