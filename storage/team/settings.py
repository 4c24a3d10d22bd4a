from __future__ import annotations

from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn


class TeamSettingRepo:
    """A team's settings by name, stored as text; `bot/team_settings.py` gives them types."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def values(self, team_id: int) -> dict[str, str]:
        rows = await self._db.fetch_all(
            "SELECT name, value FROM team_settings WHERE team_id = ?", (team_id,)
        )
        return {str(row[0]): str(row[1]) for row in rows}

    async def put(self, team_id: int, name: str, value: str, at: datetime) -> None:
        """Set a setting at `at`; a change is kept in its history with the value it
        replaced (/replay reads what was in force when)."""
        row = await self._db.fetch_one(
            "SELECT value FROM team_settings WHERE team_id = ? AND name = ?",
            (team_id, name),
        )
        old = None if row is None else str(row[0])
        if old == value:
            return
        await self._db.execute(
            "INSERT INTO setting_changes (team_id, name, old_value, at) VALUES (?, ?, ?, ?)",
            (team_id, name, old, to_db(at)),
        )
        await self._db.execute(
            "INSERT INTO team_settings (team_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, name) DO UPDATE SET value = excluded.value",
            (team_id, name, value),
        )
