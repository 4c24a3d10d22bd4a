"""A bot whose PostgreSQL server is not up yet (a machine that boots before its database)
waits for it, as it waits for Telegram; a database that refuses it is a configuration
error, named, with exit code 2."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from bot.clock import SystemClock
from bot.config import ConfigError
from bot.runtime.app import open_database
from tests.conftest import make_settings
from tests.e2e.process import free_port


async def test_a_server_not_up_yet_is_waited_for(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 4:
            raise LookupError  # the test has seen enough tries

    url = f"postgresql://leadbot:s3cret@127.0.0.1:{free_port()}/leads"
    settings = make_settings(tmp_path, database_url=url)
    with pytest.raises(LookupError):
        await open_database(settings, SystemClock(), sleep)
    assert waits == [1.0, 2.0, 4.0, 8.0]  # doubling, up to a minute
    tries = [r for r in caplog.records if "database is not reachable" in r.getMessage()]
    assert len(tries) == 4 and all("s3cret" not in r.getMessage() for r in tries)


async def test_a_file_that_cannot_be_opened_is_a_configuration_error(tmp_path: Path) -> None:
    garbage = tmp_path / "leads.db"
    garbage.write_bytes(b"this is no database, and waiting will not make it one" * 100)
    settings = make_settings(tmp_path, database_path=garbage)
    with pytest.raises(ConfigError, match="DATABASE_PATH"):
        await asyncio.wait_for(open_database(settings, SystemClock()), 10)


async def test_a_file_that_cannot_even_be_opened_leaves_no_thread_behind(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    before = set(threading.enumerate())
    with pytest.raises(ConfigError, match="DATABASE_PATH"):
        await open_database(make_settings(tmp_path, database_path=folder), SystemClock())
    for _ in range(100):  # the thread ends as soon as it sees its stop
        if set(threading.enumerate()) <= before:
            break
        await asyncio.sleep(0.01)
    assert set(threading.enumerate()) <= before
