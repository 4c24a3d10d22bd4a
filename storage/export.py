"""A team's leads and their history, read for an export.

An export of 100,000 leads takes tens of seconds to write. It runs in a worker thread on a
read-only connection of its own (WAL lets it read while the bot writes), a batch at a time:
the bot's connection is never held, and the rows are never all in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.clock_format import from_db, from_db_optional, to_db

BATCH = 2000


@dataclass(frozen=True)
class ExportLead:
    id: int
    created_at: datetime
    channel: str | None
    source: str | None  # the intake link it came through, by name
    region: str | None
    industry: str | None
    company: str | None
    name: str | None
    phone: str | None
    email: str | None
    status: str
    owner: str | None
    taken_at: datetime | None
    take_seconds: float | None
    closed_at: datetime | None
    lost_reason: str | None
    message: str | None
    lost_note: str | None = None  # the owner's own words for "another reason"


@dataclass(frozen=True)
class ExportEvent:
    lead_id: int
    at: datetime
    kind: str
    member: str | None
    reason: str | None
    details: dict[str, object]


class ExportReader:
    def __init__(self, path: Path) -> None:
        self._path = path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
        conn.execute("PRAGMA query_only = ON")
        return conn

    def leads(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportLead]:
        """The team's leads that arrived in [since, until), oldest first."""
        with closing(self._connect()) as conn:
            cursor = conn.execute(
                "SELECT l.id, l.created_at, l.channel, s.name, l.region, l.industry, "
                "l.company, l.name, l.phone, l.email, l.status, m.full_name, l.taken_at, "
                "l.take_seconds, l.closed_at, l.lost_reason, l.message, "
                "CASE WHEN l.status = 'lost' THEN (SELECT json_extract(e.details, '$.text') "
                "FROM lead_events AS e WHERE e.lead_id = l.id AND e.kind = 'lost_note' "
                "ORDER BY e.id DESC LIMIT 1) END FROM leads AS l "
                "LEFT JOIN members AS m ON m.id = l.owner_id "
                "LEFT JOIN sources AS s ON s.id = l.source_id "
                "WHERE l.team_id = ? AND l.created_at >= ? AND l.created_at < ? ORDER BY l.id",
                (team_id, to_db(since), to_db(until)),
            )
            while rows := cursor.fetchmany(BATCH):
                yield from (_lead(row) for row in rows)

    def events(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportEvent]:
        """The history of the same leads, event by event, in order."""
        with closing(self._connect()) as conn:
            cursor = conn.execute(
                "SELECT e.lead_id, e.at, e.kind, m.full_name, e.reason, e.details "
                "FROM lead_events AS e JOIN leads AS l ON l.id = e.lead_id "
                "LEFT JOIN members AS m ON m.id = e.member_id "
                "WHERE l.team_id = ? AND l.created_at >= ? AND l.created_at < ? "
                "ORDER BY e.lead_id, e.id",
                (team_id, to_db(since), to_db(until)),
            )
            while rows := cursor.fetchmany(BATCH):
                for lead_id, at, kind, member, reason, details in rows:
                    yield ExportEvent(
                        lead_id, from_db(at), kind, member, reason, json.loads(details or "{}")
                    )


def _lead(row: tuple[object, ...]) -> ExportLead:
    def text(index: int) -> str | None:
        value = row[index]
        return None if value is None else str(value)

    seconds = row[13]
    return ExportLead(
        id=int(str(row[0])),
        created_at=from_db(str(row[1])),
        channel=text(2),
        source=text(3),
        region=text(4),
        industry=text(5),
        company=text(6),
        name=text(7),
        phone=text(8),
        email=text(9),
        status=str(row[10]),
        owner=text(11),
        taken_at=from_db_optional(text(12)),
        take_seconds=None if seconds is None else float(str(seconds)),
        closed_at=from_db_optional(text(14)),
        lost_reason=text(15),
        message=text(16),
        lost_note=text(17),
    )
