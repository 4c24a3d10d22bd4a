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
    # Every keyboard the message has shown, oldest first: a user's client may still show an
    # old one, and a tap on it still comes.
    keyboards: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.reply_markup:
            self.keyboards.append(self.reply_markup)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "reply_markup" and value and "keyboards" in self.__dict__:
            self.keyboards.append(value)
        super().__setattr__(name, value)

    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        return [button for row in self.reply_markup["inline_keyboard"] for button in row]

    def button(self, prefix: str) -> str:
        """The callback data of the newest button the message has shown whose data starts
        with `prefix` ("offer:accept", "claim"): what the user's tap on it sends."""
        for markup in reversed(self.keyboards):
            for row in markup["inline_keyboard"]:
                for button in row:
                    data = str(button.get("callback_data", ""))
                    if data == prefix or data.startswith(prefix + ":"):
                        return data
        raise AssertionError(f"no button {prefix!r} was ever shown on message {self.message_id}")
