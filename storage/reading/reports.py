"""Read-only facts for the reports: the leads that arrived in a period, each with what became
of it. The figures are counted from these by one pure function (`bot/reports/figures.py`),
so that /stats, its chart, the Monday report and the workbook all count alike. Nothing here
writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, from_db_optional, to_db
from storage.driver import Conn
from storage.work.lead_records import LeadStatus

_STATUS = {status.value: status for status in LeadStatus}


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
    contacted_at: datetime | None = None  # the first contact with the client
    contacted_by: int | None = None  # who made it
    won_amount: int | None = None  # what a deal won was worth, when its owner said


class ReportRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def cohort(self, team_id: int, since: datetime, until: datetime) -> list[CohortLead]:
        """The team's leads that arrived in [since, until), in order of arrival (a table
        by channel lists equal channels as they first came, on either engine)."""
        rows = await self._db.fetch_all(
            "SELECT id, created_at, status, owner_id, channel, first_taken_at, first_taker_id, "
            "closed_at, contacted_at, contacted_by, won_amount FROM leads "
            "WHERE team_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
            (team_id, to_db(since), to_db(until)),
        )
        return [
            CohortLead(
                id=row[0],
                created_at=from_db(row[1]),
                status=_STATUS[row[2]],
                holder_id=row[3],
                channel=row[4],
                taken_at=from_db_optional(row[5]),
                taker_id=row[6],
                closed_at=from_db_optional(row[7]),
                contacted_at=from_db_optional(row[8]),
                contacted_by=row[9],
                won_amount=row[10],
            )
            for row in rows
        ]
