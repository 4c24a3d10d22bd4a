from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, from_db_optional, to_db
from storage.driver import Conn, Row


@dataclass(frozen=True)
class TeamRecord:
    id: int
    chat_id: int
    title: str
    language: str
    created_by: int
    created_at: datetime
    paused_at: datetime | None = None
    pause_reason: str | None = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None


_COLUMNS = "id, chat_id, title, language, created_by, created_at, paused_at, pause_reason"


def _team(row: Row) -> TeamRecord:
    return TeamRecord(
        id=row["id"],
        chat_id=row["chat_id"],
        title=row["title"],
        language=row["language"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        paused_at=from_db_optional(row["paused_at"]),
        pause_reason=row["pause_reason"],
    )


class TeamRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db
        self.resumed = 0  # teams this transaction resumed: their held messages may go now

    async def create(
        self, chat_id: int, title: str, language: str, created_by: int, at: datetime
    ) -> TeamRecord:
        row = await self._db.fetch_one(
            "INSERT INTO teams (chat_id, title, language, created_by, created_at) "
            f"VALUES (?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (chat_id, title, language, created_by, to_db(at)),
        )
        assert row is not None
        return _team(row)

    async def by_chat(self, chat_id: int) -> TeamRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM teams WHERE chat_id = ?", (chat_id,)
        )
        return None if row is None else _team(row)

    async def by_id(self, team_id: int) -> TeamRecord | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM teams WHERE id = ?", (team_id,))
        return None if row is None else _team(row)

    async def primary(self) -> TeamRecord | None:
        """The team that leads from the web form and from private chats go to."""
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM teams ORDER BY id LIMIT 1")
        return None if row is None else _team(row)

    async def all(self) -> list[TeamRecord]:
        rows = await self._db.fetch_all(f"SELECT {_COLUMNS} FROM teams ORDER BY id")
        return [_team(row) for row in rows]

    async def rename(self, team_id: int, title: str) -> None:
        await self._db.execute("UPDATE teams SET title = ? WHERE id = ?", (title, team_id))

    async def pause(self, team_id: int, at: datetime, reason: str) -> bool:
        """Mark the team paused; False if it already was (the first reason is kept)."""
        changed = await self._db.execute(
            "UPDATE teams SET paused_at = ?, pause_reason = ? WHERE id = ? AND paused_at IS NULL",
            (to_db(at), reason, team_id),
        )
        return changed == 1

    async def resume(self, team_id: int) -> bool:
        """Clear the pause; False if the team was not paused."""
        changed = await self._db.execute(
            "UPDATE teams SET paused_at = NULL, pause_reason = NULL "
            "WHERE id = ? AND paused_at IS NOT NULL",
            (team_id,),
        )
        self.resumed += changed
        return changed == 1

    async def move_chat(self, team_id: int, chat_id: int) -> None:
        await self._db.execute("UPDATE teams SET chat_id = ? WHERE id = ?", (chat_id, team_id))

    async def paused_count(self) -> int:
        row = await self._db.fetch_one("SELECT COUNT(*) FROM teams WHERE paused_at IS NOT NULL")
        assert row is not None
        return int(row[0])
