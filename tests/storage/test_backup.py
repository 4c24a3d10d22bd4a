"""Copies of the database on real files: made while leads are being written, pruned to
`keep`, made before a migration, and put back only while no bot holds the file."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.runtime.cli import back_up, put_back
from bot.runtime.cli import main as cli
from bot.timing.scheduler import Scheduler
from storage import Database, LeadFields, LeadSource
from storage.backup import Backups, BadBackupError, check_copy, copy_database
from storage.engines import postgres_backup
from storage.instance_lock import InstanceLock
from storage.migrating import load_migrations
from tests.conftest import World, make_settings
from tests.engines import drop_database, new_database

NOW = datetime(2026, 12, 5, 3, 30, tzinfo=UTC)
TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"


def file_at(path: Path, version: int) -> Path:
    """A file as the bot of schema `version` (7 or later) left it, with one lead."""
    with closing(sqlite3.connect(path)) as conn:
        for migration in load_migrations()[:version]:
            conn.executescript(migration.sql)
        conn.execute(
            "INSERT INTO leads (status, pool, source, name, created_at) "
            "VALUES ('new', 'chat', 'http', 'Старый', '2026-12-01T09:00:00+00:00')"
        )
        conn.execute(f"PRAGMA user_version = {version:d}")
        conn.commit()
    return path


def leads_in(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM leads")}


async def test_a_copy_made_while_leads_are_written_holds_every_lead_committed_before_it(
    tmp_path: Path,
) -> None:
    db = await Database.open(tmp_path / "leads.db")
    committed: list[str] = []
    stop = asyncio.Event()
    reached: dict[int, asyncio.Event] = {200: asyncio.Event()}

    async def write() -> None:
        n = 0
        while not stop.is_set():
            async with db.unit() as uow:
                await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name=f"L{n}"), NOW)
            committed.append(f"L{n}")
            n += 1
            for count, event in reached.items():
                if n >= count:
                    event.set()
            await asyncio.sleep(0)

    writer = asyncio.create_task(write())
    try:
        await reached[200].wait()
        before = list(committed)
        reached[len(before) + 50] = asyncio.Event()
        copy = await asyncio.to_thread(copy_database, tmp_path / "leads.db", tmp_path / "c.db")
        await reached[len(before) + 50].wait()  # the writes went on during the copy
    finally:
        stop.set()
        await writer
        await db.close()
    assert check_copy(copy) == len(load_migrations())
    assert set(before) <= leads_in(copy) <= set(committed)
    assert_private_and_whole(copy)


def assert_private_and_whole(copy: Path) -> None:
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not list(copy.parent.glob("*.partial"))


def test_nightly_copies_beyond_keep_go_and_others_stay(tmp_path: Path) -> None:
    file_at(tmp_path / "leads.db", len(load_migrations()))
    backups = Backups(tmp_path / "leads.db", tmp_path / "backups", keep=3)
    backups.make(NOW, "before-0009")
    made = [backups.nightly(NOW + timedelta(days=i))[0] for i in range(5)]
    kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert kept == sorted([m.name for m in made[-3:]] + ["leads-20261205-033000-before-0009.db"])


async def test_a_file_with_data_is_copied_before_it_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    file_at(path, 8)
    versions: list[int] = []
    backups = Backups(path, tmp_path / "backups", keep=3)

    def before(version: int) -> None:
        versions.append(version)
        backups.make(NOW, f"before-{version:04d}")

    db = await Database.open(path, before)
    await db.close()
    assert versions == [9]
    [copy] = (tmp_path / "backups").iterdir()
    assert copy.name == "leads-20261205-033000-before-0009.db"
    assert check_copy(copy) == 8
    db = await Database.open(path, before)  # nothing left to migrate: no copy
    await db.close()
    fresh = await Database.open(tmp_path / "new.db", before)  # no data yet: no copy
    await fresh.close()
    assert versions == [9]


def test_only_a_database_of_this_bot_can_be_put_back(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    with pytest.raises(BadBackupError, match="not a database of this bot"):
        check_copy(text)
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(BadBackupError, match="not a database of this bot"):
        check_copy(other)
    newer = tmp_path / "newer.db"
    file_at(newer, len(load_migrations()))
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(BadBackupError, match="newer bot"):
        check_copy(newer)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "data" / "leads.db"))
    monkeypatch.delenv("BACKUP_DIR", raising=False)
    return tmp_path / "data" / "leads.db"


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as done:
        cli(args)
    return int(done.value.code or 0)


async def test_backup_and_restore_from_the_command_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = await Database.open(env)
    async with db.unit() as uow:
        await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="Первый"), NOW)
    await db.close()
    copy = env.parent / "copy.db"
    assert run(["backup", str(copy)]) == 0
    assert f"Copied the database to {copy}." in capsys.readouterr().out
    assert run(["backup"]) == 0  # into BACKUP_DIR, beside the database by default
    assert len(list((env.parent / "backups").glob("leads-*.db"))) == 1
    db = await Database.open(env)
    async with db.unit() as uow:
        await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="Второй"), NOW)
    await db.close()
    assert run(["restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert f"Restored {env} from {copy}." in out and "восстановлена" in out
    assert leads_in(env) == {"Первый"}
    [kept] = (env.parent / "backups").glob("*-before-restore.db")
    assert leads_in(kept) == {"Первый", "Второй"}


async def test_restore_is_refused_while_the_bot_runs_and_changes_nothing(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = await Database.open(env)
    await db.close()
    copy = copy_database(env, env.parent / "copy.db")
    running = InstanceLock.acquire(env)  # what a running bot holds
    try:
        assert run(["restore", str(copy)]) == 2
    finally:
        running.release()
    out = capsys.readouterr().out
    assert "Not restored" in out and "is already in use by another bot process" in out
    assert "Сначала остановите бота" in out and "sudo systemctl stop leadbot" in out
    assert not (env.parent / "backups").exists()


async def test_a_missing_or_broken_copy_is_refused_with_its_reason(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = await Database.open(env)
    await db.close()
    assert run(["restore", str(env.parent / "nowhere.db")]) == 2
    assert "Not restored" in capsys.readouterr().out
    assert run(["backup", "--", str(env.parent / "x" / "y.db")]) == 0  # folders are made
    (env.parent / "leads.db").unlink()
    assert run(["backup"]) == 2
    assert "Not copied" in capsys.readouterr().out


async def test_the_scheduler_copies_the_database_every_night(
    world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "nightly.db"
    file_at(database, len(load_migrations()))
    backups = Backups(database, tmp_path / "nightly", keep=2)
    services = world.services
    scheduler = Scheduler(
        services.timers, services.refusals, backups, world.clock, services.alarm, UTC
    )
    await scheduler.start()
    try:
        assert "nightly_backup: cron[hour='3', minute='30']" in scheduler.jobs()
        # A process that loses the lead and takes it again starts its scheduler anew,
        # with every job planned again.
        scheduler.shutdown()
        await scheduler.start()
        assert "nightly_backup: cron[hour='3', minute='30']" in scheduler.jobs()
        assert any(job.startswith("intake_refusal_reports: interval") for job in scheduler.jobs())
    finally:
        scheduler.shutdown()
    for _ in range(3):
        await scheduler.back_up()
        world.clock.current += timedelta(days=1)
    assert len(list((tmp_path / "nightly").iterdir())) == 2
    database.unlink()  # a failed copy is logged; the bot goes on
    await scheduler.back_up()
    assert "the nightly backup failed" in caplog.text


async def test_a_copy_whose_name_has_a_question_mark_is_checked_and_put_back_itself(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = await Database.open(env)
    async with db.unit() as uow:
        await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="Из копии"), NOW)
    await db.close()
    odd = copy_database(env, env.parent / "a?x.db")
    (env.parent / "a").write_text("not a database")  # what "file:a?x.db" would open
    db = await Database.open(env)
    async with db.unit() as uow:
        await uow.leads.insert(None, LeadSource.HTTP, LeadFields(name="После копии"), NOW)
    await db.close()
    assert check_copy(odd) == len(load_migrations())
    assert run(["restore", str(odd)]) == 0
    assert leads_in(env) == {"Из копии"}
    assert "Traceback" not in capsys.readouterr().out


async def test_a_copy_with_a_trigger_the_migrations_do_not_make_is_refused(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = await Database.open(env)
    await db.close()
    tampered = copy_database(env, env.parent / "tampered.db")
    with closing(sqlite3.connect(tampered)) as conn:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON leads BEGIN DELETE FROM leads; END")
        conn.commit()
    with pytest.raises(BadBackupError, match="extra trigger wipe"):
        check_copy(tampered)
    assert run(["restore", str(tampered)]) == 2
    assert "extra trigger wipe" in capsys.readouterr().out
    with closing(sqlite3.connect(env)) as conn:
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "wipe" not in triggers
    dropped = copy_database(env, env.parent / "dropped.db")
    with closing(sqlite3.connect(dropped)) as conn:
        conn.execute("DROP INDEX leads_by_created")
        conn.commit()
    with pytest.raises(BadBackupError, match="missing index leads_by_created"):
        check_copy(dropped)


def test_a_copy_is_named_by_the_teams_clock_not_utc(tmp_path: Path) -> None:
    file_at(tmp_path / "leads.db", len(load_migrations()))
    moscow = Backups(tmp_path / "leads.db", tmp_path / "backups", 3, ZoneInfo("Europe/Moscow"))
    made = moscow.make(datetime(2026, 12, 5, 23, 30, tzinfo=UTC))  # 02:30 on the 6th there
    assert made.name == "leads-20261206-023000.db"


async def test_backup_from_the_command_line_names_the_copy_in_timezone(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIMEZONE", "Asia/Vladivostok")
    db = await Database.open(env)
    await db.close()
    assert run(["backup"]) == 0
    [made] = (env.parent / "backups").glob("leads-*.db")
    zone = ZoneInfo("Asia/Vladivostok")
    shown = datetime.strptime(made.name, "leads-%Y%m%d-%H%M%S.db").replace(tzinfo=zone)
    assert abs((datetime.now(zone) - shown).total_seconds()) < 120


@pytest.mark.postgres
async def test_a_postgres_restore_that_fails_midway_says_where_the_database_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = await new_database()
    try:
        settings = make_settings(tmp_path, database_url=url)
        copy = tmp_path / "copy.dump"
        assert await asyncio.to_thread(back_up, settings, copy, NOW) == 0

        def broken(*_: object) -> object:
            raise BadBackupError("pg_restore: error: could not read input file")

        monkeypatch.setattr(postgres_backup, "restore", broken)
        assert await asyncio.to_thread(put_back, settings, copy, NOW) == 2
        out = capsys.readouterr().out
        [kept] = (tmp_path / "backups").glob("*-before-restore.dump")
        assert f"put it back with python -m bot restore {kept}" in out
        assert f"верните её командой python -m bot restore {kept}" in out
    finally:
        await drop_database(url)
