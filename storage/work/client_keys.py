"""The index of who each lead's client is: the known client is found here by key."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn


class ClientKeyRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(self, rows: Sequence[tuple[str, str, int]]) -> None:
        """Write (kind, value, lead) keys."""
        if rows:
            await self._db.execute_many(
                "INSERT INTO client_keys (kind, value, lead_id) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, value, lead_id) DO NOTHING",
                rows,
            )

    async def indexed(self, lead_ids: Iterable[int]) -> None:
        """Leads stored before the index, now indexed."""
        await self._db.execute_many(
            "DELETE FROM pending_client_keys WHERE lead_id = ?", [(i,) for i in lead_ids]
        )

    async def owner_of(
        self, team_id: int, kind: str, value: str, not_lead: int
    ) -> tuple[int, int] | None:
        """The latest other lead of the team with this key that has an owner: (lead, owner).

        The primary key's order gives the newest lead first; leads still unowned are
        stepped over, which stays short: a client's leads are few."""
        row = await self._db.fetch_one(
            "SELECT k.lead_id, l.owner_id FROM client_keys AS k JOIN leads AS l "
            "ON l.id = k.lead_id WHERE k.kind = ? AND k.value = ? AND k.lead_id <> ? "
            "AND l.team_id = ? AND l.owner_id IS NOT NULL ORDER BY k.lead_id DESC LIMIT 1",
            (kind, value, not_lead, team_id),
        )
        return None if row is None else (int(row[0]), int(row[1]))

    async def open_lead(
        self, team_id: int, keys: Sequence[tuple[str, str]], since: datetime
    ) -> int | None:
        """The newest open lead of the team, arrived at `since` or later, with any of these
        (kind, value) keys: the lead a repeat submission joins."""
        if not keys:
            return None
        matches = " OR ".join("(k.kind = ? AND k.value = ?)" for _ in keys)
        row = await self._db.fetch_one(
            "SELECT l.id FROM client_keys AS k JOIN leads AS l ON l.id = k.lead_id "
            f"WHERE ({matches}) AND l.team_id = ? AND l.created_at >= ? "
            "AND l.status NOT IN ('won', 'lost') ORDER BY l.id DESC LIMIT 1",
            (*(part for key in keys for part in key), team_id, to_db(since)),
        )
        return None if row is None else int(row[0])

    async def pending(self, limit: int) -> list[int]:
        """Leads stored before the index existed, still to be indexed."""
        rows = await self._db.fetch_all(
            "SELECT lead_id FROM pending_client_keys ORDER BY lead_id LIMIT ?", (limit,)
        )
        return [int(row[0]) for row in rows]
