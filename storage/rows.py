"""Reads in one trip to the connection's thread.

aiosqlite runs each call on its own thread: `async with execute() as cur: await
cur.fetchone()` is three trips (execute, fetch, close), each a hop there and back through
the event loop. These run the statement and collect its rows in one.
"""

from __future__ import annotations

from collections.abc import Iterable

import aiosqlite


async def fetch_one(
    db: aiosqlite.Connection, sql: str, params: Iterable[object] = ()
) -> aiosqlite.Row | None:
    """The first row of a statement expected to give at most a few."""
    return next(iter(await db.execute_fetchall(sql, tuple(params))), None)


async def fetch_all(
    db: aiosqlite.Connection, sql: str, params: Iterable[object] = ()
) -> list[aiosqlite.Row]:
    return list(await db.execute_fetchall(sql, tuple(params)))
