"""Wiring: settings in, a running bot, outbox worker and intake server out.

Nothing is built at import time. Tests build the same pieces through the same functions.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiohttp import web

from bot.clock import Clock, SystemClock
from bot.commands import publish_commands
from bot.config import ConfigError, Settings, exit_with, load_settings
from bot.delivery.outbox import OutboxWorker
from bot.delivery.pulse import TelegramPulse
from bot.delivery.reach import TelegramReach
from bot.delivery.signal import OutboxSignal
from bot.handlers import get_routers
from bot.intake.web import make_intake_app
from bot.middlewares import I18nMiddleware
from bot.services.health import HealthService
from bot.services.leads import LeadService
from bot.services.people import Roles
from bot.services.team import TeamService
from storage import Database, SchemaTooNewError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    leads: LeadService
    teams: TeamService
    health: HealthService


def make_bot(settings: Settings) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(
            parse_mode=ParseMode.HTML,
            link_preview_is_disabled=True,
        ),
    )


def build_services(
    db: Database,
    bot: Bot,
    settings: Settings,
    clock: Clock,
    signal: OutboxSignal,
    pulse: TelegramPulse,
) -> Services:
    roles = Roles(settings.admin_ids)
    leads = LeadService(db, clock, roles, signal)
    teams = TeamService(db, clock, roles, leads, TelegramReach(bot), signal)
    return Services(leads=leads, teams=teams, health=HealthService(db, pulse, clock))


def build_dispatcher(services: Services) -> Dispatcher:
    dispatcher = Dispatcher(leads=services.leads, teams=services.teams)
    dispatcher.update.middleware(I18nMiddleware())
    dispatcher.include_routers(*get_routers())
    return dispatcher


async def _open_database(settings: Settings) -> Database:
    try:
        return await Database.open(settings.database_path)
    except (OSError, sqlite3.Error) as error:
        raise ConfigError(
            f"DATABASE_PATH {settings.database_path} cannot be opened: {error}"
        ) from None


async def _start_intake(settings: Settings, services: Services) -> web.AppRunner:
    app = make_intake_app(services.leads, services.health, settings.intake_token)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.intake_host, settings.intake_port)
    try:
        await site.start()
    except OSError as error:
        await runner.cleanup()
        raise ConfigError(
            f"INTAKE_HOST/INTAKE_PORT {settings.intake_host}:{settings.intake_port} "
            f"cannot be used: {error.strerror or error}"
        ) from None
    if settings.intake_token is None:
        log.warning("INTAKE_TOKEN is not set: POST /leads answers 503 until it is")
    return runner


@dataclass
class Application:
    settings: Settings
    db: Database
    bot: Bot
    dispatcher: Dispatcher
    services: Services
    intake: web.AppRunner

    @property
    def intake_url(self) -> str:
        host, port = self.intake.addresses[0][:2]
        return f"http://{host}:{port}"

    @classmethod
    @asynccontextmanager
    async def running(
        cls, settings: Settings, clock: Clock | None = None
    ) -> AsyncIterator[Application]:
        """Open the database, start delivery and intake; stop them all on exit."""
        clock = clock or SystemClock()
        db = await _open_database(settings)
        bot = make_bot(settings)
        pulse = TelegramPulse(clock)
        bot.session.middleware(pulse)
        signal = OutboxSignal()
        services = build_services(db, bot, settings, clock, signal, pulse)
        worker = asyncio.create_task(OutboxWorker(db, bot, clock, signal).run(), name="outbox")
        intake: web.AppRunner | None = None
        try:
            intake = await _start_intake(settings, services)
            yield cls(settings, db, bot, build_dispatcher(services), services, intake)
        finally:
            worker.cancel()
            with suppress(asyncio.CancelledError):
                await worker
            if intake is not None:
                await intake.cleanup()
            await bot.session.close()
            await db.close()

    async def prepare_telegram(self) -> None:
        try:
            me = await self.bot.get_me()
        except TelegramUnauthorizedError:
            raise ConfigError(
                "BOT_TOKEN was rejected by Telegram: check it with @BotFather"
            ) from None
        except TelegramAPIError as error:
            # Polling retries on its own; start anyway and let it.
            log.warning("Telegram is not answering yet: %s", error)
            return
        log.info("running as @%s", me.username)
        # A webhook left by an earlier deployment would make getUpdates fail; updates that
        # arrived while we were down are kept: they may be claims.
        await self.bot.delete_webhook(drop_pending_updates=False)
        await publish_commands(self.bot, self.settings.admin_ids)

    async def poll(self, *, handle_signals: bool = True) -> None:
        await self.prepare_telegram()
        await self.dispatcher.start_polling(
            self.bot,
            handle_signals=handle_signals,
            close_bot_session=False,
            allowed_updates=self.dispatcher.resolve_used_update_types(),
        )


async def run(settings: Settings) -> None:
    async with Application.running(settings) as app:
        log.info("intake listening on %s", app.intake_url)
        await app.poll()


def main() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_settings()
        asyncio.run(run(settings))
    except (ConfigError, SchemaTooNewError) as error:
        exit_with(error)
    except KeyboardInterrupt:
        pass
