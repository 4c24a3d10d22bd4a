from __future__ import annotations

from aiogram import F
from aiogram.types import User

from bot.services.people import Person

IN_GROUP = F.chat.type.in_({"group", "supergroup"})
IN_PRIVATE = F.chat.type == "private"


def person_of(user: User) -> Person:
    return Person(
        user_id=user.id,
        full_name=user.full_name,
        username=user.username,
        language_code=user.language_code,
    )
