"""Users, groups and messages as the fake Bot API server keeps them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str = "ru"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        data["language_code"] = self.language_code
        return data


@dataclass
class Group:
    id: int
    title: str
    members: set[int] = field(default_factory=set)
    kind: str = "supergroup"
    bot_status: str = "member"  # "left" or "kicked" once the bot is removed
    migrated_to: int | None = None  # set when a group was upgraded to a supergroup

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.kind, "title": self.title}


@dataclass
class Sent:
    """A message as it stands in a chat now."""

    chat_id: int
    message_id: int
    text: str  # what users see
    html: str  # what the bot sent
    reply_markup: dict[str, Any] | None
    links: list[str]
    edits: int = 0
    reply_to: int | None = None  # the message this one answers

    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        return [button for row in self.reply_markup["inline_keyboard"] for button in row]
