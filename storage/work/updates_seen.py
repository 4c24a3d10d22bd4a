"""Telegram's updates as the webhook took them, so that one delivered twice is handled once."""

from __future__ import annotations

from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn


class UpdateRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def claim(self, update_id: int, at: datetime, stale_before: datetime) -> bool:
        """Take `update_id` to handle: True unless it was handled, or is being handled by a
        claim made since `stale_before` (an older unfinished claim is a process that died)."""
        row = await self._db.fetch_one(
            "INSERT INTO updates_seen (update_id, claimed_at) VALUES (?, ?) "
            "ON CONFLICT (update_id) DO UPDATE SET claimed_at = excluded.claimed_at "
            "WHERE updates_seen.done_at IS NULL AND updates_seen.claimed_at < ? "
            "RETURNING update_id",
            (update_id, to_db(at), to_db(stale_before)),
        )
        return row is not None

    async def handled(self, update_id: int) -> bool:
        row = await self._db.fetch_one(
            "SELECT done_at IS NOT NULL FROM updates_seen WHERE update_id = ?", (update_id,)
        )
        return row is not None and bool(row[0])

    async def done(self, update_id: int, at: datetime) -> None:
        await self._db.execute(
            "UPDATE updates_seen SET done_at = ? WHERE update_id = ?", (to_db(at), update_id)
        )

    async def let_go(self, update_id: int) -> None:
        """The handling failed: the update may be handled again at once."""
        await self._db.execute(
            "DELETE FROM updates_seen WHERE update_id = ? AND done_at IS NULL", (update_id,)
        )

    async def forget(self, before: datetime) -> int:
        """Telegram keeps an update for a day at most: older ones can never come again."""
        return await self._db.execute(
            "DELETE FROM updates_seen WHERE claimed_at < ?", (to_db(before),)
        )
