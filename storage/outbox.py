from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.clock_format import from_db, from_db_optional, to_db


class OutboxMethod(StrEnum):
    SEND = "send"  # sendMessage to chat_id
    EDIT_CARD = "edit_card"  # editMessageText of the lead's card, wherever it was posted


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    chat_id: int
    method: OutboxMethod
    purpose: str
    text: str
    reply_markup: str | None
    lead_id: int | None
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    message_id: int | None


_COLUMNS = (
    "id, chat_id, method, purpose, text, reply_markup, lead_id, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, message_id"
)


def _record(row: aiosqlite.Row) -> OutboxRecord:
    return OutboxRecord(
        id=row["id"],
        chat_id=row["chat_id"],
        method=OutboxMethod(row["method"]),
        purpose=row["purpose"],
        text=row["text"],
        reply_markup=row["reply_markup"],
        lead_id=row["lead_id"],
        status=row["status"],
        attempts=row["attempts"],
        next_attempt_at=from_db(row["next_attempt_at"]),
        last_error=row["last_error"],
        created_at=from_db(row["created_at"]),
        sent_at=from_db_optional(row["sent_at"]),
        message_id=row["message_id"],
    )


class OutboxRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def enqueue(
        self,
        chat_id: int,
        method: OutboxMethod,
        purpose: str,
        text: str,
        at: datetime,
        reply_markup: str | None = None,
        lead_id: int | None = None,
    ) -> int:
        async with self._db.execute(
            "INSERT INTO outbox (chat_id, method, purpose, text, reply_markup, lead_id, "
            "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (chat_id, method.value, purpose, text, reply_markup, lead_id, to_db(at), to_db(at)),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return int(row[0])

    async def due_heads(self, now: datetime, limit: int = 100) -> list[OutboxRecord]:
        """The oldest pending row of each chat, where it is due.

        Only a chat's oldest row may go, so messages reach a chat in the order they were
        written even when an earlier one is waiting out a retry.
        """
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id IN ("
            "  SELECT MIN(id) FROM outbox WHERE status = 'pending' GROUP BY chat_id"
            ") AND next_attempt_at <= ? ORDER BY id LIMIT ?",
            (to_db(now), limit),
        ) as cur:
            rows = await cur.fetchall()
        return [_record(row) for row in rows]

    async def next_due_at(self) -> datetime | None:
        async with self._db.execute(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE id IN ("
            "  SELECT MIN(id) FROM outbox WHERE status = 'pending' GROUP BY chat_id)"
        ) as cur:
            row = await cur.fetchone()
        return None if row is None or row[0] is None else from_db(row[0])

    async def mark_sent(self, row_id: int, at: datetime, message_id: int | None) -> None:
        await self._db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, "
            "attempts = attempts + 1, last_error = NULL WHERE id = ?",
            (to_db(at), message_id, row_id),
        )

    async def reschedule(self, row_id: int, next_attempt_at: datetime, error: str) -> None:
        await self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
            "WHERE id = ?",
            (to_db(next_attempt_at), error[:500], row_id),
        )

    async def backlog(self) -> tuple[int, datetime | None]:
        """How many rows wait to be sent, and when the oldest of them was written."""
        async with self._db.execute(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'"
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return int(row[0]), from_db_optional(row[1])

    async def for_lead(self, lead_id: int) -> list[OutboxRecord]:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE lead_id = ? ORDER BY id", (lead_id,)
        ) as cur:
            rows = await cur.fetchall()
        return [_record(row) for row in rows]

    async def get(self, row_id: int) -> OutboxRecord | None:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (row_id,)
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _record(row)
