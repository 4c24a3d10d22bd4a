"""Which leads are where: waiting in a pool, open with a member, covering one, new since."""

from __future__ import annotations

from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn
from storage.work.lead_records import (
    LeadRecord,
    Pool,
)
from storage.work.lead_rows import LEAD_COLUMNS, OPEN_SQL, lead_from_row


class LeadListRepo:
    """Lists of leads, read for timers, reports and lists."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def covering(self, member_id: int) -> list[LeadRecord]:
        """Open leads that others got as the deputy of `member_id`."""
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE cover_for = ? AND {OPEN_SQL} ORDER BY id",
            (member_id,),
        )
        return [lead_from_row(row) for row in rows]

    async def created_since(self, team_id: int, since: datetime) -> list[LeadRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE team_id = ? AND created_at >= ? ORDER BY id",
            (team_id, to_db(since)),
        )
        return [lead_from_row(row) for row in rows]

    async def waiting_in(self, team_id: int, pool: Pool) -> list[LeadRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE team_id = ? AND status = 'new' AND pool = ? "
            "ORDER BY id",
            (team_id, pool.value),
        )
        return [lead_from_row(row) for row in rows]

    async def count_waiting_in(self, team_id: int, pool: Pool) -> int:
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM leads WHERE team_id = ? AND status = 'new' AND pool = ?",
            (team_id, pool.value),
        )
        return 0 if row is None else int(row[0])

    async def open_of_team(self, team_id: int, limit: int = 200) -> list[LeadRecord]:
        """The team's leads without an outcome, oldest first: waiting, offered, taken."""
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE team_id = ? AND status IN ('new', 'offered', "
            "'taken') ORDER BY created_at, id LIMIT ?",
            (team_id, limit),
        )
        return [lead_from_row(row) for row in rows]

    async def open_of(self, member_id: int) -> list[LeadRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE owner_id = ? AND {OPEN_SQL} ORDER BY id",
            (member_id,),
        )
        return [lead_from_row(row) for row in rows]

    async def unclaimed_with_card_in(self, chat_id: int) -> list[LeadRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE card_chat_id = ? AND status = 'new' "
            "AND pool = 'chat' ORDER BY id",
            (chat_id,),
        )
        return [lead_from_row(row) for row in rows]

    async def without_team(self) -> list[LeadRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE team_id IS NULL ORDER BY id"
        )
        return [lead_from_row(row) for row in rows]
