"""Count the SQL statements a piece of work sends through the shared connection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite

_CALLS = ("execute", "execute_fetchall")


@contextmanager
def counting(conn: aiosqlite.Connection) -> Iterator[list[str]]:
    """Every statement executed on `conn` meanwhile, BEGIN and COMMIT included (a trigger's
    work counts as part of the statement that fired it, as SQLite runs it)."""
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
