from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.clock_format import from_db, to_db


@dataclass(frozen=True)
class TeamRecord:
    id: int
    chat_id: int
    title: str
    language: str
    mode: str
    created_by: int
    created_at: datetime


_COLUMNS = "id, chat_id, title, language, mode, created_by, created_at"


def _team(row: aiosqlite.Row) -> TeamRecord:
    return TeamRecord(
        id=row["id"],
        chat_id=row["chat_id"],
        title=row["title"],
        language=row["language"],
        mode=row["mode"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
    )


class TeamRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def create(
        self, chat_id: int, title: str, language: str, created_by: int, at: datetime
    ) -> TeamRecord:
        async with self._db.execute(
            "INSERT INTO teams (chat_id, title, language, created_by, created_at) "
            f"VALUES (?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (chat_id, title, language, created_by, to_db(at)),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return _team(row)

    async def by_chat(self, chat_id: int) -> TeamRecord | None:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM teams WHERE chat_id = ?", (chat_id,)
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _team(row)

    async def by_id(self, team_id: int) -> TeamRecord | None:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM teams WHERE id = ?", (team_id,)
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _team(row)

    async def primary(self) -> TeamRecord | None:
        """The team that leads from the web form and from private chats go to."""
        async with self._db.execute(f"SELECT {_COLUMNS} FROM teams ORDER BY id LIMIT 1") as cur:
            row = await cur.fetchone()
        return None if row is None else _team(row)

    async def rename(self, team_id: int, title: str) -> None:
        await self._db.execute("UPDATE teams SET title = ? WHERE id = ?", (title, team_id))
