"""What a queued message takes for granted, checked again just before it is sent.

A message is written in the transaction that decided it, and may wait in the outbox behind
others (Telegram's pace, a paused chat). When its turn comes the lead may have moved on: a
reminder for a card claimed since, an offer to a manager who went away, the contacts for
an owner a head replaced. Such a message is never sent.
"""

from __future__ import annotations

from storage import (
    FoldedRow,
    LeadRecord,
    LeadStatus,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    OutboxStatus,
    Pool,
)
from storage.unit import Unit

# A lead's messages that hold only while it is still in one state: the status, the pool
# (None: any), and whether it goes to the lead's owner alone.
_HOLDS_WHILE: dict[OutboxPurpose, tuple[frozenset[LeadStatus], Pool | None, bool]] = {
    OutboxPurpose.CARD: (frozenset({LeadStatus.NEW}), Pool.CHAT, False),
    OutboxPurpose.CARD_REMINDER: (frozenset({LeadStatus.NEW}), Pool.CHAT, False),
    # Heads are asked about a lead waiting for them, and about one unclaimed in the chat.
    OutboxPurpose.HEAD_ASK: (frozenset({LeadStatus.NEW}), None, False),
    OutboxPurpose.OFFER_CARD: (frozenset({LeadStatus.OFFERED}), None, True),
    OutboxPurpose.OUTCOME_REMINDER: (frozenset({LeadStatus.TAKEN}), None, True),
    OutboxPurpose.CONTACT_REMINDER: (frozenset({LeadStatus.TAKEN}), None, True),
    # The contacts: only ever to whoever holds the lead now.
    OutboxPurpose.OWNER_CARD: (frozenset(LeadStatus), None, True),
    OutboxPurpose.LEAD_TEXT: (frozenset(LeadStatus), None, True),
}


def has_premise(purpose: OutboxPurpose) -> bool:
    return purpose in _HOLDS_WHILE


def premise_broken(
    purpose: OutboxPurpose, chat_id: int, lead: LeadRecord | None, owner_user_id: int | None
) -> str | None:
    """Why a message of `purpose` to `chat_id` must not be sent about `lead` as it is now
    (`owner_user_id`: its owner's Telegram id); None when it still holds."""
    if lead is None:
        return None
    return state_breaks(purpose, chat_id, lead.id, lead.status, lead.pool, owner_user_id)


def line_is_dead(row: FoldedRow, chat_id: int) -> bool:
    """A board's line whose premise died (a reminder of a lead claimed since): it leaves
    every board it is on at that board's next edit."""
    if row.lead_id is None or row.lead_status is None:
        return False
    broken = state_breaks(
        row.purpose, chat_id, row.lead_id, row.lead_status, row.lead_pool, row.owner_user_id
    )
    return broken is not None


def state_breaks(
    purpose: OutboxPurpose,
    chat_id: int,
    lead_id: int,
    status: LeadStatus,
    pool: Pool | None,
    owner_user_id: int | None,
) -> str | None:
    holds = _HOLDS_WHILE.get(purpose)
    if holds is None:
        return None
    statuses, waits_in, owner_only = holds
    if status not in statuses:
        return f"lead {lead_id} is {status.value} now"
    if waits_in is not None and pool is not waits_in:
        return f"lead {lead_id} waits in {pool} now"
    if owner_only and owner_user_id != chat_id:
        return f"lead {lead_id} is no longer held by chat {chat_id}"
    return None


async def broken(u: Unit, row: OutboxRecord) -> str | None:
    """Why the row must not go any more; None when it still holds. The worker asks in the
    transaction that marks the row, so nothing moves in between."""
    if row.method is OutboxMethod.EDIT:
        target = await u.outbox.get(row.target_id) if row.target_id else None
        gone = target is not None and target.status is OutboxStatus.DROPPED
        return f"row {row.target_id} it edits was never sent" if gone else None
    if row.lead_id is None:
        return None
    if row.method is OutboxMethod.EDIT_CARD:
        # An edit waits for its card; a card that will never be sent would hold the
        # team chat's queue behind the edit for good.
        # Most edits find the card shown already: one read of the lead says so.
        lead = await u.leads.get(row.lead_id)
        if lead is not None and lead.card_message_id is not None:
            return None
        cards = await u.messages.sent_of(row.lead_id, OutboxPurpose.CARD)
        return None if cards else f"lead {row.lead_id} has no card that was or will be sent"
    if not has_premise(row.purpose):
        return None
    lead = await u.leads.get(row.lead_id)
    owner = await u.members.by_id(lead.owner_id) if lead and lead.owner_id else None
    return premise_broken(row.purpose, row.chat_id, lead, owner.user_id if owner else None)
