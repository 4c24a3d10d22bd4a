from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Language, language_for


@dataclass(frozen=True)
class Person:
    """A Telegram user as the services see them, without aiogram types."""

    user_id: int
    full_name: str
    username: str | None = None
    language_code: str | None = None

    @property
    def language(self) -> Language:
        return language_for(self.language_code)


class Roles:
    """Heads of sales are configured (ADMIN_IDS); everyone else is a manager or a guest."""

    def __init__(self, admin_ids: frozenset[int]) -> None:
        self.admin_ids = admin_ids

    def is_head(self, user_id: int) -> bool:
        return user_id in self.admin_ids
