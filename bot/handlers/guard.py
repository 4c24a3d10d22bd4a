"""A tap counts only on a button the bot really put on that message.

Callback data comes from the person's client and can say anything; the message it was
pressed on comes from Telegram, with its keyboard as it is now. So a tap is genuine when
its data is one of that keyboard's buttons. A message too old for Telegram to show us (or
whose keyboard has changed since, as a claimed card's has) still counts for a lead's
button when the bot posted that message about that very lead; the handler then decides
whether the tap is stale. Anything else is forged: an alert, and nothing changes.

A lead's button also carries the lead's stamp: after the database was put back from a copy,
a button made for a lead the copy lacks, or for another lead of the same number, is told
so, and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Html, Translator
from bot.presentation.callbacks import (
    AmountCb,
    AssignCb,
    ClaimCb,
    ContactCb,
    GiveCb,
    LeadButton,
    LeadRef,
    LostCb,
    OfferCb,
    OpenCb,
    OutcomeCb,
    ReturnCb,
    UndoCb,
)
from bot.services.buttons import ButtonLedger, Tap

log = logging.getLogger(__name__)

LEAD_BUTTONS: tuple[type[LeadButton], ...] = (
    ClaimCb, OfferCb, ReturnCb, OutcomeCb, ContactCb, AmountCb, LostCb, UndoCb, AssignCb, OpenCb,
    GiveCb,
)  # fmt: skip


def _on_keyboard(message: Message, data: str) -> bool:
    markup = message.reply_markup
    return markup is not None and any(
        button.callback_data == data for row in markup.inline_keyboard for button in row
    )


def lead_of(data: str) -> LeadRef | None:
    """The lead a lead's button names, if `data` is one."""
    for factory in LEAD_BUTTONS:
        try:
            return factory.unpack(data).ref
        except (TypeError, ValueError):
            continue
    return None


async def verdict(query: CallbackQuery, buttons: ButtonLedger) -> tuple[Tap, LeadRef | None]:
    data, message = query.data, query.message
    if data is None or message is None:
        return Tap.FORGED, None  # an inline message: the bot posts none
    on_keyboard = isinstance(message, Message) and _on_keyboard(message, data)
    lead = lead_of(data)
    if lead is not None:
        return await buttons.check(lead, message.chat.id, message.message_id, on_keyboard), lead
    # A button that names no lead (join, settings) on a message Telegram no longer shows
    # us: the handler's own checks of who taps and where decide.
    return (Tap.GENUINE if on_keyboard or not isinstance(message, Message) else Tap.FORGED), None


def _refusal(tap: Tap, lead: LeadRef | None, tr: Translator) -> Html:
    match tap:
        case Tap.NO_LEAD if lead is not None:
            return tr("button.no_lead", id=lead.id)
        case Tap.OTHER_LEAD if lead is not None:
            return tr("button.other_lead", id=lead.id)
        case _:
            return tr("button.forged")


class ButtonGuard(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, CallbackQuery)
        buttons: ButtonLedger = data["buttons"]
        tap, lead = await verdict(event, buttons)
        if tap is Tap.GENUINE:
            return await handler(event, data)
        log.warning("refused button %r from user %d: %s", event.data, event.from_user.id, tap.value)
        tr: Translator = data["tr"]
        await event.answer(_refusal(tap, lead, tr), show_alert=True)
        return None
