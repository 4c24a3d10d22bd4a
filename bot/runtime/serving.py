"""The intake server the application starts: forms, /health, the head's console (`/app`)
and, in webhook mode, updates."""

from __future__ import annotations

import logging

from aiohttp.typedefs import Handler

from bot.clock import Clock
from bot.config import ConfigError, Settings
from bot.console.web import ConsoleHandlers, add_console
from bot.intake.client_guard import ClientGuard
from bot.intake.ratelimit import ClientLimiter
from bot.intake.server import GuardedRunner, serve
from bot.intake.web import make_intake_app
from bot.runtime.build import Services

log = logging.getLogger(__name__)


async def start_intake(
    settings: Settings, services: Services, clock: Clock, updates: Handler | None
) -> GuardedRunner:
    guard = ClientGuard.of(
        services.refusals,
        clock,
        settings.intake_max_connections_per_client,
        settings.proxies,
    )
    app = make_intake_app(
        services.intake,
        services.health,
        services.refusals,
        settings.intake_token,
        ClientLimiter(settings.intake_rate_limit, clock),
        services.sources,
        guard,
    )
    # The head's console shares the intake's port, proxy and connection guard.
    console = ConsoleHandlers(
        services.console,
        settings.bot_token,
        clock,
        ClientLimiter(settings.intake_rate_limit, clock),
        guard,
    )
    add_console(app, console)
    if updates is not None and settings.webhook_path is not None:
        app.router.add_post(settings.webhook_path, updates)
    try:
        runner = await serve(
            app,
            settings.intake_host,
            settings.intake_port,
            settings.connection_limits,
            settings.proxies,
            guard.overload.refused,
        )
    except OSError as error:
        raise ConfigError(
            f"INTAKE_HOST/INTAKE_PORT {settings.intake_host}:{settings.intake_port} "
            f"cannot be used: {error.strerror or error}"
        ) from None
    if settings.intake_token is None:
        log.warning("INTAKE_TOKEN is not set: POST /leads answers 503 until it is")
    return runner
