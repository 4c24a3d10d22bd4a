from __future__ import annotations

import aiosqlite


class TeamSettingRepo:
    """A team's settings by name, stored as text; `bot/team_settings.py` gives them types."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def values(self, team_id: int) -> dict[str, str]:
        async with self._db.execute(
            "SELECT name, value FROM team_settings WHERE team_id = ?", (team_id,)
        ) as cur:
            rows = await cur.fetchall()
        return {str(row[0]): str(row[1]) for row in rows}

    async def put(self, team_id: int, name: str, value: str) -> None:
        await self._db.execute(
            "INSERT INTO team_settings (team_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, name) DO UPDATE SET value = excluded.value",
            (team_id, name, value),
        )
