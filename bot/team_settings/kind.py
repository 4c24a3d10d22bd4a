"""What a team setting is: its name, default, how it is read, stored and shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from bot.i18n import Html, Translator

if TYPE_CHECKING:
    from bot.team_settings import TeamSettings


class SettingError(ValueError):
    """A value `/set` cannot take; `key` names the catalog text that explains why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    default: T
    parse: Callable[[str], T]  # a person's text, or the stored text; raises SettingError
    dump: Callable[[T], str]  # what is stored, and what parse reads back
    show: Callable[[T, Translator], Html]

    def normalized(self, text: str) -> str:
        """What to store for a person's `text`; raises SettingError."""
        return self.dump(self.parse(text))

    @property
    def default_text(self) -> str:
        return self.dump(self.default)

    def shown(self, settings: TeamSettings, tr: Translator) -> Html:
        return self.show(settings[self], tr)

    def text(self, settings: TeamSettings) -> str:
        """The value in force, as `/set` takes it and the database keeps it."""
        return self.dump(settings[self])
