"""The pictures 'send_photo' outbox rows carry, one per row, kept apart from the outbox so
that scanning the queue never reads their bytes."""

from __future__ import annotations

from dataclasses import dataclass

from storage.driver import Conn


@dataclass(frozen=True)
class OutboxFile:
    name: str  # what Telegram is told the file is called
    data: bytes


class OutboxFileRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def put(self, row_id: int, file: OutboxFile) -> None:
        await self._db.execute(
            "INSERT INTO outbox_files (row_id, name, data) VALUES (?, ?, ?)",
            (row_id, file.name, file.data),
        )

    async def get(self, row_id: int) -> OutboxFile | None:
        row = await self._db.fetch_one(
            "SELECT name, data FROM outbox_files WHERE row_id = ?", (row_id,)
        )
        return None if row is None else OutboxFile(row["name"], bytes(row["data"]))

    async def forget_done(self) -> int:
        """Drop the pictures of rows that were sent, refused or dropped: none is sent twice.
        How many went."""
        return await self._db.execute(
            "DELETE FROM outbox_files WHERE row_id IN (SELECT f.row_id FROM outbox_files AS f "
            "JOIN outbox AS o ON o.id = f.row_id WHERE o.status <> 'pending')"
        )
