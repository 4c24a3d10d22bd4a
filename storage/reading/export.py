"""A team's leads and their history, read for an export.

An export of 100,000 leads takes tens of seconds to write. It runs in a worker thread, a
batch at a time, on a connection of its own (on SQLite a read-only one: WAL lets it read
while the bot writes): the bot's connection is never held, and the rows are never all in
memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from storage.clock_format import from_db, from_db_optional, to_db

BATCH = 2000


@dataclass(frozen=True)
class ExportLead:
    id: int
    created_at: datetime
    channel: str | None
    source: str | None  # the intake link it came through, by name
    region: str | None  # where the client works
    industry: str | None
    product: str | None
    company: str | None
    name: str | None
    phone: str | None
    email: str | None
    tax_id: str | None
    status: str
    owner: str | None  # who has it now (or closed it)
    cover_for: str | None  # the manager the owner stands in for, on their vacation
    taker: str | None  # who took it first (a deputy's take is the deputy's)
    taken_at: datetime | None  # first taken
    closed_at: datetime | None
    lost_reason: str | None
    message: str | None
    lost_note: str | None = None  # the owner's own words for "another reason"
    contacted_at: datetime | None = None  # the first contact with the client
    won_amount: int | None = None  # what the deal was worth, when told
    extra: Mapping[str, str] = field(default_factory=dict)  # the form's other fields


@dataclass(frozen=True)
class ExportEvent:
    lead_id: int
    at: datetime
    kind: str
    member: str | None
    reason: str | None
    details: dict[str, object]


def read_only(path: Path) -> sqlite3.Connection:
    """The database at `path`, for reading only: its name goes into a URI escaped."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = ON")
    return conn


def leads_sql(lost_note: str) -> str:
    """The export's leads, with `lost_note` the engine's way to read a lost note's text
    from the event's JSON details (`e.details`)."""
    return (
        "SELECT l.id, l.created_at, l.channel, s.name, l.region, l.industry, l.product, "
        "l.company, l.name, l.phone, l.email, l.tax_id, l.status, m.full_name, "
        "c.full_name, t.full_name, l.first_taken_at, l.closed_at, l.lost_reason, "
        "l.message, CASE WHEN l.status = 'lost' THEN (SELECT "
        f"{lost_note} FROM lead_events AS e WHERE e.lead_id = l.id AND e.kind = 'lost_note' "
        "ORDER BY e.id DESC LIMIT 1) END, l.extra, l.contacted_at, l.won_amount FROM leads AS l "
        "LEFT JOIN members AS m ON m.id = l.owner_id "
        "LEFT JOIN members AS c ON c.id = l.cover_for "
        "LEFT JOIN members AS t ON t.id = l.first_taker_id "
        "LEFT JOIN sources AS s ON s.id = l.source_id "
        "WHERE l.team_id = ? AND l.created_at >= ? AND l.created_at < ? ORDER BY l.id"
    )


EVENTS_SQL = (
    "SELECT e.lead_id, e.at, e.kind, m.full_name, e.reason, e.details "
    "FROM lead_events AS e JOIN leads AS l ON l.id = e.lead_id "
    "LEFT JOIN members AS m ON m.id = e.member_id "
    "WHERE l.team_id = ? AND l.created_at >= ? AND l.created_at < ? "
    "ORDER BY e.lead_id, e.id"
)


class ExportReader(Protocol):
    def leads(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportLead]:
        """The team's leads that arrived in [since, until), oldest first."""
        ...

    def events(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportEvent]:
        """The history of the same leads, event by event, in order."""
        ...


class SqliteExportReader:
    def __init__(self, path: Path) -> None:
        self._path = path

    def leads(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportLead]:
        sql = leads_sql("json_extract(e.details, '$.text')")
        for row in self._batches(sql, (team_id, to_db(since), to_db(until))):
            yield export_lead(row)

    def events(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportEvent]:
        for row in self._batches(EVENTS_SQL, (team_id, to_db(since), to_db(until))):
            yield export_event(row)

    def _batches(self, sql: str, params: tuple[object, ...]) -> Iterator[tuple[object, ...]]:
        with closing(read_only(self._path)) as conn:
            cursor = conn.execute(sql, params)
            while rows := cursor.fetchmany(BATCH):
                yield from rows


def export_event(row: Sequence[object]) -> ExportEvent:
    lead_id, at, kind, member, reason, details = row
    return ExportEvent(
        int(str(lead_id)),
        from_db(str(at)),
        str(kind),
        None if member is None else str(member),
        None if reason is None else str(reason),
        json.loads(str(details or "{}")),
    )


def export_lead(row: Sequence[object]) -> ExportLead:
    def text(index: int) -> str | None:
        value = row[index]
        return None if value is None else str(value)

    extra = json.loads(str(row[21] or "{}"))
    return ExportLead(
        id=int(str(row[0])),
        created_at=from_db(str(row[1])),
        channel=text(2),
        source=text(3),
        region=text(4),
        industry=text(5),
        product=text(6),
        company=text(7),
        name=text(8),
        phone=text(9),
        email=text(10),
        tax_id=text(11),
        status=str(row[12]),
        owner=text(13),
        cover_for=text(14),
        taker=text(15),
        taken_at=from_db_optional(text(16)),
        closed_at=from_db_optional(text(17)),
        lost_reason=text(18),
        message=text(19),
        lost_note=text(20),
        contacted_at=from_db_optional(text(22)),
        won_amount=None if row[23] is None else int(str(row[23])),
        extra=extra if isinstance(extra, dict) else {},
    )
