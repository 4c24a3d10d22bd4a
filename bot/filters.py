"""Who may use a route: checked once, in the router, not in each handler."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject, User

from bot.services.people import Roles


class IsHead(Filter):
    """The user is a head of sales (ADMIN_IDS, or added with /head add)."""

    async def __call__(
        self, event: TelegramObject, roles: Roles, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and roles.is_head(event_from_user.id)
