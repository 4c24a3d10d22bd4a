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
    """Heads of sales: the configured ones (ADMIN_IDS, the first heads, fixed for the
    process) and those added from Telegram (kept in the database, mirrored here so that
    every handler can ask without a query). Everyone else is a manager or a guest."""

    def __init__(self, admin_ids: frozenset[int], added: frozenset[int] = frozenset()) -> None:
        self.admin_ids = admin_ids
        self._added = set(added)

    @property
    def head_ids(self) -> frozenset[int]:
        return self.admin_ids | self._added

    def is_head(self, user_id: int) -> bool:
        return user_id in self.admin_ids or user_id in self._added

    def is_configured(self, user_id: int) -> bool:
        return user_id in self.admin_ids

    def set_added(self, user_ids: frozenset[int]) -> None:
        self._added = set(user_ids)
