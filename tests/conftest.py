from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from random import Random

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.types import Update

from bot.app import Services, build_dispatcher, build_services
from bot.config import Settings
from bot.delivery.outbox import OutboxWorker, jittered_backoff
from bot.delivery.pulse import TelegramPulse
from bot.delivery.signal import OutboxSignal
from storage import Database
from tests.builders import HEAD
from tests.fakes.clock import FakeClock
from tests.fakes.session import RecordingSession

TOKEN = "123456:TEST-TOKEN"


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


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "leads.db")
    yield database
    await database.close()


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

    async def feed(self, update: Update) -> None:
        await self.dispatcher.feed_update(self.bot, update)


@pytest.fixture
async def world(tmp_path: Path, db: Database, clock: FakeClock) -> AsyncIterator[World]:
    session = RecordingSession()
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    signal = OutboxSignal()
    services = build_services(db, bot, make_settings(tmp_path), clock, signal, TelegramPulse(clock))
    worker = OutboxWorker(db, bot, clock, signal, jittered_backoff(Random(7)))
    yield World(db, bot, session, build_dispatcher(services), services, clock, worker, signal)
    assert session.unused() == {}, "expected Bot API calls that never happened"
