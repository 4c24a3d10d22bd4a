"""A read-only look at a PostgreSQL database for `check`: reachable, which schema, whole."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

import asyncpg

from storage.engines.postgres import postgres_migrations, safe_url, schema_version_of
from storage.engines.postgres_conn import UNAVAILABLE
from storage.engines.postgres_lease import live_holder

_TABLE = re.compile(r"^CREATE TABLE (\w+)", re.M)


@dataclass(frozen=True)
class Examined:
    where: str  # the URL without its password
    known: int  # the newest schema this bot makes
    version: int = 0  # 0: no schema yet
    missing: tuple[str, ...] = ()
    leader: str | None = None
    error: str | None = None


async def examine_postgres(url: str, lease: str) -> Examined:
    """What `check` says of the database at `url`, and who holds `lease` there now."""
    migrations = postgres_migrations()
    known = migrations[-1].version
    where = safe_url(url)
    try:
        async with asyncio.timeout(10):
            conn: asyncpg.Connection[Any] = await asyncpg.connect(url)
    except (*UNAVAILABLE, TimeoutError, asyncpg.PostgresError) as error:
        return Examined(where, known, error=str(error) or type(error).__name__)
    try:
        async with conn.transaction(readonly=True):
            version = await schema_version_of(conn)
            if version == 0:
                return Examined(where, known)
            have = {
                row[0]
                for row in await conn.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            want = {
                name for m in migrations if m.version <= version for name in _TABLE.findall(m.sql)
            }
            leader = await live_holder(conn, lease) if "leases" in have else None
    finally:
        await conn.close()
    return Examined(where, known, version, tuple(sorted(want - have)), leader)
