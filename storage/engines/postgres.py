"""PostgreSQL: a pool of connections that any number of bot processes may share.

Writes keep SQLite's semantics: one write transaction at a time, here across every process
on the database, by a transaction-scoped advisory lock taken first thing. A unit's reads and
checks then see exactly what they would on SQLite, and the use cases need no retry loops
for serialisation failures. Reads run in a read-only REPEATABLE READ transaction: one
consistent state, without waiting for writers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager, suppress
from importlib import resources
from typing import Any

import asyncpg

from storage.engines import postgres_lease
from storage.engines.base import BeforeMigrating, FailureLog, Listener
from storage.engines.postgres_conn import UNAVAILABLE, PooledConn, PostgresConn, Raw, prepare
from storage.engines.postgres_export import PostgresExportReader
from storage.errors import (
    CannotOpenError,
    MigrationError,
    SchemaTooNewError,
    StorageUnavailableError,
)
from storage.migrating import Migration, load_migrations
from storage.reading.export import ExportReader

log = logging.getLogger("storage.db")

# The advisory lock every write transaction holds (any constant; ours spells "leadbot").
WRITE_LOCK = 0x6C656164626F74
# The version SQLite's migrations have reached when the PostgreSQL schema begins.
BASELINE = 17


def postgres_migrations() -> list[Migration]:
    """The baseline (SQLite's migrations up to BASELINE, at once) and those after it."""
    return load_migrations(resources.files("storage") / "migrations" / "postgres", BASELINE)


class PostgresEngine:
    name = "postgresql"

    def __init__(self, pool: asyncpg.Pool[Any], url: str) -> None:
        self.url = url
        self.conn = PooledConn(pool)
        self.failures = FailureLog()
        self._pool = pool
        # Writers of this process queue here rather than each holding a pooled connection
        # while waiting for the advisory lock.
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, url: str, size: int = 10) -> PostgresEngine:
        try:
            pool = await asyncpg.create_pool(
                url, min_size=1, max_size=size, init=prepare, timeout=10
            )
        except (*UNAVAILABLE, TimeoutError) as error:
            # The server is not there yet (a machine that boots before its database): the
            # caller may wait for it. A refused password or a missing database is final.
            raise StorageUnavailableError(f"{safe_url(url)}: {error or 'timed out'}") from error
        except asyncpg.PostgresError as error:
            raise CannotOpenError(f"{safe_url(url)}: {error}") from error
        return cls(pool, url)

    async def close(self) -> None:
        await self._pool.close()

    async def schema_version(self) -> int:
        async with self._pool.acquire() as raw:
            return await schema_version_of(raw)

    async def migrate(self, before_migrating: BeforeMigrating | None) -> None:
        migrations = postgres_migrations()
        known = migrations[-1].version
        try:
            async with self._pool.acquire() as raw, raw.transaction():
                # Two processes starting at once: one migrates, the other then finds it done.
                await raw.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
                await raw.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)"
                )
                current = await schema_version_of(raw)
                if current > known:
                    raise SchemaTooNewError(
                        f"database schema is version {current}, this bot knows up to {known}"
                    )
                pending = [m for m in migrations if m.version > current]
                if pending and current > 0 and before_migrating is not None:
                    await asyncio.to_thread(before_migrating, pending[0].version)
                for migration in pending:
                    log.info("applying migration %s", migration.name)
                    try:
                        await raw.execute(migration.sql)
                    except asyncpg.PostgresError as error:
                        raise MigrationError(f"{migration.name}: {error}") from error
                if pending:
                    await raw.execute("DELETE FROM schema_version")
                    await raw.execute(
                        "INSERT INTO schema_version (version) VALUES ($1)", pending[-1].version
                    )
        except UNAVAILABLE as error:
            raise StorageUnavailableError(f"{safe_url(self.url)}: {error}") from error

    @asynccontextmanager
    async def write(self, wait: float | None) -> AsyncIterator[PostgresConn]:
        deadline = await self.failures.queue(self._lock, wait)
        try:
            async with self._transaction(deadline) as conn:
                yield conn
        finally:
            self._lock.release()

    @asynccontextmanager
    async def _transaction(self, deadline: float | None) -> AsyncIterator[PostgresConn]:
        try:
            raw = await self._pool.acquire(timeout=_left(deadline))
        except (*UNAVAILABLE, TimeoutError) as error:
            self.failures.failed(str(error) or "no connection to the database")
            raise StorageUnavailableError(str(error)) from error
        try:
            transaction = raw.transaction()
            try:
                await transaction.start()
                if deadline is not None:
                    ms = max(1, int((deadline - time.monotonic()) * 1000))
                    await raw.execute(f"SET LOCAL lock_timeout = {ms:d}")
                await raw.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
                if deadline is not None:
                    await raw.execute("SET LOCAL lock_timeout = 0")
            except UNAVAILABLE as error:
                await _quietly(transaction.rollback())
                self.failures.failed(str(error))
                raise StorageUnavailableError(str(error)) from error
            conn = PostgresConn(raw)
            try:
                yield conn
            except UNAVAILABLE as error:
                await _quietly(transaction.rollback())
                self.failures.failed(str(error))
                raise StorageUnavailableError(str(error)) from error
            except BaseException:
                await _quietly(transaction.rollback())
                raise
            finally:
                conn.open = False
            try:
                await transaction.commit()
            except UNAVAILABLE as error:
                self.failures.failed(str(error))
                raise StorageUnavailableError(str(error)) from error
        finally:
            await self._pool.release(raw)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[PostgresConn]:
        try:
            async with (
                self._pool.acquire() as raw,
                raw.transaction(isolation="repeatable_read", readonly=True),
            ):
                conn = PostgresConn(raw)
                try:
                    yield conn
                finally:
                    conn.open = False
        except (*UNAVAILABLE, asyncpg.PostgresError) as error:
            # As on SQLite: whatever the driver raised in a read is storage's trouble.
            raise StorageUnavailableError(str(error)) from error

    def export_reader(self) -> ExportReader:
        return PostgresExportReader(self.url)

    async def ping(self) -> bool:
        try:
            async with asyncio.timeout(5):
                return await self.conn.fetch_one("SELECT COUNT(*) FROM teams") is not None
        except (*UNAVAILABLE, TimeoutError, asyncpg.PostgresError):
            return False

    async def hold(self, name: str, holder: str, seconds: float) -> bool:
        try:
            async with asyncio.timeout(seconds / 2):
                return await postgres_lease.hold(self._pool, name, holder, seconds)
        except (*UNAVAILABLE, TimeoutError, asyncpg.PostgresError) as error:
            log.warning("could not renew the %s lease: %s", name, error)
            return False

    async def let_go(self, name: str, holder: str) -> None:
        with suppress(*UNAVAILABLE, TimeoutError, asyncpg.PostgresError):
            async with asyncio.timeout(5):
                await postgres_lease.let_go(self._pool, name, holder)

    async def live_holder(self, name: str) -> str | None:
        async with self._pool.acquire() as raw:
            return await postgres_lease.live_holder(raw, name)

    async def listen(self, handlers: Mapping[str, Callable[[str], None]]) -> Listener:
        return await postgres_lease.Listening.start(self.url, handlers)


async def schema_version_of(raw: Raw) -> int:
    """The version of the schema on the connection's database; 0 for an empty one. It only
    reads (`check` uses it too)."""
    if not await raw.fetchval("SELECT to_regclass('schema_version') IS NOT NULL"):
        return 0
    version = await raw.fetchval("SELECT MAX(version) FROM schema_version")
    return int(version or 0)


def _left(deadline: float | None) -> float | None:
    return None if deadline is None else max(0.001, deadline - time.monotonic())


async def _quietly(rollback: Any) -> None:
    # The connection may be gone already; the transaction then went with it.
    with suppress(*UNAVAILABLE):
        await rollback


def safe_url(url: str) -> str:
    """The URL without its password, for a message that may reach a log."""
    head, at, tail = url.rpartition("@")
    if not at:
        return url
    scheme, _, credentials = head.partition("://")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{tail}"
