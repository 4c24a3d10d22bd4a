"""Wiring: settings in, a running bot, outbox worker and intake server out.

Nothing is built at import time. Tests build the same pieces through the same functions.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import User
from aiohttp import web

from bot.alarm import Alarm
from bot.clock import Clock, SystemClock
from bot.commands import publish_commands
from bot.config import ConfigError, Settings, exit_with, load_settings
from bot.delivery.outbox import OutboxWorker, RetryDelay
from bot.delivery.pulse import TelegramPulse
from bot.delivery.reach import TelegramReach
from bot.delivery.retry import RetryingRequests
from bot.delivery.signal import OutboxSignal
from bot.handlers import get_routers
from bot.intake.ratelimit import ClientLimiter
from bot.intake.web import make_intake_app
from bot.middlewares import I18nMiddleware
from bot.scheduler import Scheduler
from bot.services.assignments import Assignments
from bot.services.away import Away
from bot.services.chats import ChatService
from bot.services.claims import Claims
from bot.services.client_index import ClientIndex
from bot.services.distribution import Distributor
from bot.services.handover import Handover
from bot.services.heads import HeadService
from bot.services.health import HealthService
from bot.services.intake import IntakeService
from bot.services.managers import ManagerService
from bot.services.notices import HeadNotices
from bot.services.people import Roles
from bot.services.refusals import RefusalService
from bot.services.reports import ReportService
from bot.services.route_check import RouteCheck
from bot.services.rules import RuleService
from bot.services.sources import SourceService
from bot.services.team import TeamService
from bot.services.timers import TimerService
from bot.services.vacations import Vacations
from storage import Database, OutboxRepo, SchemaTooNewError

log = logging.getLogger(__name__)

MAX_CONNECT_DELAY = 60.0
# aiogram waits 60 s by default; a hung send should not hold the outbox that long.
REQUEST_TIMEOUT = 20.0


@dataclass(frozen=True)
class Services:
    intake: IntakeService
    sources: SourceService
    claims: Claims
    assignments: Assignments
    handover: Handover
    managers: ManagerService
    reports: ReportService
    teams: TeamService
    chats: ChatService
    health: HealthService
    refusals: RefusalService
    heads: HeadService
    rules: RuleService
    routes: RouteCheck
    roles: Roles
    vacations: Vacations
    timers: TimerService
    alarm: Alarm


def make_bot(settings: Settings, timeout: float = REQUEST_TIMEOUT) -> Bot:
    session = AiohttpSession(
        api=TelegramAPIServer.from_base(settings.telegram_api_url), timeout=timeout
    )
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
    outbox_signal: OutboxSignal,
    pulse: TelegramPulse,
) -> Services:
    roles = Roles(settings.admin_ids)
    alarm = Alarm()
    distributor = Distributor(db, roles, settings.timezone, alarm)
    intake = IntakeService(db, clock, distributor, outbox_signal)
    handover = Handover(db, clock, distributor, outbox_signal)
    teams = TeamService(db, clock, roles, intake, handover, TelegramReach(bot), outbox_signal)
    chats = ChatService(db, clock, roles, distributor, handover, outbox_signal)
    health = HealthService(db, pulse, clock)
    notices = HeadNotices(OutboxRepo(db.conn), roles)
    refusals = RefusalService(db, clock, notices, outbox_signal)
    heads = HeadService(db, clock, roles, teams)
    away = Away(db, distributor, handover)
    vacations = Vacations(db, clock, roles, teams, distributor, away, outbox_signal)
    timers = TimerService(db, distributor, away, alarm, outbox_signal)
    local_url = f"http://{settings.intake_host}:{settings.intake_port}"
    return Services(
        intake=intake,
        sources=SourceService(db, clock, settings.zone, settings.public_url, local_url),
        claims=Claims(db, clock, distributor, outbox_signal),
        assignments=Assignments(db, clock, distributor, outbox_signal),
        handover=handover,
        managers=ManagerService(db, clock, teams, settings.timezone, timers),
        reports=ReportService(db, clock, roles),
        teams=teams,
        chats=chats,
        health=health,
        refusals=refusals,
        heads=heads,
        rules=RuleService(db, clock, teams, distributor.planner),
        routes=RouteCheck(db, clock, distributor.planner),
        roles=roles,
        vacations=vacations,
        timers=timers,
        alarm=alarm,
    )


def build_dispatcher(services: Services, zone: ZoneInfo) -> Dispatcher:
    dispatcher = Dispatcher(
        intake=services.intake,
        sources=services.sources,
        claims=services.claims,
        assignments=services.assignments,
        handover=services.handover,
        managers=services.managers,
        reports=services.reports,
        zone=zone,
        teams=services.teams,
        chats=services.chats,
        heads=services.heads,
        rules=services.rules,
        routes=services.routes,
        roles=services.roles,
        vacations=services.vacations,
    )
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


async def _start_intake(settings: Settings, services: Services, clock: Clock) -> web.AppRunner:
    app = make_intake_app(
        services.intake,
        services.health,
        services.refusals,
        settings.intake_token,
        ClientLimiter(settings.intake_rate_limit, clock),
        services.sources,
    )
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
    scheduler: Scheduler

    @property
    def intake_url(self) -> str:
        host, port = self.intake.addresses[0][:2]
        return f"http://{host}:{port}"

    @classmethod
    @asynccontextmanager
    async def running(
        cls,
        settings: Settings,
        clock: Clock | None = None,
        retry_delay: RetryDelay | None = None,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> AsyncIterator[Application]:
        """Open the database, start delivery and intake; stop them all on exit."""
        clock = clock or SystemClock()
        db = await _open_database(settings)
        pulse = TelegramPulse(clock)
        # Two sessions: handlers' calls are retried in place (a person waits for them), the
        # outbox's calls are retried by rescheduling their rows and must never sleep.
        bot = make_bot(settings, request_timeout)
        bot.session.middleware(pulse)
        bot.session.middleware(RetryingRequests())
        outbox_bot = make_bot(settings, request_timeout)
        outbox_bot.session.middleware(pulse)
        outbox_signal = OutboxSignal()
        services = build_services(db, bot, settings, clock, outbox_signal, pulse)
        await services.heads.load()
        await ClientIndex(db).backfill()
        worker = OutboxWorker(
            db,
            outbox_bot,
            clock,
            outbox_signal,
            services.chats,
            limits=settings.send_limits,
            retry_delay=retry_delay,
        )
        delivery = asyncio.create_task(worker.run(), name="outbox")
        scheduler = Scheduler(
            services.timers, services.refusals, clock, services.alarm, settings.zone
        )
        intake: web.AppRunner | None = None
        try:
            intake = await _start_intake(settings, services, clock)
            await scheduler.start()
            dispatcher = build_dispatcher(services, settings.zone)
            yield cls(settings, db, bot, dispatcher, services, intake, scheduler)
        finally:
            scheduler.shutdown()
            # Intake first: a lead taken after the worker stopped would wait for the next start.
            if intake is not None:
                await intake.cleanup()
            worker.stop()
            try:
                await asyncio.wait_for(delivery, timeout=request_timeout + 5)
            except TimeoutError:
                log.warning("the outbox did not stop in time; its last message may repeat")
            await bot.session.close()
            await outbox_bot.session.close()
            await db.close()

    async def wait_for_telegram(self, first_delay: float) -> User:
        """Ask Telegram who we are until it answers.

        A server often boots before its network is up. Meanwhile intake keeps taking leads
        and the outbox keeps their cards, so waiting beats exiting.
        """
        delay = first_delay
        while True:
            try:
                return await self.bot.get_me()
            except TelegramUnauthorizedError:
                raise ConfigError(
                    "BOT_TOKEN was rejected by Telegram: check it with @BotFather"
                ) from None
            except (TelegramAPIError, TimeoutError, OSError) as error:
                log.warning("Telegram is not answering (%s); next try in %.0f s", error, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_CONNECT_DELAY)

    async def prepare_telegram(self, first_delay: float = 1.0) -> None:
        me = await self.wait_for_telegram(first_delay)
        log.info("running as @%s", me.username)
        try:
            # A webhook left by an earlier deployment would make getUpdates fail. Updates
            # that arrived while we were down are kept: they may be claims.
            await self.bot.delete_webhook(drop_pending_updates=False)
        except TelegramAPIError as error:
            log.warning("could not remove a webhook (%s); polling will retry", error)
        await publish_commands(self.bot, self.services.roles.head_ids)

    async def poll(self, *, handle_signals: bool = True, first_delay: float = 1.0) -> None:
        await self.prepare_telegram(first_delay)
        await self.dispatcher.start_polling(
            self.bot,
            handle_signals=handle_signals,
            close_bot_session=False,
            allowed_updates=self.dispatcher.resolve_used_update_types(),
            # Handle a batch fully before asking for the next: getUpdates confirms the
            # offset, so an update in flight when the process dies is delivered again.
            handle_as_tasks=False,
        )


async def run(settings: Settings) -> None:
    async with Application.running(settings) as app:
        log.info("intake listening on %s", app.intake_url)
        polling = asyncio.create_task(app.poll())
        # Until polling starts (and installs aiogram's own graceful handlers), a signal
        # still has to close the intake and the database cleanly.
        loop = asyncio.get_running_loop()
        for stop_signal in (signal.SIGINT, signal.SIGTERM):
            with suppress(NotImplementedError):
                loop.add_signal_handler(stop_signal, polling.cancel)
        with suppress(asyncio.CancelledError):
            await polling


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
