from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from random import Random
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.types import Update

from bot.config import Settings
from bot.delivery.backoff import jittered_backoff
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pacing import SendLimits
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.delivery.telegram.retry import RetryingRequests
from bot.runtime.build import Services, build_dispatcher, build_services
from storage import Database
from tests.builders import HEAD
from tests.engines import ENGINES, POSTGRES_ENV, drop_database, new_database
from tests.fakes.clock import FakeClock
from tests.fakes.session import RecordingSession, SharedSession

TOKEN = "123456:TEST-TOKEN"
E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything in tests/e2e is end to end: `pytest -m "not e2e and not slow"` is the
    quick local run, `.ci/run` runs all. Without a PostgreSQL cluster to run on, the
    PostgreSQL runs are left out, and the summary says so (one line, not one per test)."""
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)
    if os.environ.get(POSTGRES_ENV):
        return
    left_out = [item for item in items if item.get_closest_marker("postgres")]
    if left_out:
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        config.hook.pytest_deselected(items=left_out)
        config.stash[_LEFT_OUT] = len(left_out)


_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    left_out = config.stash.get(_LEFT_OUT, 0)
    if left_out:
        terminalreporter.write_line(
            f"PostgreSQL: {left_out} runs left out, {POSTGRES_ENV} is not set "
            "(a throwaway cluster's admin URL turns them on; .ci/run starts one)",
            yellow=True,
        )


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": TOKEN,
        "database_path": tmp_path / "leads.db",
        "admin_ids": str(HEAD.id),
        "intake_port": 0,
        "intake_token": "s3cret-intake-token",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=ENGINES)
async def database_target(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[Path | str]:
    """Where a test's database lives: a SQLite file, or a PostgreSQL database of its own."""
    if request.param == "sqlite":
        yield tmp_path / "leads.db"
        return
    url = await new_database()
    yield url
    await drop_database(url)


@pytest.fixture
async def db(database_target: Path | str) -> AsyncIterator[Database]:
    database = await Database.open(database_target)
    yield database
    await database.close()


# Dispatcher and worker tests are about what is sent, not when: pacing has its own tests.
UNPACED = SendLimits(per_second=1e9, group_per_minute=1e9, private_per_second=1e9, burst=1e9)


def make_worker(
    db: Database,
    bot: Bot,
    clock: FakeClock,
    signal: OutboxSignal,
    services: Services,
    limits: SendLimits = UNPACED,
    seed: int = 7,
) -> OutboxWorker:
    return OutboxWorker(
        db,
        bot,
        clock,
        signal,
        services.chats,
        services.timers,
        limits=limits,
        retry_delay=jittered_backoff(Random(seed)),
    )


@dataclass
class World:
    """Everything main() builds, around a session that records and vets every API call."""

    db: Database
    bot: Bot
    session: RecordingSession
    dispatcher: Dispatcher
    services: Services
    clock: FakeClock
    worker: OutboxWorker
    signal: OutboxSignal
    slept: list[float]  # what handler-call retries waited, on the fake clock

    async def feed(self, update: Update) -> None:
        await self.dispatcher.feed_update(self.bot, update)


def make_world(tmp_path: Path, db: Database, clock: FakeClock, **settings: object) -> World:
    """What main() builds, on `db`: a second one on the same folder is the bot started
    again (after a restore, say)."""
    session = RecordingSession()
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds)

    handlers_session = SharedSession(session)
    handlers_session.middleware(RetryingRequests(sleep=sleep))
    html = DefaultBotProperties(parse_mode="HTML")
    bot = Bot(TOKEN, session=handlers_session, default=html)
    signal = OutboxSignal()
    configured = make_settings(tmp_path, **settings)
    services = build_services(db, bot, configured, clock, signal, TelegramPulse(clock))
    outbox_bot = Bot(TOKEN, session=session, default=html)
    worker = make_worker(db, outbox_bot, clock, signal, services)
    dispatcher = build_dispatcher(services, ZoneInfo("Europe/Moscow"), configured.console_url)
    return World(db, bot, session, dispatcher, services, clock, worker, signal, slept)


@pytest.fixture
async def world(tmp_path: Path, db: Database, clock: FakeClock) -> AsyncIterator[World]:
    built = make_world(tmp_path, db, clock)
    yield built
    assert built.session.unused() == {}, "expected Bot API calls that never happened"
