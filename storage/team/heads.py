from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, to_db
from storage.driver import Conn, Row


@dataclass(frozen=True)
class HeadRecord:
    """A head of sales added from Telegram; those in ADMIN_IDS are not stored."""

    user_id: int
    full_name: str
    username: str | None
    added_by: int
    added_at: datetime


_COLUMNS = "user_id, full_name, username, added_by, added_at"


def _head(row: Row) -> HeadRecord:
    return HeadRecord(
        user_id=row["user_id"],
        full_name=row["full_name"],
        username=row["username"],
        added_by=row["added_by"],
        added_at=from_db(row["added_at"]),
    )


class HeadRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(
        self, user_id: int, full_name: str, username: str | None, added_by: int, at: datetime
    ) -> bool:
        """Store a new head; False if they already were one."""
        changed = await self._db.execute(
            "INSERT INTO heads (user_id, full_name, username, added_by, added_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
            (user_id, full_name, username, added_by, to_db(at)),
        )
        return changed == 1

    async def remove(self, user_id: int) -> bool:
        changed = await self._db.execute("DELETE FROM heads WHERE user_id = ?", (user_id,))
        return changed == 1

    async def all(self) -> list[HeadRecord]:
        rows = await self._db.fetch_all(f"SELECT {_COLUMNS} FROM heads ORDER BY added_at")
        return [_head(row) for row in rows]
