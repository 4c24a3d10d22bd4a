"""The engines the storage, use-case and end-to-end suites run on.

SQLite always. PostgreSQL when `LEADBOT_TEST_POSTGRES` names a throwaway cluster's admin
database (`postgresql://postgres@/postgres?host=/tmp&port=55432`; `.ci/run` starts one):
each test then gets a database of its own, copied from a migrated template.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from itertools import count
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from storage import Database
from storage.engines.postgres import WRITE_LOCK, PostgresEngine
from storage.engines.sqlite import SqliteEngine
from storage.errors import UniqueViolationError

POSTGRES_ENV = "LEADBOT_TEST_POSTGRES"
# One template per test session: sessions may run side by side on one cluster.
TEMPLATE = f"leadbot_template_{os.getpid()}"
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

_numbers = count(1)
_template_ready: list[str] = []


def admin_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL is not set up: {POSTGRES_ENV}=postgresql://... (a throwaway "
            "cluster's admin database) runs this on PostgreSQL too; .ci/run does"
        )
    return url


def database_url(admin: str, name: str) -> str:
    parts = urlsplit(admin)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def _admin(admin: str, *statements: str) -> None:
    """Run statements on the cluster's admin database (CREATE and DROP DATABASE)."""
    conn = await asyncpg.connect(admin)
    try:
        for statement in statements:
            await asyncio.wait_for(conn.execute(statement), 30)
    finally:
        await conn.close()


async def _make_template(admin: str) -> None:
    await _admin(
        admin, f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)", f"CREATE DATABASE {TEMPLATE}"
    )
    db = await Database.open(database_url(admin, TEMPLATE))
    await db.close()
    atexit.register(_drop_template, admin)


def _drop_template(admin: str) -> None:
    asyncio.run(_admin(admin, f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))


async def new_database() -> str:
    """A fresh, migrated PostgreSQL database of its own: its URL."""
    admin = admin_url()
    if not _template_ready:
        await _make_template(admin)
        _template_ready.append(TEMPLATE)
    name = f"leadbot_test_{os.getpid()}_{next(_numbers)}"
    await _admin(
        admin,
        f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
        f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}",
    )
    return database_url(admin, name)


async def drop_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    await _admin(admin_url(), f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# What a constraint the schema enforces raises, on either engine.
REFUSED = (sqlite3.IntegrityError, asyncpg.IntegrityConstraintViolationError, UniqueViolationError)


def only_sqlite(db: Database, why: str) -> None:
    if db.engine.name != "sqlite":
        pytest.skip(f"SQLite only: {why}")


async def writes_so_far(db: Database) -> int:
    """A number that moves whenever anything is written: SQLite counts changed rows; on
    PostgreSQL every transaction that writes takes the next transaction id."""
    sql = (
        "SELECT total_changes()"
        if db.engine.name == "sqlite"
        else "SELECT CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS TEXT) AS BIGINT)"
    )
    row = await db.conn.fetch_one(sql)
    assert row is not None
    return int(row[0])


@asynccontextmanager
async def locked_by_another_process(db: Database) -> AsyncIterator[None]:
    """Another program holding the database's write lock: on SQLite a transaction on the
    file (a backup tool, a second bot), on PostgreSQL another bot process's unit."""
    if isinstance(db.engine, SqliteEngine):
        other = sqlite3.connect(db.engine.path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            yield
            other.execute("ROLLBACK")
        finally:
            other.close()
        return
    assert isinstance(db.engine, PostgresEngine)
    conn = await asyncpg.connect(db.engine.url)
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", WRITE_LOCK)
        yield
        await conn.execute("SELECT pg_advisory_unlock($1)", WRITE_LOCK)
    finally:
        await conn.close()


def target_of(db: Database) -> Path | str:
    """Where `db` lives, to open it again (the bot started anew)."""
    if isinstance(db.engine, SqliteEngine):
        return db.engine.path
    assert isinstance(db.engine, PostgresEngine)
    return db.engine.url


def settings_for(target: Path | str) -> dict[str, object]:
    """The settings that point a bot at `target`: a SQLite file, or a PostgreSQL URL."""
    return {"database_path": target} if isinstance(target, Path) else {"database_url": target}
