from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import (
    CannotOpenError,
    Database,
    DuplicateLeadError,
    LeadFields,
    LeadSource,
    OutboxRepo,
    OutboxStatus,
    SchemaTooNewError,
    StorageUnavailableError,
)
from storage.migrating import load_migrations
from tests.engines import REFUSED, only_sqlite
from tests.repos import conn_of

NOW = datetime(2026, 12, 1, tzinfo=UTC)


async def pragma(db: Database, name: str) -> object:
    row = await db.conn.fetch_one(f"PRAGMA {name}")
    assert row is not None
    return row[0]


async def test_a_missing_folder_and_file_are_created(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "leads.db"
    db = await Database.open(path)
    await db.close()
    assert path.exists()


async def test_the_database_runs_in_wal_with_foreign_keys(db: Database) -> None:
    only_sqlite(db, "its journal and foreign keys are pragmas")
    assert await pragma(db, "journal_mode") == "wal"
    assert await pragma(db, "foreign_keys") == 1


async def test_every_migration_is_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    db = await Database.open(path)
    assert await db.schema_version() == len(load_migrations())
    await db.close()
    again = await Database.open(path)  # a second start must not re-run 0001
    assert await again.schema_version() == len(load_migrations())
    await again.close()


def test_the_bots_migrations_are_numbered_from_one_without_gaps() -> None:
    versions = [m.version for m in load_migrations()]
    assert versions[0] == 1 and versions == sorted(set(versions))


@pytest.mark.parametrize(
    "names",
    [("0001_a.sql", "0003_c.sql"), ("0002_b.sql",), ("0001_a.sql", "0001_again.sql")],
    ids=["gap", "no-first", "twice"],
)
def test_a_gap_or_a_repeated_number_is_refused(tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text("SELECT 1;")
    with pytest.raises(RuntimeError, match="without gaps"):
        load_migrations(tmp_path)


def test_other_files_beside_the_migrations_are_ignored(tmp_path: Path) -> None:
    for name in ("0001_a.sql", "0002_b.sql", "README.md", "0003-bad.sql"):
        (tmp_path / name).write_text("SELECT 1;")
    assert [m.name for m in load_migrations(tmp_path)] == ["0001_a.sql", "0002_b.sql"]


async def test_a_database_from_a_newer_bot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNewError):
        await Database.open(path)


async def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(REFUSED):
        async with db.unit() as u:
            await conn_of(u).execute(
                "INSERT INTO members (team_id, user_id, full_name, language, joined_at) "
                "VALUES (999, 1, 'x', 'ru', '2026')"
            )


async def insert_team_then_fail(db: Database) -> None:
    async with db.unit() as u:
        await conn_of(u).execute(
            "INSERT INTO teams (chat_id, title, language, created_by, created_at) "
            "VALUES (1, 't', 'ru', 1, '2026')"
        )
        raise RuntimeError("boom")


async def test_a_failed_transaction_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        await insert_team_then_fail(db)
    row = await db.conn.fetch_one("SELECT COUNT(*) FROM teams")
    assert row is not None and row[0] == 0


async def test_ping_reports_a_closed_connection(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "leads.db")
    assert await db.ping()
    await db.close()
    assert not await db.ping()


async def test_an_outbox_written_by_version_1_survives_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    [first, *_] = load_migrations()
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(first.sql)
        conn.execute(
            "INSERT INTO outbox (chat_id, method, purpose, text, next_attempt_at, created_at) "
            "VALUES (-1, 'send', 'card', 'kept', '2026-12-01T09:00:00+00:00', "
            "'2026-12-01T09:00:00+00:00')"
        )
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    db = await Database.open(path)
    try:
        assert await db.schema_version() == len(load_migrations())
        [pending] = await OutboxRepo(db.conn).pending()
        row = pending.record
        assert (row.text, row.status) == ("kept", OutboxStatus.PENDING)
        async with db.unit():
            await OutboxRepo(db.conn).mark_failed(row.id, row.created_at, "now allowed")
    finally:
        await db.close()


def mode_of(path: Path) -> int:
    return path.stat().st_mode & 0o777


async def test_a_new_database_is_private_to_the_bot_and_so_is_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "data" / "leads.db"
    db = await Database.open(path)
    async with db.unit() as u:
        await conn_of(u).execute(
            "INSERT INTO teams (chat_id, title, language, created_by, "
            "created_at) VALUES (1, 't', 'ru', 1, '2026-12-01T00:00:00')"
        )
    try:
        assert mode_of(path.parent) == 0o700
        for name in ("leads.db", "leads.db-wal", "leads.db-shm"):
            assert mode_of(path.parent / name) == 0o600, name
    finally:
        await db.close()


async def test_database_files_found_readable_by_others_are_tightened_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "leads.db"
    first = await Database.open(path)
    await first.close()
    path.chmod(0o644)
    for name in ("leads.db", "leads.db-wal", "leads.db-shm"):
        if (tmp_path / name).exists():
            (tmp_path / name).chmod(0o644)
    db = await Database.open(path)
    await db.close()
    assert mode_of(path) == 0o600
    assert "leads.db was readable by others (mode 644)" in caplog.text


async def test_a_file_that_is_not_a_database_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    path.write_bytes(b"this is not an SQLite file, but a text someone saved here" * 20)
    with pytest.raises(CannotOpenError, match=r"leads\.db"):
        await Database.open(path)


async def test_the_same_submission_twice_is_a_duplicate_not_a_driver_error(db: Database) -> None:
    async with db.unit() as uow:
        await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="A"), NOW, "key-1")
    with pytest.raises(DuplicateLeadError):
        async with db.unit() as uow:
            await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="B"), NOW, "key-1")
    async with db.reading() as uow:
        found = await uow.leads.find_duplicate(None, "key-1")
    assert found is not None and found.fields.name == "A"


async def test_a_failed_read_is_storages_own_error(db: Database) -> None:
    with pytest.raises(StorageUnavailableError):
        async with db.reading() as u:
            await conn_of(u).execute("SELECT * FROM no_such_table")
