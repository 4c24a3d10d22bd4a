"""Buttons of the messages that go through the outbox, in its neutral form.

Services build these; the outbox worker turns them into Telegram keyboards. Buttons that a
handler shows in reply to a tap (a reason menu) are in `bot/keyboards.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.i18n import Translator
from bot.presentation.callbacks import (
    AmountCb,
    AssignCb,
    ClaimCb,
    ContactCb,
    HereCb,
    LeadRef,
    OfferAction,
    OfferCb,
    Outcome,
    OutcomeCb,
    UndoCb,
)
from storage import Button, Buttons, LeadRecord


def claim_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    return [[Button(tr("button.claim"), ClaimCb(lead_id=lead.id, stamp=lead.stamp).pack())]]


def offer_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    def offer(action: OfferAction) -> str:
        return OfferCb(action=action, lead_id=lead.id, stamp=lead.stamp).pack()

    return [
        [
            Button(tr("button.accept"), offer(OfferAction.ACCEPT)),
            Button(tr("button.return"), offer(OfferAction.RETURN)),
        ]
    ]


def outcome_buttons(lead: LeadRef, tr: Translator, *, contact: bool = False) -> Buttons:
    """Won and Lost; above them 📞 while the client has not been reached (`contact`)."""

    def outcome(which: Outcome) -> str:
        return OutcomeCb(outcome=which, lead_id=lead.id, stamp=lead.stamp).pack()

    outcomes = [
        Button(tr("button.won"), outcome(Outcome.WON)),
        Button(tr("button.lost"), outcome(Outcome.LOST)),
    ]
    return [contact_buttons(lead, tr)[0], outcomes] if contact else [outcomes]


def owner_buttons(lead: LeadRecord, tr: Translator) -> Buttons:
    """The buttons of an owner's card of the lead as it is now."""
    return outcome_buttons(LeadRef.of(lead), tr, contact=lead.awaits_contact)


def contact_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    return [[Button(tr("button.contacted"), ContactCb(lead_id=lead.id, stamp=lead.stamp).pack())]]


def amount_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    return [[Button(tr("button.no_amount"), AmountCb(lead_id=lead.id, stamp=lead.stamp).pack())]]


def here_buttons(tr: Translator) -> Buttons:
    """ "I'm here": a paused manager comes back to work."""
    return [[Button(tr("button.here"), HereCb().pack())]]


def undo_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    return [[Button(tr("button.undo"), UndoCb(lead_id=lead.id, stamp=lead.stamp).pack())]]


def assign_buttons(lead: LeadRef, choices: Sequence[tuple[int, str]]) -> Buttons:
    """One button per manager, two to a row: (member id, label)."""
    buttons = [
        Button(label, AssignCb(lead_id=lead.id, member_id=mid, stamp=lead.stamp).pack())
        for mid, label in choices
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
