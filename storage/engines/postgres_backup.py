"""Copies of a PostgreSQL database: `pg_dump` makes them, `pg_restore` puts one back.

A dump is one consistent snapshot, taken while the bots run. Putting one back replaces the
whole schema in one go, then carries over what the database had that the copy cannot bring
back, as on SQLite: the highest lead number issued, and the leads the copy lacks. The
password never goes on a command line (where `ps` shows it): it is handed over in
PGPASSWORD.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from storage.engines.postgres import PostgresEngine, postgres_migrations
from storage.files import PRIVATE_FILE, PRIVATE_FOLDER
from storage.restored import (
    LEADS_BEFORE,
    RECORD_RESTORATION,
    BadBackupError,
    Before,
    Restored,
    restoration,
)

_VERSION_ROW = re.compile(r"^COPY public\.schema_version \(version\) FROM stdin;\n(\d+)$", re.M)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BadBackupError(f"{name} is not installed (apt-get install postgresql-client)")
    return found


def _without_password(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    env = dict(os.environ)
    if parts.password is None:
        return url, env
    env["PGPASSWORD"] = parts.password
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}{port}")), env


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our own argument list
    if done.returncode != 0:
        raise BadBackupError(done.stderr.strip() or f"{args[0]} failed ({done.returncode})")
    return done.stdout


def dump(url: str, target: Path) -> Path:
    """A consistent copy of the database at `url`, at `target` (mode 0600), written beside
    its name and renamed once whole."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    address, env = _without_password(url)
    try:
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", address], env)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def dump_version(path: Path) -> int:
    """The schema version a dump holds; else why it cannot be put back."""
    if not path.is_file():
        raise BadBackupError(f"{path} is not a file")
    listing = _run(
        [_tool("pg_restore"), "--data-only", "--table=schema_version", "--file=-", str(path)],
        dict(os.environ),
    )
    found = _VERSION_ROW.search(listing)
    if found is None:
        raise BadBackupError(f"{path} is not a copy of this bot's PostgreSQL database")
    return int(found.group(1))


def known_version() -> int:
    """The newest schema this bot makes on PostgreSQL."""
    return postgres_migrations()[-1].version


def restore(copy: Path, url: str, at: datetime, kept: Path | None, known: int) -> Restored:
    """Put the dump `copy` back as the database at `url`. The caller has made sure no bot
    runs on it, and kept what it held in `kept`."""
    version = dump_version(copy)
    if version > known:
        raise BadBackupError(f"{copy} was written by a newer bot (schema {version})")
    before = asyncio.run(_before(url))
    asyncio.run(_empty(url))
    address, env = _without_password(url)
    _run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={address}",
            str(copy),
        ],
        env,
    )
    return asyncio.run(_carry_over(url, before, at, copy, kept))


async def _before(url: str) -> Before:
    conn: asyncpg.Connection[Any] = await asyncpg.connect(url)
    try:
        if not await conn.fetchval("SELECT to_regclass('leads') IS NOT NULL"):
            return Before({}, 0)
        rows = await conn.fetch(LEADS_BEFORE)
        issued = await conn.fetchval("SELECT MAX(high_water) FROM lead_numbers")
    finally:
        await conn.close()
    return Before.of(rows, issued)


async def _empty(url: str) -> None:
    # Every table of ours goes, so that a copy from before a migration comes back whole and
    # the migrations then run on it as on any old database.
    conn: asyncpg.Connection[Any] = await asyncpg.connect(url)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await conn.close()


async def _carry_over(
    url: str, before: Before, at: datetime, copy: Path, kept: Path | None
) -> Restored:
    engine = await PostgresEngine.open(url)
    try:
        await engine.migrate(None)  # a copy from an older bot
        rows = await engine.conn.fetch_all("SELECT id FROM leads")
        taken_out = before.taken_out({int(row[0]) for row in rows})
        async with engine.write(None) as conn:
            await conn.execute(
                "INSERT INTO lead_numbers (id, high_water) VALUES (1, ?1) ON CONFLICT (id) "
                "DO UPDATE SET high_water = CASE WHEN lead_numbers.high_water > ?1 "
                "THEN lead_numbers.high_water ELSE ?1 END",
                (before.high_water,),
            )
            await conn.execute(RECORD_RESTORATION, restoration(at, copy, kept, taken_out))
        row = await engine.conn.fetch_one("SELECT high_water FROM lead_numbers WHERE id = 1")
        issued = int(row[0]) if row is not None else before.high_water
    finally:
        await engine.close()
    return Restored(taken_out, issued)
