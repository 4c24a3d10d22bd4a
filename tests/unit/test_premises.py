"""What a queued message takes for granted, on the pure premise check: each purpose that
has one, against leads in each state, to the owner and to someone else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.delivery.premises import has_premise, premise_broken
from storage import LeadFields, LeadRecord, LeadSource, LeadStatus, OutboxPurpose, Pool

T = datetime(2026, 12, 1, tzinfo=UTC)
OWNER, OTHER = 201, 202


def lead(status: LeadStatus, pool: Pool | None = None) -> LeadRecord:
    owned = status is not LeadStatus.NEW
    return LeadRecord(
        id=7,
        team_id=1,
        status=status,
        pool=pool,
        source=LeadSource.HTTP,
        fields=LeadFields(name="A"),
        contact_user_id=None,
        owner_id=1 if owned else None,
        created_at=T,
        assigned_at=T if owned else None,
        taken_at=None,
        closed_at=None,
        lost_reason=None,
        card_chat_id=None,
        card_message_id=None,
    )


NEW_CHAT, NEW_HEADS = lead(LeadStatus.NEW, Pool.CHAT), lead(LeadStatus.NEW, Pool.HEADS)
OFFERED, TAKEN, WON = lead(LeadStatus.OFFERED), lead(LeadStatus.TAKEN), lead(LeadStatus.WON)


@pytest.mark.parametrize(
    ("purpose", "record", "to", "holds"),
    [
        (OutboxPurpose.CARD, NEW_CHAT, -1, True),
        (OutboxPurpose.CARD, NEW_HEADS, -1, False),  # sent to the heads since
        (OutboxPurpose.CARD, TAKEN, -1, False),
        (OutboxPurpose.CARD_REMINDER, NEW_CHAT, -1, True),
        (OutboxPurpose.CARD_REMINDER, TAKEN, -1, False),
        (OutboxPurpose.HEAD_ASK, NEW_HEADS, OWNER, True),
        (OutboxPurpose.HEAD_ASK, NEW_CHAT, OWNER, True),  # escalated: still in the chat
        (OutboxPurpose.HEAD_ASK, TAKEN, OWNER, False),
        (OutboxPurpose.OFFER_CARD, OFFERED, OWNER, True),
        (OutboxPurpose.OFFER_CARD, OFFERED, OTHER, False),  # offered to someone else now
        (OutboxPurpose.OFFER_CARD, NEW_CHAT, OWNER, False),  # taken back
        (OutboxPurpose.OUTCOME_REMINDER, TAKEN, OWNER, True),
        (OutboxPurpose.OUTCOME_REMINDER, WON, OWNER, False),
        (OutboxPurpose.OWNER_CARD, TAKEN, OWNER, True),
        (OutboxPurpose.OWNER_CARD, TAKEN, OTHER, False),  # reassigned: no contacts for them
        (OutboxPurpose.LEAD_TEXT, WON, OWNER, True),
        (OutboxPurpose.LEAD_TEXT, TAKEN, OTHER, False),
    ],
)
def test_a_message_goes_only_while_its_premise_holds(
    purpose: OutboxPurpose, record: LeadRecord, to: int, holds: bool
) -> None:
    owner_user = OWNER if record.owner_id is not None else None
    assert (premise_broken(purpose, to, record, owner_user) is None) is holds


@pytest.mark.parametrize(
    "purpose",
    [
        OutboxPurpose.ANNOUNCE,
        OutboxPurpose.HEAD_NOTICE,
        OutboxPurpose.MEMBER_NOTICE,
        OutboxPurpose.TEAM_NOTICE,
        OutboxPurpose.UPDATE,
        OutboxPurpose.CARD_CLAIMED,
    ],
)
def test_notices_and_edits_say_what_happened_and_always_go(purpose: OutboxPurpose) -> None:
    assert not has_premise(purpose)
    assert premise_broken(purpose, OTHER, WON, OWNER) is None
