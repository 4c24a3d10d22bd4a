"""Read-only facts for the reports: the leads that arrived in a period, each with what became
of it. The figures are counted from these by one pure function (`bot/reports/figures.py`),
so that /stats, its chart, the Monday report and the workbook all count alike. Nothing here
writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.clock_format import from_db, from_db_optional, to_db
from storage.lead_records import LeadStatus
from storage.rows import fetch_all

# The moves that put a lead into someone's hands: its first one is when it was taken.
TAKES = ("claimed", "accepted", "assigned")


@dataclass(frozen=True)
class CohortLead:
    """A lead that arrived in the period, as it stands now."""

    id: int
    created_at: datetime
    status: LeadStatus
    holder_id: int | None  # the manager it is with now (offered, in work or closed by)
    channel: str | None
    taken_at: datetime | None  # first taken (claimed, accepted, assigned), by anyone
    taker_id: int | None  # who took it first: a deputy's take is the deputy's
    closed_at: datetime | None


class ReportRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def cohort(self, team_id: int, since: datetime, until: datetime) -> list[CohortLead]:
        """The team's leads that arrived in [since, until), oldest first."""
        takes = ", ".join("?" for _ in TAKES)
        rows = await fetch_all(
            self._db,
            "SELECT l.id, l.created_at, l.status, l.owner_id, l.channel, l.closed_at, "
            # A lead taken before its history recorded takes has only the lead's own times.
            "COALESCE(t.member_id, CASE WHEN l.taken_at IS NOT NULL THEN l.owner_id END) "
            "AS taker, COALESCE(t.at, l.taken_at) AS taken "
            "FROM leads AS l LEFT JOIN lead_events AS t ON t.id = ("
            "  SELECT MIN(e.id) FROM lead_events AS e "
            f"  WHERE e.lead_id = l.id AND e.kind IN ({takes})"
            ") WHERE l.team_id = ? AND l.created_at >= ? AND l.created_at < ? "
            "ORDER BY l.created_at, l.id",
            (*TAKES, team_id, to_db(since), to_db(until)),
        )
        return [
            CohortLead(
                id=row["id"],
                created_at=from_db(row["created_at"]),
                status=LeadStatus(row["status"]),
                holder_id=row["owner_id"],
                channel=row["channel"],
                taken_at=from_db_optional(row["taken"]),
                taker_id=row["taker"],
                closed_at=from_db_optional(row["closed_at"]),
            )
            for row in rows
        ]
