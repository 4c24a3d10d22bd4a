"""Count the SQL statements a piece of work sends through the shared connection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from storage import Database
from storage.engines.sqlite import SqliteConn

_CALLS = ("execute", "execute_fetchall")


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    """Every statement executed on the SQLite connection of `db` meanwhile, BEGIN and COMMIT
    included (a trigger's work counts as part of the statement that fired it, as SQLite
    runs it)."""
    assert isinstance(db.conn, SqliteConn), "statements are counted on SQLite"
    conn = db.conn.raw
    seen: list[str] = []

    def counted(call: Any) -> Any:
        def run(sql: str, parameters: Any = None) -> Any:
            seen.append(" ".join(sql.split()))
            return call(sql, parameters)

        return run

    for name in _CALLS:
        setattr(conn, name, counted(getattr(conn, name)))
    try:
        yield seen
    finally:
        for name in _CALLS:
            delattr(conn, name)
