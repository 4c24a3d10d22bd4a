"""The last answer when a handler fails: the user hears something, the log has the rest."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import ErrorEvent, User

from bot.i18n import Translator, translator

log = logging.getLogger(__name__)


async def on_error(
    event: ErrorEvent, tr: Translator | None = None, event_from_user: User | None = None
) -> None:
    update = event.update
    user = event_from_user
    log.error(
        "update %d from user %s failed",
        update.update_id,
        user.id if user else "?",
        exc_info=event.exception,
    )
    text = (tr or translator(user.language_code if user else None))("error.internal")
    # Best effort: if Telegram is what failed, this answer fails too, and that is logged.
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)
    except Exception:
        log.exception("could not tell user about the failure of update %d", update.update_id)


def make_router() -> Router:
    router = Router(name=__name__)
    router.errors.register(on_error)
    return router
