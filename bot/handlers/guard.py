"""A tap counts only on a button the bot really put on that message.

Callback data comes from the person's client and can say anything; the message it was
pressed on comes from Telegram, with its keyboard as it is now. So a tap is genuine when
its data is one of that keyboard's buttons. A message too old for Telegram to show us (or
whose keyboard has changed since, as a claimed card's has) still counts for a lead's
button when the bot posted that message about that very lead; the handler then decides
whether the tap is stale. Anything else is forged or stale: an alert, and nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Translator
from bot.presentation.callbacks import AssignCb, ClaimCb, LostCb, OfferCb, OutcomeCb, ReturnCb
from bot.services.buttons import ButtonLedger

log = logging.getLogger(__name__)

_LEAD_BUTTONS: tuple[type[CallbackData], ...] = (
    ClaimCb, OfferCb, ReturnCb, OutcomeCb, LostCb, AssignCb
)  # fmt: skip


def _on_keyboard(message: Message, data: str) -> bool:
    markup = message.reply_markup
    return markup is not None and any(
        button.callback_data == data for row in markup.inline_keyboard for button in row
    )


def lead_of(data: str) -> int | None:
    """The lead a lead's button names, if `data` is one."""
    for factory in _LEAD_BUTTONS:
        try:
            unpacked = factory.unpack(data)
        except (TypeError, ValueError):
            continue
        lead_id = getattr(unpacked, "lead_id", None)
        return lead_id if isinstance(lead_id, int) else None
    return None


async def genuine(query: CallbackQuery, buttons: ButtonLedger) -> bool:
    data, message = query.data, query.message
    if data is None or message is None:
        return False  # an inline message: the bot posts none
    if isinstance(message, Message) and _on_keyboard(message, data):
        return True
    lead_id = lead_of(data)
    if lead_id is not None:
        return await buttons.shows(lead_id, message.chat.id, message.message_id)
    # A message Telegram no longer shows us, with a button that names no lead (join,
    # settings): the handler's own checks of who taps and where decide.
    return not isinstance(message, Message)


class ButtonGuard(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, CallbackQuery)
        buttons: ButtonLedger = data["buttons"]
        if await genuine(event, buttons):
            return await handler(event, data)
        log.warning(
            "refused button %r from user %d: not on the message it was pressed on",
            event.data,
            event.from_user.id,
        )
        tr: Translator = data["tr"]
        await event.answer(tr("claim.invalid"), show_alert=True)
        return None
