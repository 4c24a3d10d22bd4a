"""Leases and notifications on PostgreSQL: which process does the once-only work, and how
the others wake it.

A lease is a row held until a moment by the server's clock (so the processes' own clocks
never have to agree), renewed by its holder and taken over once it lapses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import asyncpg

from storage.engines.postgres_conn import Raw

log = logging.getLogger("storage.db")

_HOLD = (
    "INSERT INTO leases (name, holder, expires_at) "
    "VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3)) "
    "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
    "WHERE leases.holder = excluded.holder OR leases.expires_at < clock_timestamp() "
    "RETURNING holder"
)


async def hold(pool: asyncpg.Pool[Any], name: str, holder: str, seconds: float) -> bool:
    """Take or renew the lease `name` for `seconds`: True if `holder` has it now."""
    async with pool.acquire() as conn:
        return await conn.fetchval(_HOLD, name, holder, float(seconds)) is not None


async def let_go(pool: asyncpg.Pool[Any], name: str, holder: str) -> None:
    async with pool.acquire() as conn:
        await conn.execute("DELETE FROM leases WHERE name = $1 AND holder = $2", name, holder)


async def live_holder(conn: Raw, name: str) -> str | None:
    """Who holds `name` now, if anybody (a lease lapsed is nobody's)."""
    found: str | None = await conn.fetchval(
        "SELECT holder FROM leases WHERE name = $1 AND expires_at > clock_timestamp()", name
    )
    return found


def _heard(handler: Callable[[str], None]) -> Callable[[Any, int, str, object], None]:
    def heard(_conn: Any, _pid: int, _channel: str, payload: object) -> None:
        handler(str(payload))

    return heard


class Listening:
    """A connection of its own that hears the channels' notifications until closed."""

    def __init__(self, conn: asyncpg.Connection[Any]) -> None:
        self._conn = conn

    @classmethod
    async def start(cls, url: str, handlers: Mapping[str, Callable[[str], None]]) -> Listening:
        conn = await asyncpg.connect(url)
        for channel, handler in handlers.items():

            def heard(
                _conn: object, _pid: int, _channel: str, payload: object, *, to: Any = handler
            ) -> None:
                to(str(payload))

            await conn.add_listener(channel, heard)
        return cls(conn)

    @property
    def alive(self) -> bool:
        return not self._conn.is_closed()

    async def close(self) -> None:
        if not self._conn.is_closed():
            await self._conn.close()
