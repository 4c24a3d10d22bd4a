"""Inline buttons as the outbox keeps them: no aiogram types in services or storage."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """An inline button as the outbox keeps it: no aiogram types in services or storage."""

    text: str
    data: str | None = None  # callback data
    url: str | None = None


Buttons = Sequence[Sequence[Button]]  # rows of buttons; empty removes a keyboard on edit


def dump_buttons(rows: Buttons) -> str:
    return json.dumps(
        [[{k: v for k, v in vars(b).items() if v is not None} for b in row] for row in rows],
        ensure_ascii=False,
    )


def load_buttons(text: str) -> list[list[Button]]:
    return [[Button(**button) for button in row] for row in json.loads(text)]
