from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.delivery.telegram.pulse import TelegramPulse, WebhookReport
from bot.people import Roles
from storage import Database, StorageUnavailableError

# /health counts intake refusals over this window: a form that broke today shows up.
REFUSALS_WINDOW = timedelta(days=1)
# A write that failed this recently makes the status "degraded": reads may work on a full
# disk while no lead can be stored.
WRITE_FAILURE_WINDOW_SECONDS = 300.0
NO_HEADS = (
    "ADMIN_IDS is empty: nobody can set the bot up, and no head is told about leads that "
    "wait or cannot be handed out. Put your Telegram id there (the bot tells it on /start)."
)


@dataclass(frozen=True)
class Health:
    database: bool
    telegram: bool
    outbox_pending: int | None
    oldest_pending_seconds: float | None
    teams_paused: int | None = None
    refused_last_day: int | None = None
    write_failure: str | None = None  # why the latest write failed, if it was recent
    webhook: WebhookReport | None = None  # webhook mode: Telegram's account of deliveries
    heads: int | None = None  # heads of sales the bot knows (ADMIN_IDS and /head add)

    @property
    def ok(self) -> bool:
        return (
            self.database and self.telegram and not self.teams_paused and self.write_failure is None
        )

    @property
    def warnings(self) -> list[str]:
        """What works but will surprise someone: not enough to call the bot degraded."""
        if self.heads == 0:
            return [NO_HEADS]
        return []

    def as_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "degraded",
            "database": self.database,
            "database_write_error": self.write_failure,
            "telegram": self.telegram,
            "teams_paused": self.teams_paused,
            "heads_of_sales": self.heads,
            "warnings": self.warnings,
            "intake_refused_last_day": self.refused_last_day,
            "queue": {
                "pending": self.outbox_pending,
                "oldest_seconds": self.oldest_pending_seconds,
            },
            **(
                {}
                if self.webhook is None
                else {
                    "webhook": {
                        "pending_updates": self.webhook.pending,
                        "last_error": self.webhook.last_error,
                    }
                }
            ),
        }


class HealthService:
    def __init__(
        self, db: Database, pulse: TelegramPulse, clock: Clock, roles: Roles | None = None
    ) -> None:
        self._db = db
        self._pulse = pulse
        self._clock = clock
        self._roles = roles

    async def check(self) -> Health:
        now = self._clock.now()
        database = await self._db.ping()
        pending: int | None = None
        oldest: float | None = None
        paused: int | None = None
        refused: int | None = None
        if database:
            try:
                async with self._db.reading() as u:
                    pending, since = await u.outbox.backlog()
                    paused = await u.teams.paused_count()
                    refused = await u.refusals.count_since(now - REFUSALS_WINDOW)
            except (StorageUnavailableError, ValueError):
                database = False  # it answered the ping and failed right after
            else:
                if since is not None:
                    oldest = round((now - since).total_seconds(), 1)
        failure = self._db.last_write_failure
        recent = failure is not None and (
            time.monotonic() - failure.at < WRITE_FAILURE_WINDOW_SECONDS
        )
        return Health(
            database,
            self._pulse.reachable(),
            pending,
            oldest,
            paused,
            refused,
            failure.reason if failure is not None and recent else None,
            self._pulse.webhook,
            None if self._roles is None else len(self._roles.head_ids),
        )
