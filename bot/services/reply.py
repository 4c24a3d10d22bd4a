"""A service's answer to a person: a catalog key and its values; the handler translates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reply:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)


NO_TEAM = Reply("team.none")


def reply(key: str, /, **params: object) -> Reply:
    return Reply(key, params)
