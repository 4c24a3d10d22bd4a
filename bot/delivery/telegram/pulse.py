from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.clock import Clock

# Polling asks Telegram at least this often (and in webhook mode the bot asks how its
# deliveries go), so silence longer than this means trouble.
STALE_AFTER = timedelta(seconds=90)


@dataclass(frozen=True)
class WebhookReport:
    """Telegram's own account of delivering updates to our webhook."""

    pending: int
    last_error: str | None  # Telegram's words, when its latest delivery failed


class TelegramPulse(BaseRequestMiddleware):
    """Remembers whether Telegram answered lately, from the calls the bot makes anyway,
    so that /health can tell without making calls of its own."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.last_answer: datetime | None = None
        self.last_failure: datetime | None = None
        # Webhook mode: what Telegram last said of its deliveries to us (getWebhookInfo).
        self.webhook: WebhookReport | None = None

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            response = await make_request(bot, method)
        except (TelegramNetworkError, TelegramServerError):
            self.last_failure = self._clock.now()
            raise
        except Exception:
            # Telegram answered, even if it said no.
            self.last_answer = self._clock.now()
            raise
        self.last_answer = self._clock.now()
        return response

    def reachable(self) -> bool:
        if self.last_answer is None:
            return False
        if self.last_failure is not None and self.last_failure > self.last_answer:
            return False
        return self._clock.now() - self.last_answer < STALE_AFTER
