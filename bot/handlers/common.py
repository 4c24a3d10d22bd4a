from __future__ import annotations

import logging

from aiogram import F
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Translator
from bot.services.people import Person

log = logging.getLogger(__name__)

IN_GROUP = F.chat.type.in_({"group", "supergroup"})
IN_PRIVATE = F.chat.type == "private"


def person_of(user: User) -> Person:
    return Person(
        user_id=user.id,
        full_name=user.full_name,
        username=user.username,
        language_code=user.language_code,
    )


def shown_username(username: str | None) -> str:
    """ " (@name)" after a person's name in a list, or nothing."""
    return f" (@{username})" if username else ""


async def refuse_non_head(event: Message | CallbackQuery, tr: Translator) -> None:
    """Registered after a head-only route for the same command or button: everyone else
    is told, once, and logged."""
    user_id = event.from_user.id if event.from_user else 0
    what = event.text if isinstance(event, Message) else event.data
    log.info("refused a head-only %r from user %d", (what or "")[:40], user_id)
    if isinstance(event, Message):
        await event.answer(tr("common.heads_only"))
    else:
        await event.answer(tr("common.heads_only"), show_alert=True)
