"""The outbox's neutral buttons as a Telegram keyboard."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from storage import Buttons


def to_markup(rows: Buttons) -> InlineKeyboardMarkup:
    """An empty `rows` is an empty keyboard: on an edit, that removes the buttons."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.text, callback_data=b.data, url=b.url) for b in row]
            for row in rows
        ]
    )
