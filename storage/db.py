"""One SQLite connection per process, its pragmas, its migrations and its write lock."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the bot; running old code on it is unsafe."""


class MigrationError(RuntimeError):
    """A migration would leave the file inconsistent; it was rolled back."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    folder = resources.files("storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError(f"migrations must be numbered 0001.. without gaps: {found}")
    return found


class Database:
    """The shared connection.

    aiosqlite runs every statement of one connection on one thread, but coroutines can
    interleave their statements; `transaction()` holds a lock so that a transaction's
    statements are never mixed with another coroutine's.
    """

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN ourselves, the sqlite3 module never does.
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed lead survives power loss, which is what a 201 promises.
            await conn.execute("PRAGMA synchronous = FULL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA busy_timeout = 5000")
            db = cls(conn)
            await db.migrate()
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

    async def migrate(self) -> None:
        migrations = load_migrations()
        current = await self.schema_version()
        if current > len(migrations):
            raise SchemaTooNewError(
                f"database schema is version {current}, this bot knows up to {len(migrations)}"
            )
        for migration in migrations[current:]:
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
            async with self.transaction():
                # executescript would COMMIT our transaction first, so run statements one by one.
                for statement in _split_statements(migration.sql):
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
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            # IMMEDIATE takes the write lock now, so a second process waits instead of failing
            # later with "database is locked" halfway through.
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    @asynccontextmanager
    async def consistent_read(self) -> AsyncIterator[aiosqlite.Connection]:
        """Read without seeing another coroutine's uncommitted writes on this connection."""
        async with self._write_lock:
            yield self.conn

    async def ping(self) -> bool:
        try:
            # Reads a real page: SELECT 1 alone would succeed with the file gone or locked.
            async with self.conn.execute("SELECT COUNT(*) FROM teams") as cur:
                return await cur.fetchone() is not None
        except (aiosqlite.Error, ValueError):
            return False


def _split_statements(sql: str) -> list[str]:
    """Split a migration into statements; `sqlite3.complete_statement` knows about quotes."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer!r}")
    return statements
