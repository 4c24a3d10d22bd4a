"""Where an outgoing row goes: the message a reminder answers, the message an edit changes."""

from __future__ import annotations

from aiogram.types import ReplyParameters

from storage import OutboxMethod, OutboxPurpose, OutboxRecord, OutboxStatus
from storage.unit import Unit


class CardNotPostedError(Exception):
    """An edit of a message that Telegram has not shown yet; it waits for the message."""


class MessageGoneError(Exception):
    """An edit of a message that was refused for good: there is nothing to edit."""


async def reply_to(u: Unit, row: OutboxRecord) -> ReplyParameters | None:
    """A reminder answers the lead's card, so the chat sees which card it means; if
    the card is gone, the reminder still arrives on its own."""
    if row.purpose is not OutboxPurpose.CARD_REMINDER or row.lead_id is None:
        return None
    lead = await u.leads.get(row.lead_id)
    if lead is None or lead.card_message_id is None or lead.card_chat_id != row.chat_id:
        return None
    return ReplyParameters(message_id=lead.card_message_id, allow_sending_without_reply=True)


async def edited_message(u: Unit, row: OutboxRecord) -> tuple[int, int]:
    """The chat and message an edit row changes."""
    match row.method:
        case OutboxMethod.EDIT_CARD:
            lead = await u.leads.get(row.lead_id) if row.lead_id is not None else None
            if lead is None or lead.card_chat_id is None or lead.card_message_id is None:
                raise CardNotPostedError(f"lead {row.lead_id} has no card yet")
            return lead.card_chat_id, lead.card_message_id
        case OutboxMethod.EDIT:
            target = await u.outbox.get(row.target_id) if row.target_id else None
            if target is None or target.status is OutboxStatus.FAILED:
                # The message never reached the chat; its failure was handled then.
                raise MessageGoneError(f"row {row.target_id} was never shown")
            if target.message_id is None:
                raise CardNotPostedError(f"row {row.target_id} is not sent yet")
            return target.chat_id, target.message_id
        case OutboxMethod.SEND | OutboxMethod.SEND_PHOTO:
            raise AssertionError("a sent message is not an edit")
