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
    OfferAction,
    OfferCb,
    Outcome,
    OutcomeCb,
    UndoCb,
)
from storage import Button, Buttons


def claim_buttons(lead_id: int, tr: Translator) -> Buttons:
    return [[Button(tr("button.claim"), ClaimCb(lead_id=lead_id).pack())]]


def offer_buttons(lead_id: int, tr: Translator) -> Buttons:
    return [
        [
            Button(tr("button.accept"), OfferCb(action=OfferAction.ACCEPT, lead_id=lead_id).pack()),
            Button(tr("button.return"), OfferCb(action=OfferAction.RETURN, lead_id=lead_id).pack()),
        ]
    ]


def outcome_buttons(lead_id: int, tr: Translator) -> Buttons:
    return [
        [
            Button(tr("button.won"), OutcomeCb(outcome=Outcome.WON, lead_id=lead_id).pack()),
            Button(tr("button.lost"), OutcomeCb(outcome=Outcome.LOST, lead_id=lead_id).pack()),
        ]
    ]


def undo_buttons(lead_id: int, tr: Translator) -> Buttons:
    return [[Button(tr("button.undo"), UndoCb(lead_id=lead_id).pack())]]


def assign_buttons(lead_id: int, choices: Sequence[tuple[int, str]]) -> Buttons:
    """One button per manager, two to a row: (member id, label)."""
    buttons = [
        Button(label, AssignCb(lead_id=lead_id, member_id=mid).pack()) for mid, label in choices
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
