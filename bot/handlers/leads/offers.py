"""A manager's buttons on their own leads: Accept or Return an offer, then 📞 (the client was
reached), Won or Lost (and undo), and the words a lost lead's "Другое" asks for."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.actions.accept import Accept
from bot.actions.close import Close
from bot.actions.contact import Contact
from bot.actions.give_back import GiveBack
from bot.actions.ownership import Step
from bot.actions.reason_note import NotAnAmount, Noted, ReasonNotes
from bot.actions.undo import Undo
from bot.delivery.telegram.markup import to_markup
from bot.handlers.common import IN_PRIVATE, person_of, tell_what_became_of
from bot.i18n import Translator
from bot.presentation.buttons import offer_buttons, outcome_buttons
from bot.presentation.callbacks import (
    AmountCb,
    ContactCb,
    LeadRef,
    LostCb,
    OfferAction,
    OfferCb,
    Outcome,
    OutcomeCb,
    ReturnCb,
    UndoCb,
)
from bot.presentation.keyboards import lost_reasons_keyboard, return_reasons_keyboard
from bot.services.buttons import ButtonLedger


async def _swap_keyboard(
    query: CallbackQuery,
    step: Step,
    markup: InlineKeyboardMarkup,
    lead: LeadRef,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    """A menu in reply to a tap: the keyboard changes in place, nothing else does. Only on
    the holder's own card, in their private chat, while the lead waits for that step."""
    message = query.message
    if step is not Step.DONE:
        await _answer(query, step, "", lead, buttons, tr)
    elif not isinstance(message, Message) or message.chat.id != query.from_user.id:
        await query.answer(tr("button.forged"), show_alert=True)
    else:
        await message.edit_reply_markup(reply_markup=markup)
        await query.answer()


async def _answer(
    query: CallbackQuery,
    step: Step,
    done_key: str,
    lead: LeadRef,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    """The toast of a step done; else, in an alert, what became of the lead instead."""
    match step:
        case Step.DONE:
            await query.answer(tr(done_key, id=lead.id))
        case Step.TOO_LATE:
            await query.answer(tr("outcome.too_late", id=lead.id), show_alert=True)
        case Step.STALE | Step.NOT_YOURS | Step.INVALID:
            await tell_what_became_of(query, lead.id, buttons, tr)


async def on_offer(
    query: CallbackQuery,
    callback_data: OfferCb,
    accept: Accept,
    give_back: GiveBack,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    match callback_data.action:
        case OfferAction.ACCEPT:
            step = await accept(lead.id, person_of(query.from_user))
            await _answer(query, step, "offer.accepted", lead, buttons, tr)
        case OfferAction.RETURN:
            step = await give_back.may(lead.id, person_of(query.from_user))
            menu = return_reasons_keyboard(lead, tr)
            await _swap_keyboard(query, step, menu, lead, buttons, tr)


async def on_return_reason(
    query: CallbackQuery,
    callback_data: ReturnCb,
    give_back: GiveBack,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    person = person_of(query.from_user)
    if callback_data.why is None:
        step = await give_back.may(lead.id, person)
        menu = to_markup(offer_buttons(lead, tr))
        await _swap_keyboard(query, step, menu, lead, buttons, tr)
        return
    step = await give_back(lead.id, person, callback_data.why)
    await _answer(query, step, "offer.returned_toast", lead, buttons, tr)


async def on_outcome(
    query: CallbackQuery,
    callback_data: OutcomeCb,
    close: Close,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    match callback_data.outcome:
        case Outcome.WON:
            step = await close(lead.id, person_of(query.from_user), won=True)
            await _answer(query, step, "outcome.won_toast", lead, buttons, tr)
        case Outcome.LOST:
            step = await close.may(lead.id, person_of(query.from_user))
            menu = lost_reasons_keyboard(lead, tr)
            await _swap_keyboard(query, step, menu, lead, buttons, tr)


async def on_contact(
    query: CallbackQuery,
    callback_data: ContactCb,
    contact: Contact,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    step = await contact(lead.id, person_of(query.from_user))
    await _answer(query, step, "contact.toast", lead, buttons, tr)


async def on_lost_reason(
    query: CallbackQuery,
    callback_data: LostCb,
    close: Close,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    person = person_of(query.from_user)
    if callback_data.why is None:
        step = await close.may(lead.id, person)
        contact = await close.awaits_contact(lead.id)
        menu = to_markup(outcome_buttons(lead, tr, contact=contact))
        await _swap_keyboard(query, step, menu, lead, buttons, tr)
        return
    step = await close(lead.id, person, won=False, reason=callback_data.why)
    await _answer(query, step, "outcome.lost_toast", lead, buttons, tr)


async def on_undo(
    query: CallbackQuery,
    callback_data: UndoCb,
    undo: Undo,
    buttons: ButtonLedger,
    tr: Translator,
) -> None:
    lead = callback_data.ref
    step = await undo(lead.id, person_of(query.from_user))
    await _answer(query, step, "outcome.undone_toast", lead, buttons, tr)
    if step is Step.TOO_LATE and isinstance(query.message, Message):
        # The button cannot do anything any more: it goes, the outcome stays shown.
        await query.message.edit_reply_markup(reply_markup=None)


async def on_reason_text(message: Message, reason_notes: ReasonNotes, tr: Translator) -> None:
    """A manager's words for a lead lost, or an offer returned, for "another reason"; or
    what a deal won was worth."""
    assert message.from_user is not None and message.text is not None
    noted = await reason_notes.note(person_of(message.from_user), message.text)
    match noted:
        case None:
            await message.answer(tr("lost.reason_late"))
        case NotAnAmount():
            await message.answer(tr("amount.bad", id=noted.lead_id))
        case Noted() if noted.amount is not None:
            shown = tr.grouped(noted.amount)
            await message.answer(tr("amount.saved", id=noted.lead_id, amount=shown))
        case Noted():
            await message.answer(tr("lost.reason_saved", id=noted.lead_id, text=noted.text))


async def on_no_amount(
    query: CallbackQuery, callback_data: AmountCb, reason_notes: ReasonNotes, tr: Translator
) -> None:
    """ "Без суммы": the question closes, and its button goes."""
    lead = callback_data.ref
    skipped = await reason_notes.skip_amount(lead.id, person_of(query.from_user))
    await query.answer(tr("amount.skipped" if skipped else "amount.closed", id=lead.id))
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)


class AnswersWhy(Filter):
    """The sender was just asked why a lead was lost or returned: this is the answer."""

    async def __call__(self, message: Message, reason_notes: ReasonNotes) -> bool:
        return message.from_user is not None and await reason_notes.asked(message.from_user.id)


def make_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(on_offer, OfferCb.filter())
    router.callback_query.register(on_return_reason, ReturnCb.filter())
    router.callback_query.register(on_outcome, OutcomeCb.filter())
    router.callback_query.register(on_contact, ContactCb.filter())
    router.callback_query.register(on_no_amount, AmountCb.filter())
    router.callback_query.register(on_lost_reason, LostCb.filter())
    router.callback_query.register(on_undo, UndoCb.filter())
    # Plain words only: a command or a forwarded message is never an answer.
    answer = (F.text, ~F.text.startswith("/"), F.forward_origin.is_(None))
    router.message.register(on_reason_text, IN_PRIVATE, *answer, AnswersWhy())
    return router
