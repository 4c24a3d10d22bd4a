"""Deadlines as rows: a lead's reminders and timeouts, a vacation's start and end, a team's
opening. The scheduler only wakes the code; this table decides what is due, and `fire`
lets each row fire once however often the code is woken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.clock_format import from_db, to_db
from storage.driver import Conn, Row


class TimerKind(StrEnum):
    CLAIM_REMIND = "claim_remind"  # a card unclaimed in the team chat: remind the chat
    CLAIM_ESCALATE = "claim_escalate"  # still unclaimed: tell the heads
    HEADS_WAIT = "heads_wait"  # no head chose a manager: the team chat may claim it
    ACCEPT_TIMEOUT = "accept_timeout"  # an offer not accepted: pass it on
    OUTCOME_REMIND = "outcome_remind"  # taken with no outcome: remind the owner
    CONTACT_REMIND = "contact_remind"  # taken, the client not reached yet: remind the owner
    CONTACT_TIMEOUT = "contact_timeout"  # still not reached: the lead goes on
    VACATION_START = "vacation_start"
    VACATION_END = "vacation_end"
    OPENING = "opening"  # the team starts work: route the leads that waited
    WEEKLY_REPORT = "weekly_report"  # Monday morning: last week's figures to the heads


LEAD_KINDS = (
    TimerKind.CLAIM_REMIND,
    TimerKind.CLAIM_ESCALATE,
    TimerKind.HEADS_WAIT,
    TimerKind.ACCEPT_TIMEOUT,
    TimerKind.OUTCOME_REMIND,
    TimerKind.CONTACT_REMIND,
    TimerKind.CONTACT_TIMEOUT,
)


@dataclass(frozen=True)
class TimerRecord:
    id: int
    team_id: int
    kind: TimerKind
    due_at: datetime
    lead_id: int | None = None
    member_id: int | None = None
    vacation_id: int | None = None
    since: datetime | None = None  # when what it measures began (a lead's timers)


_COLUMNS = "id, team_id, kind, due_at, lead_id, member_id, vacation_id, since_at, created_at"
_PENDING = "fired_at IS NULL AND cancelled_at IS NULL"


def _timer(row: Row) -> TimerRecord:
    return TimerRecord(
        id=row["id"],
        team_id=row["team_id"],
        kind=TimerKind(row["kind"]),
        due_at=from_db(row["due_at"]),
        lead_id=row["lead_id"],
        member_id=row["member_id"],
        vacation_id=row["vacation_id"],
        since=from_db(row["since_at"] or row["created_at"]),
    )


class TimerRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(
        self,
        team_id: int,
        kind: TimerKind,
        due_at: datetime,
        at: datetime,
        *,
        lead_id: int | None = None,
        member_id: int | None = None,
        vacation_id: int | None = None,
        since: datetime | None = None,
    ) -> TimerRecord:
        """A timer due at `due_at`, written at `at`; `since` is when the wait it measures
        began (`at` when not given)."""
        row = await self._db.fetch_one(
            "INSERT INTO timers (team_id, kind, lead_id, member_id, vacation_id, due_at, "
            f"created_at, since_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (
                team_id,
                kind.value,
                lead_id,
                member_id,
                vacation_id,
                to_db(due_at),
                to_db(at),
                to_db(since or at),
            ),
        )
        assert row is not None
        return _timer(row)

    async def fire(self, timer_id: int, at: datetime) -> bool:
        """Mark a timer fired; exactly one caller gets True."""
        changed = await self._db.execute(
            f"UPDATE timers SET fired_at = ? WHERE id = ? AND {_PENDING}", (to_db(at), timer_id)
        )
        return changed == 1

    async def failed(self, timer_id: int, at: datetime, error: str) -> None:
        """A timer whose work raised is done with, not woken again and again."""
        await self._db.execute(
            f"UPDATE timers SET fired_at = ?, error = ? WHERE id = ? AND {_PENDING}",
            (to_db(at), error[:500], timer_id),
        )

    async def cancel(self, timer_id: int, at: datetime) -> None:
        await self._db.execute(
            f"UPDATE timers SET cancelled_at = ? WHERE id = ? AND {_PENDING}", (to_db(at), timer_id)
        )

    async def cancel_for_lead(self, lead_id: int, at: datetime) -> int:
        return await self._db.execute(
            f"UPDATE timers SET cancelled_at = ? WHERE lead_id = ? AND {_PENDING}",
            (to_db(at), lead_id),
        )

    async def cancel_for_vacation(self, vacation_id: int, at: datetime) -> int:
        return await self._db.execute(
            f"UPDATE timers SET cancelled_at = ? WHERE vacation_id = ? AND {_PENDING}",
            (to_db(at), vacation_id),
        )

    async def move(self, timer_id: int, due_at: datetime, since: datetime | None = None) -> None:
        """A new due time (and, with `since`, a new start of what the timer measures)."""
        await self._db.execute(
            f"UPDATE timers SET due_at = ?, since_at = COALESCE(?, since_at) WHERE id = ? "
            f"AND {_PENDING}",
            (to_db(due_at), None if since is None else to_db(since), timer_id),
        )

    async def due(self, now: datetime, limit: int = 100) -> list[TimerRecord]:
        # Of timers due at the same moment the weekly report goes last: due with the Monday
        # opening, it describes the week as the day starts, after the opening has offered
        # what waited overnight (otherwise it would call those leads waiting).
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM timers WHERE {_PENDING} AND due_at <= ? "
            "ORDER BY due_at, CASE kind WHEN ? THEN 1 ELSE 0 END, id LIMIT ?",
            (to_db(now), TimerKind.WEEKLY_REPORT.value, limit),
        )
        return [_timer(row) for row in rows]

    async def last_fired(self, team_id: int, kind: TimerKind, before: int) -> datetime | None:
        """When a timer of `kind` of the team last fired (of those written before the timer
        `before`): the previous opening, say."""
        row = await self._db.fetch_one(
            "SELECT MAX(fired_at) FROM timers WHERE team_id = ? AND kind = ? AND id < ? "
            "AND fired_at IS NOT NULL AND error IS NULL",
            (team_id, kind.value, before),
        )
        return None if row is None or row[0] is None else from_db(row[0])

    async def earliest(self) -> datetime | None:
        row = await self._db.fetch_one(f"SELECT MIN(due_at) FROM timers WHERE {_PENDING}")
        return None if row is None or row[0] is None else from_db(row[0])

    async def pending(
        self, team_id: int, kinds: tuple[TimerKind, ...] | None = None
    ) -> list[TimerRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM timers WHERE team_id = ? AND {_PENDING} ORDER BY due_at, id",
            (team_id,),
        )
        found = [_timer(row) for row in rows]
        return found if kinds is None else [t for t in found if t.kind in kinds]

    async def for_lead(self, lead_id: int) -> list[TimerRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM timers WHERE lead_id = ? AND {_PENDING} ORDER BY due_at",
            (lead_id,),
        )
        return [_timer(row) for row in rows]
