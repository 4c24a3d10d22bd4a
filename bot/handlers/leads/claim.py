from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import CallbackQuery

from bot.actions.claim import ClaimLead, ClaimResult
from bot.handlers.common import person_of, tell_what_became_of
from bot.i18n import Html, Translator
from bot.presentation.callbacks import ClaimCb
from bot.routing import ClaimVerdict
from bot.services.buttons import ButtonLedger

log = logging.getLogger(__name__)


async def on_claim(
    query: CallbackQuery,
    callback_data: ClaimCb,
    claim: ClaimLead,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    if query.message is None:
        await query.answer(tr("button.forged"), show_alert=True)
        return
    result = await claim(callback_data.lead_id, query.message.chat.id, person_of(query.from_user))
    if result.won:
        await query.answer(tr("claim.won", id=result.lead_id))
    elif (refusal := _refusal(result, tr)) is not None:
        await query.answer(refusal, show_alert=True)
    else:
        await tell_what_became_of(query, callback_data.lead_id, buttons, tr)


def _refusal(result: ClaimResult, tr: Translator) -> Html | None:
    """Why the claim failed; None when the lead is simply no longer claimable here."""
    match result.verdict:
        case ClaimVerdict.TAKEN:
            return tr("claim.taken_by", name=result.owner_name or "?")
        case ClaimVerdict.ALREADY_YOURS:
            return tr("claim.already_yours")
        case ClaimVerdict.NOT_MEMBER:
            return tr("claim.not_member")
        case ClaimVerdict.AT_CAP:
            return tr("claim.at_cap")
        case ClaimVerdict.NOT_IN_GROUP:
            return tr("claim.not_in_group", group=result.group or "?")
        case ClaimVerdict.INVALID | ClaimVerdict.TRY:
            return None


async def on_unknown_button(query: CallbackQuery, tr: Translator) -> None:
    """Forged or malformed callback data, or a button of a version long gone: say so,
    change nothing."""
    log.warning("unknown callback data %r from user %d", query.data, query.from_user.id)
    await query.answer(tr("button.forged"), show_alert=True)


def make_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(on_claim, ClaimCb.filter())
    return router


def make_fallback_router() -> Router:
    router = Router(name=__name__ + ".fallback")
    router.callback_query.register(on_unknown_button)
    return router
