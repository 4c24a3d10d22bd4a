from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storage.clock_format import from_db_optional, to_db
from storage.delivery.buttons import Buttons, dump_buttons, load_buttons
from storage.delivery.outbox_records import (
    COLUMNS,
    FoldedRow,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    PendingRow,
    outbox_record,
)
from storage.driver import Conn
from storage.work.lead_records import LeadStatus, Pool


class OutboxRepo:
    def __init__(self, db: Conn) -> None:
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
        row = await self._db.fetch_one(
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

    async def bundle(self, row_ids: Sequence[int], at: datetime) -> None:
        """These edits' contacts went out in one message with others'."""
        for row_id in row_ids:
            await self._db.execute(
                "UPDATE outbox SET bundled_at = ? WHERE id = ?", (to_db(at), row_id)
            )

    async def pending(self, limit: int = 5000) -> list[PendingRow]:
        """Every row waiting to be sent, oldest first, leaving out paused teams' chats (their
        rows go out, in order, when the bot can post there again)."""
        rows = await self._db.fetch_all(
            f"SELECT {COLUMNS},"
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
                outbox_record(row), bool(row["shown"]), bool(row["after_own"]), bool(row["orphan"])
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
        rows = await self._db.fetch_all(
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
            changed = await self._db.execute(
                "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                (to_db(at), row_id),
            )
            if changed == 1:
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
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND sending_at IS NOT NULL",
        )
        assert row is not None
        return int(row[0])

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
        changed = await self._db.execute(
            "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status = 'pending'",
            (new_chat_id, old_chat_id),
        )
        self.queued += changed  # due in the new chat: as good as queued there
        return changed

    async def leads_waiting_for_cards(self, chat_id: int) -> list[int]:
        """Leads whose card for `chat_id` has not gone out yet."""
        rows = await self._db.fetch_all(
            "SELECT lead_id FROM outbox WHERE chat_id = ? AND status = 'pending' "
            "AND purpose = ? AND lead_id IS NOT NULL ORDER BY id",
            (chat_id, OutboxPurpose.CARD.value),
        )
        return [int(row[0]) for row in rows]

    async def pending_for_chat(self, chat_id: int) -> int:
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND status = 'pending'",
            (chat_id,),
        )
        assert row is not None
        return int(row[0])

    async def backlog(self) -> tuple[int, datetime | None]:
        """How many rows wait to be sent, and when the oldest of them was written."""
        row = await self._db.fetch_one(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'"
        )
        assert row is not None
        return int(row[0]), from_db_optional(row[1])

    async def get(self, row_id: int) -> OutboxRecord | None:
        row = await self._db.fetch_one(f"SELECT {COLUMNS} FROM outbox WHERE id = ?", (row_id,))
        return None if row is None else outbox_record(row)
