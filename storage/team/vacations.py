"""Vacations: planned, active, ended or cancelled; the dates are local days of the team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from storage.clock_format import from_db_optional, to_db
from storage.driver import Conn, Row


class VacationStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class VacationRecord:
    id: int
    team_id: int
    member_id: int
    deputy_id: int | None
    first_day: date
    last_day: date  # the last day away; back the next morning
    status: VacationStatus
    started_at: datetime | None = None  # when it began (None: not yet)
    ended_at: datetime | None = None  # when it ended or was cancelled (None: not yet)


_COLUMNS = "id, team_id, member_id, deputy_id, first_day, last_day, status, started_at, ended_at"
_OPEN = "status IN ('planned', 'active')"


def _vacation(row: Row) -> VacationRecord:
    return VacationRecord(
        id=row["id"],
        team_id=row["team_id"],
        member_id=row["member_id"],
        deputy_id=row["deputy_id"],
        first_day=date.fromisoformat(row["first_day"]),
        last_day=date.fromisoformat(row["last_day"]),
        status=VacationStatus(row["status"]),
        started_at=from_db_optional(row["started_at"]),
        ended_at=from_db_optional(row["ended_at"]),
    )


class VacationRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(
        self,
        team_id: int,
        member_id: int,
        deputy_id: int | None,
        first_day: date,
        last_day: date,
        created_by: int,
        at: datetime,
    ) -> VacationRecord:
        row = await self._db.fetch_one(
            "INSERT INTO vacations (team_id, member_id, deputy_id, first_day, last_day, "
            f"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (
                team_id,
                member_id,
                deputy_id,
                first_day.isoformat(),
                last_day.isoformat(),
                created_by,
                to_db(at),
            ),
        )
        assert row is not None
        return _vacation(row)

    async def get(self, vacation_id: int) -> VacationRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM vacations WHERE id = ?", (vacation_id,)
        )
        return None if row is None else _vacation(row)

    async def open_of_team(self, team_id: int) -> list[VacationRecord]:
        """Current and coming vacations, soonest first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM vacations WHERE team_id = ? AND {_OPEN} "
            "ORDER BY first_day, id",
            (team_id,),
        )
        return [_vacation(row) for row in rows]

    async def kept_of_team(self, team_id: int, since: date) -> list[VacationRecord]:
        """Every vacation of the team not cancelled that ends on or after `since`: who was
        away when, for /replay."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM vacations WHERE team_id = ? AND status <> 'cancelled' "
            "AND last_day >= ? ORDER BY first_day, id",
            (team_id, since.isoformat()),
        )
        return [_vacation(row) for row in rows]

    async def open_of(self, member_id: int) -> list[VacationRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM vacations WHERE member_id = ? AND {_OPEN} "
            "ORDER BY first_day, id",
            (member_id,),
        )
        return [_vacation(row) for row in rows]

    async def start(self, vacation_id: int, at: datetime) -> bool:
        changed = await self._db.execute(
            "UPDATE vacations SET status = 'active', started_at = ? "
            "WHERE id = ? AND status = 'planned'",
            (to_db(at), vacation_id),
        )
        return changed == 1

    async def end(self, vacation_id: int, at: datetime) -> bool:
        changed = await self._db.execute(
            "UPDATE vacations SET status = 'ended', ended_at = ? "
            "WHERE id = ? AND status = 'active'",
            (to_db(at), vacation_id),
        )
        return changed == 1

    async def cancel(self, vacation_id: int, at: datetime) -> bool:
        changed = await self._db.execute(
            "UPDATE vacations SET status = 'cancelled', ended_at = ? "
            "WHERE id = ? AND status = 'planned'",
            (to_db(at), vacation_id),
        )
        return changed == 1
