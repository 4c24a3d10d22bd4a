"""Real aiogram `Update` objects, as Telegram would send them, for dispatcher tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from aiogram.types import CallbackQuery, Chat, Message, MessageEntity, Update, User

from bot.services.people import Person

_ids = itertools.count(1)
WHEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

HEAD = User(id=100, is_bot=False, first_name="Anna", last_name="Head", language_code="ru")
IVAN = User(id=201, is_bot=False, first_name="Ivan", username="ivan", language_code="ru")
OLGA = User(id=202, is_bot=False, first_name="Olga", username="olga", language_code="en")
STRANGER = User(id=300, is_bot=False, first_name="Stranger", language_code="ru")
HEAD_PERSON = Person(HEAD.id, HEAD.full_name, language_code="ru")
TEAM_CHAT = Chat(id=-1001, type="supergroup", title="Отдел продаж")


def private(user: User) -> Chat:
    return Chat(id=user.id, type="private", first_name=user.first_name)


def message(user: User, chat: Chat, text: str, **extra: object) -> Message:
    entities = None
    if text.startswith("/"):
        entities = [
            MessageEntity(type="bot_command", offset=0, length=len(text.split(maxsplit=1)[0]))
        ]
    return Message(
        message_id=next(_ids),
        date=WHEN,
        chat=chat,
        from_user=user,
        text=text,
        entities=entities,
        **extra,  # type: ignore[arg-type]
    )


def text_update(user: User, chat: Chat, text: str, **extra: object) -> Update:
    return Update(update_id=next(_ids), message=message(user, chat, text, **extra))


def button_update(user: User, chat: Chat, data: str, message_id: int = 1) -> Update:
    shown = Message(message_id=message_id, date=WHEN, chat=chat, text="card")
    query = CallbackQuery(
        id=str(next(_ids)),
        from_user=user,
        chat_instance=str(chat.id),
        message=shown,
        data=data,
    )
    return Update(update_id=next(_ids), callback_query=query)
