"""Count the SQL statements a piece of work sends through the shared connection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite


@contextmanager
def counting(conn: aiosqlite.Connection) -> Iterator[list[str]]:
    """Every statement executed on `conn` meanwhile, BEGIN and COMMIT included (a trigger's
    work counts as part of the statement that fired it, as SQLite runs it)."""
    seen: list[str] = []
    execute = conn.execute

    def counted(sql: str, parameters: Any = None) -> Any:
        seen.append(" ".join(sql.split()))
        return execute(sql, parameters)

    conn.execute = counted  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del conn.execute  # type: ignore[method-assign]
