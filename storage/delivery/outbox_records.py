"""What the outbox holds: how a row is sent, what it announces, its state, its rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.clock_format import from_db, from_db_optional
from storage.delivery.buttons import Button, load_buttons
from storage.driver import Row
from storage.work.lead_records import LeadStatus, Pool


class OutboxMethod(StrEnum):
    SEND = "send"  # sendMessage to chat_id
    SEND_PHOTO = "send_photo"  # sendPhoto to chat_id: the row's picture, `text` its caption
    EDIT_CARD = "edit_card"  # editMessageText of the lead's team card, wherever it was posted
    EDIT = "edit"  # editMessageText of the message another row (target_id) sent


class OutboxPurpose(StrEnum):
    """What a row announces; decides what happens if Telegram refuses it for good."""

    CARD = "card"  # a lead's card with the Claim button, in the team chat
    CARD_CLAIMED = "card_claimed"  # the card edited to show who took the lead
    CARD_RETURNED = "card_returned"  # the old card edited: the lead was posted again below
    CARD_ASSIGNED = "card_assigned"  # the card edited: a head gave the lead to someone
    CARD_REOPENED = "card_reopened"  # the card edited: a closed lead is in work again
    CARD_CLOSED = "card_closed"  # the card edited to show the outcome
    OWNER_CARD = "owner_card"  # the full lead, in the new owner's private chat
    OFFER_CARD = "offer_card"  # a lead offered to one manager: no contacts, Accept / Return
    OFFER_ACCEPTED = "offer_accepted"  # an offer card edited into the full card with contacts
    UPDATE = "update"  # a private card edited to say what became of the lead
    HEAD_ASK = "head_ask"  # a head's card with a button per manager
    HEAD_ASK_DONE = "head_ask_done"  # a head's card edited: who assigned it to whom
    ANNOUNCE = "announce"  # one line in the team chat: a lead went to a person
    HEAD_NOTICE = "head_notice"  # something a head of sales must know, in private
    MEMBER_NOTICE = "member_notice"  # something a manager must know, in private
    LEAD_TEXT = "lead_text"  # the rest of a long lead, after the card that had to cut it
    CARD_REMINDER = "card_reminder"  # in the team chat, in reply to an unclaimed card
    OUTCOME_REMINDER = "outcome_reminder"  # to an owner: the lead still has no outcome
    CONTACT_REMINDER = "contact_reminder"  # to an owner: the client not reached yet, with 📞
    TEAM_NOTICE = "team_notice"  # a line in the team chat: who covers whom, the morning summary
    CONTACTS = "contacts"  # several accepted offers' full cards in one private message
    HOURS_NOTICE = "hours_notice"  # to a head: leads wait for the working day (edited on)
    WEEKLY_REPORT = "weekly_report"  # to a head, on Monday morning: last week's figures
    PRESENCE = "presence"  # to a manager paused for lapses, with "I'm here" (edited on return)


# Sending these hands a lead to a person: if Telegram refuses them for good, the lead moves on.
HANDING_OVER = frozenset({OutboxPurpose.OWNER_CARD, OutboxPurpose.OFFER_CARD})


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # refused for good; the lead was handed on, see lead_events
    DROPPED = "dropped"  # never sent: what it said stopped being true before its turn came
    FOLDED = "folded"  # shown as a line of a board (board_id) instead of a message of its own


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    chat_id: int
    method: OutboxMethod
    purpose: OutboxPurpose
    text: str
    buttons: list[list[Button]] | None
    lead_id: int | None
    target_id: int | None
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    message_id: int | None
    sending_at: datetime | None = None  # marked before a call whose outcome is not recorded
    line: str | None = None  # a card's line in the queue, when it folds there
    board_id: int | None = None  # the board it folded into
    bundled_at: datetime | None = None  # an accepted offer whose contacts went out bundled


@dataclass(frozen=True)
class PendingRow:
    """A row waiting to be sent, as the delivery planner sees it."""

    record: OutboxRecord
    shown: bool  # an edit whose message is in the chat: it may go before newer messages
    after_own: bool  # an earlier row about the same lead waits for the same chat
    orphan: bool  # an edit of a message that was never sent and never will be


@dataclass(frozen=True)
class ShownMessage:
    """A message as it stands in the chat: its row, and the text its last edit gave it."""

    record: OutboxRecord
    text: str


@dataclass(frozen=True)
class FoldedRow:
    """A row shown as a line of a board."""

    row_id: int
    purpose: OutboxPurpose
    lead_id: int | None
    text: str  # the line: a card's `line`, or a notice's text
    buttons: list[list[Button]] | None
    shown: bool  # has appeared on the board already
    waiting: bool  # a card whose lead still waits for a claim in the chat
    lead_status: LeadStatus | None = None  # the lead as it is now, for the line's premise
    lead_pool: Pool | None = None
    owner_user_id: int | None = None


COLUMNS = (
    "id, chat_id, method, purpose, text, buttons, lead_id, target_id, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, message_id, sending_at, line, board_id, "
    "bundled_at"
)

O_COLUMNS = ", ".join(f"o.{name.strip()}" for name in COLUMNS.split(","))


def outbox_record(row: Row) -> OutboxRecord:
    return OutboxRecord(
        id=row["id"],
        chat_id=row["chat_id"],
        method=OutboxMethod(row["method"]),
        purpose=OutboxPurpose(row["purpose"]),
        text=row["text"],
        buttons=None if row["buttons"] is None else load_buttons(row["buttons"]),
        lead_id=row["lead_id"],
        target_id=row["target_id"],
        status=OutboxStatus(row["status"]),
        attempts=row["attempts"],
        next_attempt_at=from_db(row["next_attempt_at"]),
        last_error=row["last_error"],
        created_at=from_db(row["created_at"]),
        sent_at=from_db_optional(row["sent_at"]),
        message_id=row["message_id"],
        sending_at=from_db_optional(row["sending_at"]),
        line=row["line"],
        board_id=row["board_id"],
        bundled_at=from_db_optional(row["bundled_at"]),
    )
