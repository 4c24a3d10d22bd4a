"""SQLite: one file, one connection per process, its pragmas, migrations and write lock."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage.driver import SQLITE, Dialect, Params, Row, UnitEndedError
from storage.engines.base import BeforeMigrating, Deaf, FailureLog, Listener
from storage.errors import (
    CannotOpenError,
    MigrationError,
    SchemaTooNewError,
    StorageUnavailableError,
    UniqueViolationError,
)
from storage.files import secure_files
from storage.migrating import Migration, load_migrations, split_statements
from storage.reading.export import ExportReader, SqliteExportReader

log = logging.getLogger("storage.db")

DEFAULT_BUSY_MS = 5000


def _unique(error: sqlite3.IntegrityError) -> Exception:
    if "UNIQUE" in str(error):
        return UniqueViolationError(str(error))
    return error


class SqliteConn:
    """The driver calls over aiosqlite, each one trip to the connection's thread:
    `execute_fetchall` runs the statement and collects its rows at once, where a cursor's
    execute, fetch and close would be three."""

    def __init__(self, raw: aiosqlite.Connection) -> None:
        self.raw = raw
        self.open = True  # False once its unit's transaction has ended

    @property
    def dialect(self) -> Dialect:
        return SQLITE

    async def fetch_one(self, sql: str, params: Params = (), /) -> Row | None:
        return next(iter(await self.fetch_all(sql, params)), None)

    async def fetch_all(self, sql: str, params: Params = (), /) -> list[Row]:
        if not self.open:
            raise UnitEndedError(sql)
        try:
            return list(await self.raw.execute_fetchall(sql, tuple(params)))
        except sqlite3.IntegrityError as error:
            raise _unique(error) from error

    async def execute(self, sql: str, params: Params = (), /) -> int:
        if not self.open:
            raise UnitEndedError(sql)
        try:
            cursor = await self.raw.execute(sql, tuple(params))
        except sqlite3.IntegrityError as error:
            raise _unique(error) from error
        return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Sequence[object]], /) -> None:
        if not self.open:
            raise UnitEndedError(sql)
        try:
            await self.raw.executemany(sql, rows)
        except sqlite3.IntegrityError as error:
            raise _unique(error) from error


class SqliteEngine:
    """aiosqlite runs every statement of one connection on one thread, but coroutines can
    interleave their statements; a transaction holds a lock so that its statements are
    never mixed with another coroutine's."""

    name = "sqlite"

    def __init__(self, raw: aiosqlite.Connection, path: Path) -> None:
        self.conn = SqliteConn(raw)
        self.path = path  # a long read (an export) opens a connection of its own
        self.failures = FailureLog()
        self._raw = raw
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> SqliteEngine:
        try:
            secure_files(path)
        except OSError as error:
            raise CannotOpenError(f"{path}: {error}") from error
        # isolation_level=None: we issue BEGIN ourselves, the sqlite3 module never does.
        connecting = aiosqlite.connect(path, isolation_level=None)
        try:
            raw = await connecting
        except sqlite3.Error as error:
            # aiosqlite leaves the connection's thread waiting when the file cannot be
            # opened (a folder, no permission): it is stopped here, not left behind.
            connecting.stop()
            raise CannotOpenError(f"{path}: {error}") from error
        try:
            raw.row_factory = aiosqlite.Row
            await raw.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed lead survives power loss, which is what a 201 promises.
            await raw.execute("PRAGMA synchronous = FULL")
            await raw.execute("PRAGMA foreign_keys = ON")
            await raw.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_MS:d}")
        except sqlite3.Error as error:
            await raw.close()
            raise CannotOpenError(f"{path}: {error}") from error
        return cls(raw, path)

    async def close(self) -> None:
        await self._raw.close()

    async def schema_version(self) -> int:
        row = await self.conn.fetch_one("PRAGMA user_version")
        assert row is not None
        return int(row[0])

    async def migrate(self, before_migrating: BeforeMigrating | None) -> None:
        try:
            migrations = load_migrations()
            current = await self.schema_version()
            if current > len(migrations):
                raise SchemaTooNewError(
                    f"database schema is version {current}, this bot knows up to {len(migrations)}"
                )
            pending = migrations[current:]
            if pending and current > 0 and before_migrating is not None:
                await asyncio.to_thread(before_migrating, pending[0].version)
            for migration in pending:
                log.info("applying migration %s", migration.name)
                await self._apply(migration)
        except sqlite3.Error as error:
            raise CannotOpenError(f"{self.path}: {error}") from error

    async def _apply(self, migration: Migration) -> None:
        # A table is rebuilt by create, copy, drop, rename; with foreign keys enforced the
        # drop of a referenced table fails. The pragma is ignored inside a transaction, so
        # it is switched off around it, and the references are checked before the commit.
        # legacy_alter_table: the final rename must not re-check triggers that name the
        # table (they named the dropped one, and resolve to the new one by name).
        raw = self._raw
        await raw.execute("PRAGMA foreign_keys = OFF")
        await raw.execute("PRAGMA legacy_alter_table = ON")
        try:
            async with self.write(None):
                # executescript would COMMIT our transaction first, so run statements one by one.
                for statement in split_statements(migration.sql):
                    await raw.execute(statement)
                broken = await self.conn.fetch_all("PRAGMA foreign_key_check")
                if broken:
                    found = ", ".join(f"{row[0]} row {row[1]} -> {row[2]}" for row in broken[:5])
                    raise MigrationError(f"{migration.name} breaks references: {found}")
                await raw.execute(f"PRAGMA user_version = {migration.version:d}")
        finally:
            await raw.execute("PRAGMA legacy_alter_table = OFF")
            await raw.execute("PRAGMA foreign_keys = ON")

    @asynccontextmanager
    async def write(self, wait: float | None) -> AsyncIterator[SqliteConn]:
        deadline = await self.failures.queue(self._lock, wait)
        conn = SqliteConn(self._raw)
        try:
            await self._begin(deadline)
            try:
                yield conn
            except sqlite3.OperationalError as error:
                # A full disk, a lost file, a lock that outlasted busy_timeout: the
                # storage's trouble, not the caller's bug.
                await self._rollback()
                self.failures.failed(str(error))
                raise StorageUnavailableError(str(error)) from error
            except BaseException:
                await self._rollback()
                raise
            try:
                await self._raw.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self.failures.failed(str(error))
                await self._rollback()
                raise StorageUnavailableError(str(error)) from error
        finally:
            conn.open = False
            self._lock.release()

    async def _begin(self, deadline: float | None) -> None:
        # IMMEDIATE takes the write lock now, so a second process waits instead of failing
        # later with "database is locked" halfway through.
        raw = self._raw
        if deadline is not None:
            left = max(1, int((deadline - time.monotonic()) * 1000))
            await raw.execute(f"PRAGMA busy_timeout = {left:d}")
        try:
            await raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            self.failures.failed(str(error))
            raise StorageUnavailableError(str(error)) from error
        finally:
            if deadline is not None:
                await raw.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_MS:d}")

    async def _rollback(self) -> None:
        # SQLite may have rolled back on its own already (a full disk does that).
        if self._raw.in_transaction:
            await self._raw.execute("ROLLBACK")

    @asynccontextmanager
    async def read(self) -> AsyncIterator[SqliteConn]:
        # The lock: a read must not see another coroutine's uncommitted writes on the
        # shared connection.
        async with self._lock:
            conn = SqliteConn(self._raw)
            try:
                yield conn
            except sqlite3.Error as error:
                raise StorageUnavailableError(str(error)) from error
            finally:
                conn.open = False

    def export_reader(self) -> ExportReader:
        return SqliteExportReader(self.path)

    async def ping(self) -> bool:
        try:
            # Reads a real page: SELECT 1 alone would succeed with the file gone or locked.
            return await self.conn.fetch_one("SELECT COUNT(*) FROM teams") is not None
        except (aiosqlite.Error, ValueError):
            return False

    # One process per file (the instance lock): it holds every lease, and hears itself.
    async def hold(self, name: str, holder: str, seconds: float) -> bool:
        return True

    async def let_go(self, name: str, holder: str) -> None:
        return None

    async def live_holder(self, name: str) -> str | None:
        return None

    async def listen(self, handlers: Mapping[str, Callable[[str], None]]) -> Listener:
        return Deaf()
