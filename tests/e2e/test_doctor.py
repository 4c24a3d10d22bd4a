"""`python -m bot check` against the fake Bot API on 127.0.0.1: a good set-up passes, and
each broken one fails with the line that names it (in English and Russian)."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from asyncio.subprocess import PIPE, STDOUT
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from bot.runtime.doctor import examine, report
from storage import Database
from tests.conftest import TOKEN
from tests.e2e.process import free_port
from tests.engines import drop_database, new_database
from tests.fakes.telegram import FakeTelegram

Setup = Callable[[Path, pytest.MonkeyPatch], None]


@pytest.fixture
async def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tg: FakeTelegram) -> Path:
    """A set-up that is ready: a migrated database, private files, HTTPS public address."""
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read
    database = tmp_path / "data" / "leads.db"
    for name, value in {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": tg.url,
        "DATABASE_PATH": str(database),
        "PUBLIC_URL": "https://leads.example.ru",
        "ADMIN_IDS": "100",
        "INTAKE_TOKEN": "a-long-random-intake-token",
    }.items():
        monkeypatch.setenv(name, value)
    db = await Database.open(database)
    await db.close()
    return database


async def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = report(await examine(env_file=None))
    return code, capsys.readouterr().out


async def test_a_good_set_up_passes(server: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://leads.example.ru/telegram")
    # The real command, in its own process, as on the server.
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "check",
        stdout=PIPE,
        stderr=STDOUT,
        cwd=server.parent.parent,  # no .env of the checkout is read
    )
    output, _ = await process.communicate()
    code, out = process.returncode, output.decode()
    assert code == 0, out
    assert "✓ Telegram knows the bot as @leads_test_bot." in out
    assert f"✓ Database {server} is sound and up to date." in out
    assert "✓ WEBHOOK_URL https://leads.example.ru/telegram is HTTPS." in out
    assert out.rstrip().endswith("All is well. / Всё в порядке.")


async def test_an_empty_admin_ids_or_intake_token_is_a_warning_that_says_what_follows(
    server: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ADMIN_IDS", "")
    monkeypatch.delenv("INTAKE_TOKEN")
    code, out = await check(capsys)
    assert code == 0, out  # the bot runs; the person at the server is told what is missing
    assert "! ADMIN_IDS is empty: nobody is a head of sales, so nobody can run /setup" in out
    assert "  ADMIN_IDS пуст: руководителей нет" in out
    assert "! INTAKE_TOKEN is empty: POST /leads answers 503" in out
    assert out.rstrip().endswith("Можно запускать; предупреждений: 2.")


def tampered(database: Path, _: pytest.MonkeyPatch) -> None:
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON leads BEGIN DELETE FROM leads; END")
        conn.commit()


def newer_schema(database: Path, _: pytest.MonkeyPatch) -> None:
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("PRAGMA user_version = 999")


def garbage(database: Path, _: pytest.MonkeyPatch) -> None:
    for name in (database.name, database.name + "-wal", database.name + "-shm"):
        (database.parent / name).unlink(missing_ok=True)
    database.write_bytes(b"this was never a database" * 100)
    database.chmod(0o600)


def readable(database: Path, _: pytest.MonkeyPatch) -> None:
    database.chmod(0o644)


def plain_http(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBLIC_URL", "http://leads.example.ru")


def wrong_token(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")


def no_telegram(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_API_URL", f"http://127.0.0.1:{free_port()}")


def local_webhook(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "http://127.0.0.1:8080/telegram")


def other_host(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.ru/telegram")


def no_token(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_TOKEN")


@pytest.mark.parametrize(
    ("breaks", "line"),
    [
        (newer_schema, "was written by a newer bot (schema 999"),
        (tampered, "has a schema this bot does not make (extra trigger wipe)"),
        (garbage, "cannot be read (file is not a database): restore a backup"),
        (readable, "can be read by other users, and it holds clients' phones: chmod 600"),
        (plain_http, "PUBLIC_URL http://leads.example.ru is not HTTPS"),
        (wrong_token, "Telegram refuses BOT_TOKEN: copy the token again from @BotFather"),
        (no_telegram, "cannot be reached (TelegramNetworkError)"),
        (no_token, "Settings: BOT_TOKEN is required"),
        (local_webhook, "WEBHOOK_URL http://127.0.0.1:8080/telegram is not HTTPS"),
        (other_host, "name different hosts: both go through the same proxy"),
    ],
    ids=lambda v: getattr(v, "__name__", "line"),
)
async def test_each_broken_set_up_names_its_problem(
    server: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    breaks: Setup,
    line: str,
) -> None:
    breaks(server, monkeypatch)
    code, out = await check(capsys)
    assert code == 1, out
    problems = [row for row in out.splitlines() if row.startswith("✗")]
    assert len(problems) == 1, out
    [problem] = problems
    assert line in problem
    assert "проблем: 1" in out


@pytest.mark.postgres
async def test_postgresql_is_checked_as_the_file_is(
    server: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = await new_database()
    try:
        monkeypatch.setenv("DATABASE_URL", url)
        code, out = await check(capsys)
        assert code == 0, out
        assert f"✓ PostgreSQL {url} is sound and up to date." in out
        assert "pg_dump and pg_restore are installed" in out or "! pg_dump/pg_restore" in out
        # A table gone (changed by hand): a problem, with its fix.
        db = await Database.open(url)
        try:
            await db.conn.execute("DROP TABLE turn_days")
        finally:
            await db.close()
        code, out = await check(capsys)
        assert code != 0
        assert "lacks tables this bot makes (turn_days)" in out
    finally:
        await drop_database(url)
    # Nobody listening there: the line says what to check, and the password never shows.
    monkeypatch.setenv("DATABASE_URL", f"postgresql://leadbot:s3cret@127.0.0.1:{free_port()}/x")
    code, out = await check(capsys)
    assert code != 0
    assert "cannot be reached" in out and "проверьте DATABASE_URL" in out
    assert "s3cret" not in out
