"""What a queued message takes for granted, checked again just before it is sent.

A message is written in the transaction that decided it, and may wait in the outbox behind
others (Telegram's pace, a paused chat). When its turn comes the lead may have moved on: a
reminder for a card claimed since, an offer to a manager who went away, the contacts for
an owner a head replaced. Such a message is never sent.
"""

from __future__ import annotations

from storage import LeadRecord, LeadStatus, OutboxPurpose, Pool

# A lead's messages that hold only while it is still in one state: the status, the pool
# (None: any), and whether it goes to the lead's owner alone.
_HOLDS_WHILE: dict[OutboxPurpose, tuple[frozenset[LeadStatus], Pool | None, bool]] = {
    OutboxPurpose.CARD: (frozenset({LeadStatus.NEW}), Pool.CHAT, False),
    OutboxPurpose.CARD_REMINDER: (frozenset({LeadStatus.NEW}), Pool.CHAT, False),
    # Heads are asked about a lead waiting for them, and about one unclaimed in the chat.
    OutboxPurpose.HEAD_ASK: (frozenset({LeadStatus.NEW}), None, False),
    OutboxPurpose.OFFER_CARD: (frozenset({LeadStatus.OFFERED}), None, True),
    OutboxPurpose.OUTCOME_REMINDER: (frozenset({LeadStatus.TAKEN}), None, True),
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
    holds = _HOLDS_WHILE.get(purpose)
    if holds is None or lead is None:
        return None
    statuses, pool, owner_only = holds
    if lead.status not in statuses:
        return f"lead {lead.id} is {lead.status.value} now"
    if pool is not None and lead.pool is not pool:
        return f"lead {lead.id} waits in {lead.pool} now"
    if owner_only and owner_user_id != chat_id:
        return f"lead {lead.id} is no longer held by chat {chat_id}"
    return None
