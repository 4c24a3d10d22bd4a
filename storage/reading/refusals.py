from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, from_db_optional, to_db
from storage.driver import Conn, Row


@dataclass(frozen=True)
class RefusalRecord:
    id: int
    at: datetime
    reason: str
    status: int
    message: str
    origin: str
    content_type: str
    body_sample: str
    reported_at: datetime | None


_COLUMNS = "id, at, reason, status, message, origin, content_type, body_sample, reported_at"


def _refusal(row: Row) -> RefusalRecord:
    return RefusalRecord(
        id=row["id"],
        at=from_db(row["at"]),
        reason=row["reason"],
        status=row["status"],
        message=row["message"],
        origin=row["origin"],
        content_type=row["content_type"],
        body_sample=row["body_sample"],
        reported_at=from_db_optional(row["reported_at"]),
    )


class RefusalRepo:
    """Intake requests with a valid token that made no lead."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(
        self,
        at: datetime,
        reason: str,
        status: int,
        message: str,
        origin: str,
        content_type: str,
        body_sample: str,
        source_id: int | None = None,
    ) -> int:
        row = await self._db.fetch_one(
            "INSERT INTO intake_refusals "
            "(at, reason, status, message, origin, content_type, body_sample, source_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (to_db(at), reason, status, message, origin, content_type, body_sample, source_id),
        )
        assert row is not None
        return int(row[0])

    async def last_reported(self, reason: str) -> datetime | None:
        row = await self._db.fetch_one(
            "SELECT MAX(reported_at) FROM intake_refusals WHERE reason = ?", (reason,)
        )
        return None if row is None else from_db_optional(row[0])

    async def unreported(self, reason: str | None = None) -> list[RefusalRecord]:
        """Refusals the heads have not been told about, oldest first (of one reason)."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM intake_refusals WHERE reported_at IS NULL "
            "AND (CAST(?1 AS TEXT) IS NULL OR reason = ?1) ORDER BY id",
            (reason,),
        )
        return [_refusal(row) for row in rows]

    async def latest(self, limit: int = 20) -> list[RefusalRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM intake_refusals ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [_refusal(row) for row in rows]

    async def mark_reported(self, ids: list[int], at: datetime) -> None:
        await self._db.execute_many(
            "UPDATE intake_refusals SET reported_at = ? WHERE id = ? AND reported_at IS NULL",
            [(to_db(at), row_id) for row_id in ids],
        )

    async def count_since(self, since: datetime) -> int:
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM intake_refusals WHERE at >= ?", (to_db(since),)
        )
        assert row is not None
        return int(row[0])
