"""One SQLite connection per process, its pragmas, its migrations and its write lock."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage.errors import (
    CannotOpenError,
    MigrationError,
    SchemaTooNewError,
    StorageUnavailableError,
)
from storage.files import secure_files
from storage.migrating import Migration, load_migrations, split_statements
from storage.reading.export import ExportReader
from storage.unit import OnEmit, Unit

log = logging.getLogger(__name__)

# Called with the version about to be applied to a file that already holds data.
BeforeMigrating = Callable[[int], object]
# The moment a unit starts: the bot's clock (a test's fake one), read once per unit.
Now = Callable[[], datetime]
# What a committed unit emitted, handed over after the commit (the bot's reactions).
OnCommit = Callable[[Sequence[object]], None]


def _system_now() -> datetime:
    return datetime.now(UTC)


def _no_reactions(events: Sequence[object]) -> None:
    del events


@dataclass(frozen=True)
class WriteFailure:
    at: float  # time.monotonic() of the failure
    reason: str


DEFAULT_BUSY_MS = 5000


class Database:
    """The shared connection, handing out one unit of work per transaction.

    aiosqlite runs every statement of one connection on one thread, but coroutines can
    interleave their statements; a unit holds a lock so that a transaction's statements are
    never mixed with another coroutine's.
    """

    def __init__(self, conn: aiosqlite.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path  # the file: a long read (an export) opens a connection of its own
        self._write_lock = asyncio.Lock()
        self.last_write_failure: WriteFailure | None = None
        self.now: Now = _system_now
        self.on_commit: OnCommit = _no_reactions
        self.on_emit: OnEmit | None = None  # what an event writes in its own unit

    @classmethod
    async def open(cls, path: Path, before_migrating: BeforeMigrating | None = None) -> Database:
        """Open (creating it if need be) and migrate the database at `path`. When a file
        that holds data is about to be migrated, `before_migrating` is called first (in a
        thread) with the version about to be applied: a backup, say."""
        try:
            secure_files(path)
            # isolation_level=None: we issue BEGIN ourselves, the sqlite3 module never does.
            conn = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise CannotOpenError(f"{path}: {error}") from error
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed lead survives power loss, which is what a 201 promises.
            await conn.execute("PRAGMA synchronous = FULL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_MS:d}")
            db = cls(conn, path)
            await db.migrate(before_migrating)
        except sqlite3.Error as error:
            await conn.close()
            raise CannotOpenError(f"{path}: {error}") from error
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        await self.conn.close()

    async def schema_version(self) -> int:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        assert row is not None
        return int(row[0])

    async def migrate(self, before_migrating: BeforeMigrating | None = None) -> None:
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

    async def _apply(self, migration: Migration) -> None:
        # A table is rebuilt by create, copy, drop, rename; with foreign keys enforced the
        # drop of a referenced table fails. The pragma is ignored inside a transaction, so
        # it is switched off around it, and the references are checked before the commit.
        # legacy_alter_table: the final rename must not re-check triggers that name the
        # table (they named the dropped one, and resolve to the new one by name).
        await self.conn.execute("PRAGMA foreign_keys = OFF")
        await self.conn.execute("PRAGMA legacy_alter_table = ON")
        try:
            async with self._transaction(None):
                # executescript would COMMIT our transaction first, so run statements one by one.
                for statement in split_statements(migration.sql):
                    await self.conn.execute(statement)
                async with self.conn.execute("PRAGMA foreign_key_check") as cur:
                    broken = list(await cur.fetchall())
                if broken:
                    found = ", ".join(f"{row[0]} row {row[1]} -> {row[2]}" for row in broken[:5])
                    raise MigrationError(f"{migration.name} breaks references: {found}")
                await self.conn.execute(f"PRAGMA user_version = {migration.version:d}")
        finally:
            await self.conn.execute("PRAGMA legacy_alter_table = OFF")
            await self.conn.execute("PRAGMA foreign_keys = ON")

    @asynccontextmanager
    async def unit(self, wait: float | None = None) -> AsyncIterator[Unit]:
        """One write transaction and its unit. With `wait`, give up after that many seconds
        of waiting for the write lock (ours or another process's) with
        `StorageUnavailableError`, instead of keeping a caller (a form service with its own
        timeout) waiting. What the unit emitted goes to `on_commit` once it has committed."""
        async with self._transaction(wait):
            unit = Unit(self.conn, self.now(), writes=True, on_emit=self.on_emit)
            yield unit
        self.on_commit(unit.settled())

    @asynccontextmanager
    async def _transaction(self, wait: float | None) -> AsyncIterator[None]:
        deadline = None if wait is None else time.monotonic() + wait
        if deadline is None:
            await self._write_lock.acquire()
        else:
            try:
                # asyncio.timeout, not wait_for: no task is made for a lock that is free.
                async with asyncio.timeout(wait):
                    await self._write_lock.acquire()
            except TimeoutError:
                self._failed("the database is busy with other writes")
                raise StorageUnavailableError("the database is busy") from None
        try:
            await self._begin(deadline)
            try:
                yield
            except sqlite3.OperationalError as error:
                # A full disk, a lost file, a lock that outlasted busy_timeout: the
                # storage's trouble, not the caller's bug.
                await self._rollback()
                self._failed(str(error))
                raise StorageUnavailableError(str(error)) from error
            except BaseException:
                await self._rollback()
                raise
            try:
                await self.conn.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self._failed(str(error))
                await self._rollback()
                raise StorageUnavailableError(str(error)) from error
        finally:
            self._write_lock.release()

    async def _begin(self, deadline: float | None) -> None:
        # IMMEDIATE takes the write lock now, so a second process waits instead of failing
        # later with "database is locked" halfway through.
        if deadline is None:
            begin = self.conn.execute("BEGIN IMMEDIATE")
        else:
            left = max(1, int((deadline - time.monotonic()) * 1000))
            await self.conn.execute(f"PRAGMA busy_timeout = {left:d}")
            begin = self.conn.execute("BEGIN IMMEDIATE")
        try:
            await begin
        except sqlite3.OperationalError as error:
            self._failed(str(error))
            raise StorageUnavailableError(str(error)) from error
        finally:
            if deadline is not None:
                await self.conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_MS:d}")

    async def _rollback(self) -> None:
        # SQLite may have rolled back on its own already (a full disk does that).
        if self.conn.in_transaction:
            await self.conn.execute("ROLLBACK")

    def _failed(self, reason: str) -> None:
        log.warning("a write to the database failed: %s", reason)
        self.last_write_failure = WriteFailure(time.monotonic(), reason)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Unit]:
        """A unit that reads, without seeing another coroutine's uncommitted writes on this
        connection; it cannot emit. The driver's failures come out as
        `StorageUnavailableError`."""
        async with self._write_lock:
            try:
                yield Unit(self.conn, self.now(), writes=False)
            except sqlite3.Error as error:
                raise StorageUnavailableError(str(error)) from error

    def export_reader(self) -> ExportReader:
        """A reader of the file for a long export, on a read-only connection of its own, so
        that the bot's connection is never held while a workbook is written."""
        assert self.path is not None, "an export reads the database file"
        return ExportReader(self.path)

    async def ping(self) -> bool:
        try:
            # Reads a real page: SELECT 1 alone would succeed with the file gone or locked.
            async with self.conn.execute("SELECT COUNT(*) FROM teams") as cur:
                return await cur.fetchone() is not None
        except (aiosqlite.Error, ValueError):
            return False
