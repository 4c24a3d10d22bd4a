"""Buttons of the messages that go through the outbox, in its neutral form.

Services build these; the outbox worker turns them into Telegram keyboards. Buttons that a
handler shows in reply to a tap (a reason menu) are in `bot/keyboards.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.i18n import Translator
from bot.presentation.callbacks import (
    AssignCb,
    ClaimCb,
    LeadRef,
    OfferAction,
    OfferCb,
    Outcome,
    OutcomeCb,
    UndoCb,
)
from storage import Button, Buttons


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


def outcome_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    def outcome(which: Outcome) -> str:
        return OutcomeCb(outcome=which, lead_id=lead.id, stamp=lead.stamp).pack()

    return [
        [
            Button(tr("button.won"), outcome(Outcome.WON)),
            Button(tr("button.lost"), outcome(Outcome.LOST)),
        ]
    ]


def undo_buttons(lead: LeadRef, tr: Translator) -> Buttons:
    return [[Button(tr("button.undo"), UndoCb(lead_id=lead.id, stamp=lead.stamp).pack())]]


def assign_buttons(lead: LeadRef, choices: Sequence[tuple[int, str]]) -> Buttons:
    """One button per manager, two to a row: (member id, label)."""
    buttons = [
        Button(label, AssignCb(lead_id=lead.id, member_id=mid, stamp=lead.stamp).pack())
        for mid, label in choices
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
