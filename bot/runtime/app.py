"""Running it: settings in; a running bot, outbox worker, scheduler and intake server out.

Nothing is built at import time. The services come from `bot.runtime.build`, as in every test.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import User

from bot.actions.client_index import ClientIndex
from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings, exit_with, load_settings
from bot.delivery.backoff import RetryDelay
from bot.delivery.outbox import OutboxWorker
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.garbled import GarbledIsOutage
from bot.delivery.telegram.pulse import TelegramPulse
from bot.delivery.telegram.retry import RetryingRequests
from bot.handlers.commands import publish_commands
from bot.intake.server import GuardedRunner
from bot.runtime.build import REQUEST_TIMEOUT, Services, build_dispatcher, build_services, make_bot
from bot.runtime.duties import Delivery, Hearing, Polling, Timers
from bot.runtime.leadership import Leadership
from bot.runtime.logs import install_redaction
from bot.runtime.once import UpdateClaims
from bot.runtime.serving import start_intake
from bot.runtime.webhook import register_webhook, updates_handler, watch_webhook
from bot.services.health import NO_HEADS
from bot.timing.scheduler import Scheduler
from storage import CannotOpenError, Database, SchemaTooNewError, StorageUnavailableError
from storage.backup import Backups
from storage.instance_lock import AlreadyRunningError, InstanceLock

log = logging.getLogger(__name__)


MAX_CONNECT_DELAY = 60.0


def backups_of(settings: Settings) -> Backups:
    return Backups(settings.database, settings.backup_folder, settings.backup_keep, settings.zone)


async def open_database(
    settings: Settings,
    clock: Clock,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Database:
    backups = backups_of(settings)

    def before_migrating(version: int) -> None:
        # Migrations run at start after an upgrade: the data as it was goes to a copy first.
        made = backups.make(clock.now(), f"before-{version:04d}")
        log.info("copied the database to %s before migrating it", made)

    name = "DATABASE_PATH" if settings.database_url is None else "DATABASE_URL"
    delay = 1.0
    while True:
        try:
            return await Database.open(settings.database, before_migrating)
        except CannotOpenError as error:
            # The error names the file, or the server without the password.
            raise ConfigError(f"{name}: the database cannot be opened: {error}") from None
        except StorageUnavailableError as error:
            # A database server not reachable yet: waiting beats exiting, as for Telegram.
            log.warning("the database is not reachable (%s); next try in %.0f s", error, delay)
        await sleep(delay)
        delay = min(delay * 2, MAX_CONNECT_DELAY)


@dataclass
class Application:
    settings: Settings
    db: Database
    bot: Bot
    dispatcher: Dispatcher
    services: Services
    intake: GuardedRunner
    scheduler: Scheduler
    pulse: TelegramPulse
    leadership: Leadership

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
        """Open the database, start intake, and lead (deliver, fire timers) while this
        process holds the lead; stop them all on exit."""
        clock = clock or SystemClock()
        file = settings.database_file
        # One process per SQLite file; PostgreSQL takes several, and a lease decides who leads.
        lock = InstanceLock.acquire(file) if file is not None else None
        try:
            db = await open_database(settings, clock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        pulse = TelegramPulse(clock)
        # Two sessions: handlers' calls are retried in place (a person waits for them), the
        # outbox's calls are retried by rescheduling their rows and must never sleep.
        bot = make_bot(settings, request_timeout)
        bot.session.middleware(pulse)
        bot.session.middleware(RetryingRequests())
        # Innermost: the pulse and the retries see a proxy's page as the outage it is.
        bot.session.middleware(GarbledIsOutage())
        outbox_bot = make_bot(settings, request_timeout)
        outbox_bot.session.middleware(pulse)
        outbox_bot.session.middleware(GarbledIsOutage())
        outbox_signal = OutboxSignal()
        services = build_services(db, bot, settings, clock, outbox_signal, pulse)
        await services.heads.load()
        await services.restores.tell()
        await ClientIndex(db).backfill()
        claims = UpdateClaims(db)
        scheduler = Scheduler(
            services.timers,
            services.refusals,
            backups_of(settings),
            clock,
            services.alarm,
            settings.zone,
            chores=[("forget_updates", 3600, claims.forget_old)],
        )

        def new_worker() -> OutboxWorker:
            return OutboxWorker(
                db,
                outbox_bot,
                clock,
                outbox_signal,
                services.chats,
                services.timers,
                limits=settings.send_limits,
                retry_delay=retry_delay,
            )

        leadership = Leadership(
            db,
            [
                Hearing(db, outbox_signal, scheduler),
                Delivery(new_worker, request_timeout + 5),
                Timers(scheduler),
            ],
        )
        intake: GuardedRunner | None = None
        leading: asyncio.Task[None] | None = None
        dispatcher = build_dispatcher(services, settings.zone, settings.console_url)
        try:
            intake = await start_intake(
                settings, services, clock, updates_handler(settings, dispatcher, bot, claims)
            )
            # The first try at once: a lone process leads before it returns.
            await leadership.step()
            leading = asyncio.create_task(leadership.run(), name="leadership")
            yield cls(settings, db, bot, dispatcher, services, intake, scheduler, pulse, leadership)
        finally:
            if leading is not None:
                leading.cancel()
                with suppress(asyncio.CancelledError):
                    await leading
            # Intake first: a lead taken after the worker stopped would wait for the next start.
            if intake is not None:
                await intake.cleanup()
            await leadership.resign()
            await bot.session.close()
            await outbox_bot.session.close()
            await db.close()
            if lock is not None:
                lock.release()

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
        if self.settings.webhook_url is None:
            try:
                # A webhook left by an earlier deployment would make getUpdates fail. Updates
                # that arrived while we were down are kept: they may be claims.
                await self.bot.delete_webhook(drop_pending_updates=False)
            except TelegramAPIError as error:
                log.warning("could not remove a webhook (%s); polling will retry", error)
        await publish_commands(self.bot, self.services.roles.head_ids)

    async def serve_webhook(self, first_delay: float = 1.0) -> None:
        """Webhook mode: tell Telegram where to deliver (updates waiting since the last run
        come too), then watch how its deliveries go, for /health. Ends only when cancelled;
        the intake server handles the updates themselves."""
        await self.prepare_telegram(first_delay)
        await register_webhook(self.bot, self.settings, self.dispatcher, first_delay)
        await watch_webhook(self.bot, self.pulse)

    async def serve(self) -> None:
        """Take updates until cancelled: from the webhook when WEBHOOK_URL is set (every
        process), else by long polling (the leading process only)."""
        if self.settings.webhook_url is not None:
            await self.serve_webhook()
            return
        await self.leadership.add(
            Polling(lambda: self.poll(handle_signals=False), self.dispatcher.stop_polling)
        )
        await asyncio.Event().wait()  # until cancelled

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
    if not settings.admin_ids:
        log.warning(NO_HEADS)
    async with Application.running(settings) as app:
        log.info("intake listening on %s", app.intake_url)
        polling = asyncio.create_task(app.serve())
        # A signal ends serving; leaving the block then closes the intake, hands the lead
        # back and closes the database cleanly.
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
        install_redaction(*settings.secrets())
        asyncio.run(run(settings))
    except (ConfigError, SchemaTooNewError) as error:
        exit_with(error)
    except AlreadyRunningError as error:
        print(f"Not started: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        pass
