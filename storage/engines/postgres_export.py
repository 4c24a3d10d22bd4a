"""The export's reader on PostgreSQL: a connection of its own, in the export's thread.

The export writes its workbook in a worker thread, pulling rows as it goes. Here that
thread drives its own event loop and connection, reading a server-side cursor a batch at a
time in one read-only snapshot: the bot's pool and loop are never held.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import asyncpg

from storage.clock_format import to_db
from storage.engines.postgres_sql import numbered
from storage.reading.export import (
    BATCH,
    EVENTS_SQL,
    ExportEvent,
    ExportLead,
    export_event,
    export_lead,
    leads_sql,
)


class PostgresExportReader:
    def __init__(self, url: str) -> None:
        self._url = url

    def leads(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportLead]:
        sql = leads_sql("(CAST(e.details AS json) ->> 'text')")
        for row in self._batches(sql, (team_id, to_db(since), to_db(until))):
            yield export_lead(row)

    def events(self, team_id: int, since: datetime, until: datetime) -> Iterator[ExportEvent]:
        for row in self._batches(EVENTS_SQL, (team_id, to_db(since), to_db(until))):
            yield export_event(row)

    def _batches(self, sql: str, params: tuple[object, ...]) -> Iterator[Sequence[object]]:
        loop = asyncio.new_event_loop()
        run = loop.run_until_complete
        try:
            conn: asyncpg.Connection[Any] = run(asyncpg.connect(self._url))
            try:
                transaction = conn.transaction(isolation="repeatable_read", readonly=True)
                run(transaction.start())
                cursor = run(conn.cursor(numbered(sql), *params))
                while rows := run(cursor.fetch(BATCH)):
                    yield from (tuple(row.values()) for row in rows)
                run(transaction.rollback())
            finally:
                run(conn.close())
        finally:
            loop.close()
