from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiogram import F
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Html, Translator
from bot.people import Person
from bot.presentation.lead_now import lead_now_text
from bot.services.buttons import ButtonLedger
from bot.services.reply import Reply

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


Refusal = Callable[[Message | CallbackQuery, Translator], Awaitable[None]]


def heads_only(text_key: str = "common.heads_only") -> Refusal:
    """The handler to register after a head-only route (filtered with `IsHead`) for the
    same command or button: everyone else is told why, and logged. The text may use the
    person's `user_id` (a head whose ADMIN_IDS is wrong needs it)."""

    async def refuse(event: Message | CallbackQuery, tr: Translator) -> None:
        user_id = event.from_user.id if event.from_user else 0
        what = event.text or event.caption if isinstance(event, Message) else event.data
        log.info("refused a head-only %r from user %d", (what or "")[:40], user_id)
        text = tr(text_key, user_id=user_id)
        if isinstance(event, Message):
            await event.answer(text)
        else:
            await event.answer(text, show_alert=True)

    return refuse


def say(reply: Reply, tr: Translator) -> Html:
    """A service's `Reply` in the reader's language; a value that is a `Reply` is too, and
    a tuple of them becomes one line each."""
    return tr(reply.key, **{k: _said(v, tr) for k, v in reply.params.items()})


def _said(value: object, tr: Translator) -> object:
    if isinstance(value, Reply):
        return say(value, tr)
    if isinstance(value, tuple) and all(isinstance(item, Reply) for item in value):
        return Html("\n".join(say(item, tr) for item in value))
    return value


async def tell_what_became_of(
    query: CallbackQuery, lead_id: int, buttons: ButtonLedger, tr: Translator
) -> None:
    """A lead's button that no longer applies: the alert says what became of the lead
    ("Лид №14 уже закрыт: сделка, Иван, 12:05"), never only that the button is old."""
    view = await buttons.now_of(lead_id, query.from_user.id)
    text = lead_now_text(view, tr) if view else tr("button.no_lead", id=lead_id)
    await query.answer(text, show_alert=True)
