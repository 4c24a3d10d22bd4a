from __future__ import annotations

import aiosqlite

from storage.rows import fetch_all


class TeamSettingRepo:
    """A team's settings by name, stored as text; `bot/team_settings.py` gives them types."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def values(self, team_id: int) -> dict[str, str]:
        rows = await fetch_all(
            self._db, "SELECT name, value FROM team_settings WHERE team_id = ?", (team_id,)
        )
        return {str(row[0]): str(row[1]) for row in rows}

    async def put(self, team_id: int, name: str, value: str) -> None:
        await self._db.execute(
            "INSERT INTO team_settings (team_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, name) DO UPDATE SET value = excluded.value",
            (team_id, name, value),
        )
