"""Webhook mode: Telegram delivers updates over HTTPS to WEBHOOK_URL, which the intake
server answers (behind Caddy), instead of the bot long-polling for them."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from aiohttp.typedefs import Handler
from pydantic import ValidationError

from bot.config import Settings
from bot.delivery.telegram.pulse import TelegramPulse, WebhookReport
from bot.runtime.once import Claim, UpdateClaims

log = logging.getLogger(__name__)

# How often the bot asks Telegram how its deliveries go (for /health, and for the pulse:
# in webhook mode nothing else calls Telegram when nobody writes to the bot).
CHECK_SECONDS = 60.0


class UpdatesHandler(SimpleRequestHandler):
    """aiogram's handler, but a body with the right secret that is no update at all (not
    JSON, a list, no update_id) is answered 200 and logged, once: any other answer makes
    Telegram deliver the same body again for a day, and each time it would fail again.
    An update delivered again is handled once (`UpdateClaims`)."""

    def __init__(
        self, dispatcher: Dispatcher, bot: Bot, claims: UpdateClaims, **kwargs: Any
    ) -> None:
        super().__init__(dispatcher, bot, **kwargs)
        self._claims = claims

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            update = Update.model_validate(
                await request.json(loads=bot.session.json_loads), context={"bot": bot}
            )
        except (ValueError, ValidationError) as error:
            # ValueError: not JSON, or not UTF-8; ValidationError: JSON that is no update.
            log.warning("webhook: a request with the right secret is not an update: %s", error)
            return web.Response(text="ok")
        match await self._claims.claim(update.update_id):
            case Claim.DONE:
                return web.Response(text="ok")
            case Claim.ELSEWHERE:
                # Another process is at it; if it dies, Telegram's next try finds it stale.
                return web.Response(status=503, text="being handled")
            case Claim.MINE:
                pass
        try:
            result: TelegramMethod[Any] | None = await self.dispatcher.feed_webhook_update(
                bot, update, **self.data
            )
        except BaseException:
            await self._claims.failed(update.update_id)
            raise
        await self._claims.done(update.update_id)
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


def updates_handler(
    settings: Settings, dispatcher: Dispatcher, bot: Bot, claims: UpdateClaims
) -> Handler | None:
    """Where Telegram's updates are handled in webhook mode. Each is answered only once it
    was handled (not in the background): a crash never confirms an update it did not
    handle, and Telegram delivers it again after the restart. A request without the
    secret token gets 401 and is not handled."""
    if settings.webhook_url is None:
        return None
    handler = UpdatesHandler(
        dispatcher,
        bot,
        claims,
        handle_in_background=False,
        secret_token=settings.webhook_token(),
    )
    return handler.handle


async def register_webhook(
    bot: Bot, settings: Settings, dispatcher: Dispatcher, retry_delay: float
) -> None:
    """Tell Telegram where to deliver, with the secret and the updates the bot uses; the
    updates that waited while the bot was down are kept and come first."""
    url = settings.webhook_url
    assert url is not None
    while True:
        try:
            await bot.set_webhook(
                url,
                secret_token=settings.webhook_token(),
                allowed_updates=dispatcher.resolve_used_update_types(),
                max_connections=settings.webhook_max_connections,
                drop_pending_updates=False,
            )
        except TelegramAPIError as error:
            log.warning("Telegram did not take the webhook (%s); trying again", error)
            await asyncio.sleep(retry_delay)
            continue
        log.info("updates come to %s", url)
        return


async def watch_webhook(bot: Bot, pulse: TelegramPulse, every: float = CHECK_SECONDS) -> None:
    """Ask Telegram how its deliveries go, until cancelled."""
    while True:
        await check_webhook(bot, pulse)
        await asyncio.sleep(every)


async def check_webhook(bot: Bot, pulse: TelegramPulse) -> None:
    try:
        info = await bot.get_webhook_info()
    except TelegramAPIError as error:
        log.warning("could not ask Telegram about the webhook: %s", error)
        return
    report = WebhookReport(info.pending_update_count, info.last_error_message)
    if report.last_error and (pulse.webhook is None or pulse.webhook.last_error is None):
        log.warning("Telegram cannot deliver updates to us: %s", report.last_error)
    pulse.webhook = report
