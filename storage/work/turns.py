from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from storage.driver import Conn

TEAM_SCOPE = "team"  # the team's own rotation; each round-robin group has its own scope


class TurnRepo:
    """Round-robin state per team and scope, as JSON: routing owns its shape."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def get(self, team_id: int, scope: str = TEAM_SCOPE) -> dict[str, object] | None:
        row = await self._db.fetch_one(
            "SELECT state FROM turns WHERE team_id = ? AND scope = ?", (team_id, scope)
        )
        if row is None:
            return None
        state = json.loads(row[0])
        assert isinstance(state, dict)
        return state

    async def put(self, team_id: int, state: Mapping[str, object], scope: str, day: date) -> None:
        """The rotation's new state, kept as how it stood at the end of `day` (the team's
        local date) for /replay; a trigger makes it the rotation now (`turns`) as well."""
        await self._db.execute(
            "INSERT INTO turn_days (team_id, scope, day, state) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (team_id, scope, day) DO UPDATE SET state = excluded.state",
            (team_id, scope, day.isoformat(), json.dumps(dict(state))),
        )

    async def before(self, team_id: int, day: date) -> dict[str, dict[str, object]]:
        """Each scope's state as it stood at the end of its last day before `day`."""
        rows = await self._db.fetch_all(
            "SELECT scope, state FROM turn_days AS t WHERE team_id = ? AND day = "
            "(SELECT MAX(day) FROM turn_days WHERE team_id = t.team_id AND scope = t.scope "
            "AND day < ?)",
            (team_id, day.isoformat()),
        )
        return {row[0]: json.loads(row[1]) for row in rows}

    async def all_of(self, team_id: int) -> dict[str, dict[str, object]]:
        """Every scope's state for the team, in one read."""
        rows = await self._db.fetch_all(
            "SELECT scope, state FROM turns WHERE team_id = ?", (team_id,)
        )
        return {row[0]: json.loads(row[1]) for row in rows}
