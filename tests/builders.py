"""Real aiogram `Update` objects, as Telegram would send them, for dispatcher tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from aiogram.types import (
    CallbackQuery,
    Chat,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberRestricted,
    ChatMemberUpdated,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)

from bot.people import Person

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


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=d, callback_data=d)] for d in data]
    )


def button_update(
    user: User,
    chat: Chat,
    data: str,
    message_id: int = 1,
    markup: InlineKeyboardMarkup | None = None,
    *,
    inaccessible: bool = False,
) -> Update:
    """A tap on a button. The message carries the tapped button unless `markup` says what it
    carries instead (a forged tap); `inaccessible`: a message too old for Telegram to show."""
    shown: Message | InaccessibleMessage
    if inaccessible:
        shown = InaccessibleMessage(chat=chat, message_id=message_id)
    else:
        shown = Message(
            message_id=message_id,
            date=WHEN,
            chat=chat,
            text="card",
            reply_markup=markup if markup is not None else keyboard(data),
        )
    query = CallbackQuery(
        id=str(next(_ids)),
        from_user=user,
        chat_instance=str(chat.id),
        message=shown,
        data=data,
    )
    return Update(update_id=next(_ids), callback_query=query)


BOT = User(id=123456, is_bot=True, first_name="Leads", username="leads_test_bot")


BotMember = (
    ChatMemberAdministrator
    | ChatMemberMember
    | ChatMemberRestricted
    | ChatMemberLeft
    | ChatMemberBanned
)


def _with_rights(
    kind: type[ChatMemberRestricted | ChatMemberAdministrator], **set_: object
) -> dict[str, object]:
    """Every can_* flag the installed aiogram knows, False unless given: new Bot API
    versions keep adding them."""
    flags: dict[str, object] = {n: False for n in kind.model_fields if n.startswith("can_")}
    return {**flags, **set_}


def _bot_as(status: str) -> BotMember:
    if status == "kicked":
        return ChatMemberBanned(user=BOT, until_date=WHEN)
    if status == "left":
        return ChatMemberLeft(user=BOT)
    if status == "muted":
        rights = _with_rights(ChatMemberRestricted, is_member=True, until_date=0)
        return ChatMemberRestricted(user=BOT, **rights)  # type: ignore[arg-type]
    if status == "administrator":
        rights = _with_rights(ChatMemberAdministrator, can_be_edited=False, is_anonymous=False)
        return ChatMemberAdministrator(user=BOT, **rights)  # type: ignore[arg-type]
    return ChatMemberMember(user=BOT)


def bot_status_update(by: User, chat: Chat, old: str, new: str) -> Update:
    """Telegram's my_chat_member: the bot's own membership in `chat` changed."""
    change = ChatMemberUpdated(
        chat=chat,
        from_user=by,
        date=WHEN,
        old_chat_member=_bot_as(old),
        new_chat_member=_bot_as(new),
    )
    return Update(update_id=next(_ids), my_chat_member=change)


def service_update(by: User, chat: Chat, **fields: object) -> Update:
    """A service message, such as a group's upgrade to a supergroup."""
    shown = Message(message_id=next(_ids), date=WHEN, chat=chat, from_user=by, **fields)  # type: ignore[arg-type]
    return Update(update_id=next(_ids), message=shown)
