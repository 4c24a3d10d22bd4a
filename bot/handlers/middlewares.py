from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.handlers.common import person_of
from bot.i18n import translator
from bot.services.team import TeamService


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


class ProfileMiddleware(BaseMiddleware):
    """Whoever acts is seen as Telegram shows them now (name, language): the cards a
    manager gets next follow the language their Telegram is in, not the one they joined in."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            teams: TeamService = data["teams"]
            await teams.seen(person_of(user))
        return await handler(event, data)
