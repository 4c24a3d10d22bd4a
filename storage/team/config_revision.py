"""Whether the teams' configuration changed since it was last read (triggers keep a token)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.driver import Conn

# Tables whose every write draws a new token (triggers of migration 0011). members counts
# except for open_leads, which is live state.
CONFIG_TABLES = (
    "teams",
    "team_settings",
    "members",
    "vacations",
    "groups",
    "group_members",
    "rules",
    "aliases",
)


@dataclass(frozen=True)
class LiveState:
    """What one statement tells about the teams: the configuration's token, and each active
    member's open leads (which change with every lead, so they are never cached)."""

    token: bytes
    loads: dict[int, int]  # member id -> open leads


class ConfigRevisionRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def live(self) -> LiveState:
        rows = await self._db.fetch_all(
            "SELECT r.token, m.id, m.open_leads FROM config_revision AS r "
            "LEFT JOIN members AS m ON m.active = 1",
        )
        token = bytes(rows[0][0])
        return LiveState(token, {row[1]: row[2] for row in rows if row[1] is not None})
