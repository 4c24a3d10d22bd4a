from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.clock_format import from_db, from_db_optional, to_db
from storage.delivery.buttons import Button, Buttons, dump_buttons, load_buttons
from storage.rows import fetch_all, fetch_one
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
    TEAM_NOTICE = "team_notice"  # a line in the team chat: who covers whom, the morning summary
    CONTACTS = "contacts"  # several accepted offers' full cards in one private message
    HOURS_NOTICE = "hours_notice"  # to a head: leads wait for the working day (edited on)
    WEEKLY_REPORT = "weekly_report"  # to a head, on Monday morning: last week's figures


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


_COLUMNS = (
    "id, chat_id, method, purpose, text, buttons, lead_id, target_id, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, message_id, sending_at, line, board_id, "
    "bundled_at"
)

_O_COLUMNS = ", ".join(f"o.{name.strip()}" for name in _COLUMNS.split(","))


def _record(row: aiosqlite.Row) -> OutboxRecord:
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


class OutboxRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self.queued = 0  # rows this transaction added: the worker is woken after its commit

    async def enqueue(
        self,
        chat_id: int,
        method: OutboxMethod,
        purpose: OutboxPurpose,
        text: str,
        at: datetime,
        buttons: Buttons | None = None,
        lead_id: int | None = None,
        target_id: int | None = None,
        line: str | None = None,
    ) -> int:
        row = await fetch_one(
            self._db,
            "INSERT INTO outbox (chat_id, method, purpose, text, buttons, lead_id, target_id, "
            "next_attempt_at, created_at, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            (
                chat_id,
                method.value,
                purpose.value,
                text,
                None if buttons is None else dump_buttons(buttons),
                lead_id,
                target_id,
                to_db(at),
                to_db(at),
                line,
            ),
        )
        assert row is not None
        self.queued += 1
        return int(row[0])

    async def last_message(self, chat_id: int, purpose: OutboxPurpose) -> OutboxRecord | None:
        """The newest message of `purpose` in the chat that was sent or still waits."""
        row = await fetch_one(
            self._db,
            f"SELECT {_COLUMNS} FROM outbox WHERE chat_id = ? AND purpose = ? AND method = ? "
            "AND status IN ('pending', 'sent') ORDER BY id DESC LIMIT 1",
            (chat_id, purpose.value, OutboxMethod.SEND.value),
        )
        return None if row is None else _record(row)

    async def bundle(self, row_ids: Sequence[int], at: datetime) -> None:
        """These edits' contacts went out in one message with others'."""
        for row_id in row_ids:
            await self._db.execute(
                "UPDATE outbox SET bundled_at = ? WHERE id = ?", (to_db(at), row_id)
            )

    async def pending(self, limit: int = 5000) -> list[PendingRow]:
        """Every row waiting to be sent, oldest first, leaving out paused teams' chats (their
        rows go out, in order, when the bot can post there again)."""
        rows = await fetch_all(
            self._db,
            f"SELECT {_COLUMNS},"
            "  (e.method = ? AND EXISTS (SELECT 1 FROM leads AS l WHERE l.id = e.lead_id"
            "     AND l.card_chat_id = e.chat_id AND l.card_message_id IS NOT NULL))"
            "  OR (e.method = ? AND EXISTS (SELECT 1 FROM outbox AS t WHERE t.id = e.target_id"
            "     AND t.status IN ('sent', 'failed'))) AS shown,"
            "  e.lead_id IS NOT NULL AND EXISTS (SELECT 1 FROM outbox AS p"
            "     WHERE p.status = 'pending' AND p.chat_id = e.chat_id"
            "       AND p.lead_id = e.lead_id AND p.id < e.id) AS after_own,"
            "  e.method = ? AND NOT EXISTS (SELECT 1 FROM outbox AS c"
            "     WHERE c.lead_id = e.lead_id AND c.chat_id = e.chat_id AND c.purpose = ?"
            "       AND (c.status IN ('pending', 'sent')"
            "            OR (c.status = 'folded' AND c.board_id IN"
            "                (SELECT id FROM boards WHERE closed_at IS NULL))))"
            "  OR (e.method = ? AND EXISTS (SELECT 1 FROM outbox AS t WHERE t.id = e.target_id"
            "     AND t.status = 'dropped')) AS orphan "
            "FROM outbox AS e WHERE e.status = 'pending' "
            "AND e.chat_id NOT IN (SELECT chat_id FROM teams WHERE paused_at IS NOT NULL) "
            "ORDER BY e.id LIMIT ?",
            (
                OutboxMethod.EDIT_CARD.value,
                OutboxMethod.EDIT.value,
                OutboxMethod.EDIT_CARD.value,
                OutboxPurpose.CARD.value,
                OutboxMethod.EDIT.value,
                limit,
            ),
        )
        return [
            PendingRow(
                _record(row), bool(row["shown"]), bool(row["after_own"]), bool(row["orphan"])
            )
            for row in rows
        ]

    async def fold(self, row_ids: Sequence[int], board_id: int) -> None:
        for row_id in row_ids:
            await self._db.execute(
                "UPDATE outbox SET status = 'folded', board_id = ?, sending_at = NULL "
                "WHERE id = ? AND status = 'pending'",
                (board_id, row_id),
            )

    async def folded(self, board_id: int) -> list[FoldedRow]:
        """What a board lists, oldest first."""
        rows = await fetch_all(
            self._db,
            "SELECT o.id, o.purpose, o.lead_id, COALESCE(o.line, o.text) AS line, o.buttons, "
            "  o.sent_at IS NOT NULL AS shown,"
            "  (l.status = 'new' AND l.pool = 'chat' AND o.status = 'folded') AS waiting, "
            "  l.status AS lead_status, l.pool AS lead_pool, m.user_id AS owner_user_id "
            "FROM outbox AS o LEFT JOIN leads AS l ON l.id = o.lead_id "
            "LEFT JOIN members AS m ON m.id = l.owner_id "
            "WHERE o.board_id = ? ORDER BY o.id",
            (board_id,),
        )
        return [
            FoldedRow(
                row["id"],
                OutboxPurpose(row["purpose"]),
                row["lead_id"],
                row["line"],
                None if row["buttons"] is None else load_buttons(row["buttons"]),
                bool(row["shown"]),
                bool(row["waiting"]),
                None if row["lead_status"] is None else LeadStatus(row["lead_status"]),
                None if row["lead_pool"] is None else Pool(row["lead_pool"]),
                row["owner_user_id"],
            )
            for row in rows
        ]

    async def rewrite(self, row_id: int, text: str) -> None:
        """A waiting row's text, cut to what Telegram takes (the rest goes in rows after)."""
        await self._db.execute(
            "UPDATE outbox SET text = ? WHERE id = ? AND status = 'pending'", (text, row_id)
        )

    async def attach(self, row_id: int, board_id: int) -> None:
        """A sent line that becomes the first line of a board (its message, the board's)."""
        await self._db.execute(
            "UPDATE outbox SET board_id = ? WHERE id = ? AND status = 'sent'", (board_id, row_id)
        )

    async def mark_shown(self, row_ids: Sequence[int], at: datetime) -> list[int]:
        """Folded rows that reached the chat on their board; those shown for the first time."""
        first: list[int] = []
        for row_id in row_ids:
            cur = await self._db.execute(
                "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                (to_db(at), row_id),
            )
            if cur.rowcount == 1:
                first.append(row_id)
        return first

    async def mark_sending(self, row_id: int, at: datetime) -> None:
        await self._db.execute("UPDATE outbox SET sending_at = ? WHERE id = ?", (to_db(at), row_id))

    async def mark_sent(self, row_id: int, at: datetime, message_id: int | None) -> None:
        await self._db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, "
            "attempts = attempts + 1, last_error = NULL, sending_at = NULL WHERE id = ?",
            (to_db(at), message_id, row_id),
        )

    async def reschedule(self, row_id: int, next_attempt_at: datetime, error: str) -> None:
        await self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
            "sending_at = NULL WHERE id = ?",
            (to_db(next_attempt_at), error[:500], row_id),
        )

    async def in_doubt(self) -> int:
        """Rows marked as being sent that never got an outcome: the process stopped in the
        middle of their call, and Telegram may have shown them."""
        row = await fetch_one(
            self._db,
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND sending_at IS NOT NULL",
        )
        assert row is not None
        return int(row[0])

    async def shows(self, lead_id: int, chat_id: int, message_id: int) -> bool:
        """Whether the message is one the bot sent (or edited) about the lead in that chat."""
        row = await fetch_one(
            self._db,
            "SELECT 1 FROM outbox WHERE lead_id = ? AND chat_id = ? AND message_id = ? "
            "AND status = 'sent' LIMIT 1",
            (lead_id, chat_id, message_id),
        )
        return row is not None

    async def mark_failed(self, row_id: int, at: datetime, error: str) -> None:
        await self._db.execute(
            "UPDATE outbox SET status = 'failed', sent_at = NULL, attempts = attempts + 1, "
            "last_error = ?, sending_at = NULL WHERE id = ? AND status = 'pending'",
            (f"{to_db(at)} {error}"[:500], row_id),
        )

    async def drop(self, row_id: int, at: datetime, why: str) -> None:
        """Never send this row: what it says stopped being true while it waited."""
        await self._db.execute(
            "UPDATE outbox SET status = 'dropped', last_error = ?, sending_at = NULL "
            "WHERE id = ? AND status = 'pending'",
            (f"{to_db(at)} {why}"[:500], row_id),
        )

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> int:
        """Send what still waits for `old_chat_id` to `new_chat_id` instead, now: what
        folded into the old chat's open boards too, since those boards stay behind."""
        await self._db.execute(
            "UPDATE outbox SET status = 'pending', sent_at = NULL WHERE chat_id = ? "
            "AND status = 'folded' AND board_id IN "
            "(SELECT id FROM boards WHERE chat_id = ? AND closed_at IS NULL)",
            (old_chat_id, old_chat_id),
        )
        cur = await self._db.execute(
            "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status = 'pending'",
            (new_chat_id, old_chat_id),
        )
        return cur.rowcount

    async def leads_waiting_for_cards(self, chat_id: int) -> list[int]:
        """Leads whose card for `chat_id` has not gone out yet."""
        rows = await fetch_all(
            self._db,
            "SELECT lead_id FROM outbox WHERE chat_id = ? AND status = 'pending' "
            "AND purpose = ? AND lead_id IS NOT NULL ORDER BY id",
            (chat_id, OutboxPurpose.CARD.value),
        )
        return [int(row[0]) for row in rows]

    async def pending_for_chat(self, chat_id: int) -> int:
        row = await fetch_one(
            self._db,
            "SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND status = 'pending'",
            (chat_id,),
        )
        assert row is not None
        return int(row[0])

    async def backlog(self) -> tuple[int, datetime | None]:
        """How many rows wait to be sent, and when the oldest of them was written."""
        row = await fetch_one(
            self._db, "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'"
        )
        assert row is not None
        return int(row[0]), from_db_optional(row[1])

    async def for_lead(self, lead_id: int) -> list[OutboxRecord]:
        rows = await fetch_all(
            self._db, f"SELECT {_COLUMNS} FROM outbox WHERE lead_id = ? ORDER BY id", (lead_id,)
        )
        return [_record(row) for row in rows]

    async def get(self, row_id: int) -> OutboxRecord | None:
        row = await fetch_one(self._db, f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (row_id,))
        return None if row is None else _record(row)

    async def latest(
        self, lead_id: int, chat_id: int, purposes: frozenset[OutboxPurpose]
    ) -> OutboxRecord | None:
        """The newest message of these kinds about the lead in the chat, sent or waiting:
        the one to edit when the lead's state changes (never one refused or dropped)."""
        marks = ", ".join("?" for _ in purposes)
        row = await fetch_one(
            self._db,
            f"SELECT {_COLUMNS} FROM outbox WHERE lead_id = ? AND chat_id = ? AND method = ? "
            f"AND purpose IN ({marks}) AND status IN ('pending', 'sent') "
            "ORDER BY id DESC LIMIT 1",
            (lead_id, chat_id, OutboxMethod.SEND.value, *sorted(p.value for p in purposes)),
        )
        return None if row is None else _record(row)

    async def with_buttons(self, lead_id: int, chat_id: int) -> list[ShownMessage]:
        """The messages about the lead in the chat, sent or waiting, that still show buttons
        once their last edit (sent or waiting) is applied, with the text they show then."""
        rows = await fetch_all(
            self._db,
            f"SELECT {_O_COLUMNS}, e.text AS shown_text, e.buttons AS shown_buttons, "
            "  e.id IS NOT NULL AS edited "
            "FROM outbox AS o LEFT JOIN outbox AS e ON e.id = ("
            "  SELECT MAX(x.id) FROM outbox AS x WHERE x.target_id = o.id AND x.method = ?"
            "    AND x.status IN ('pending', 'sent')) "
            "WHERE o.lead_id = ? AND o.chat_id = ? AND o.method = ? "
            "AND o.status IN ('pending', 'sent') AND o.buttons IS NOT NULL ORDER BY o.id",
            (OutboxMethod.EDIT.value, lead_id, chat_id, OutboxMethod.SEND.value),
        )
        out = []
        for row in rows:
            record = _record(row)
            text = row["shown_text"] if row["edited"] else record.text
            raw = row["shown_buttons"] if row["edited"] else row["buttons"]
            buttons = None if raw is None else load_buttons(raw)
            if buttons and any(buttons):
                out.append(ShownMessage(record, text))
        return out

    async def sent_of(self, lead_id: int, purpose: OutboxPurpose) -> list[OutboxRecord]:
        """Every message of one kind sent (or waiting) about a lead, such as the heads' cards;
        none that was refused or dropped."""
        rows = await fetch_all(
            self._db,
            f"SELECT {_COLUMNS} FROM outbox WHERE lead_id = ? AND purpose = ? AND method = ? "
            "AND status IN ('pending', 'sent') ORDER BY id",
            (lead_id, purpose.value, OutboxMethod.SEND.value),
        )
        return [_record(row) for row in rows]
