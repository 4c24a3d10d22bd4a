"""Restores of the database from a copy, as `restore` recorded them, until the heads hear."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, to_db
from storage.driver import Conn


@dataclass(frozen=True)
class RestorationRecord:
    id: int
    at: datetime
    copy_file: str
    kept_file: str | None
    taken_out: list[tuple[int, str]]  # the leads the copy lacked: (number, client)


class RestorationRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def untold(self) -> list[RestorationRecord]:
        rows = await self._db.fetch_all(
            "SELECT id, at, copy_file, kept_file, taken_out FROM restorations "
            "WHERE told_at IS NULL ORDER BY id",
        )
        return [
            RestorationRecord(
                row["id"],
                from_db(row["at"]),
                row["copy_file"],
                row["kept_file"],
                [(int(number), str(client)) for number, client in json.loads(row["taken_out"])],
            )
            for row in rows
        ]

    async def told(self, restoration_id: int, at: datetime) -> None:
        await self._db.execute(
            "UPDATE restorations SET told_at = ? WHERE id = ? AND told_at IS NULL",
            (to_db(at), restoration_id),
        )
