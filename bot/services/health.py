from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.delivery.pulse import TelegramPulse
from storage import Database, OutboxRepo


@dataclass(frozen=True)
class Health:
    database: bool
    telegram: bool
    outbox_pending: int | None
    oldest_pending_seconds: float | None

    @property
    def ok(self) -> bool:
        return self.database and self.telegram

    def as_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "degraded",
            "database": self.database,
            "telegram": self.telegram,
            "queue": {
                "pending": self.outbox_pending,
                "oldest_seconds": self.oldest_pending_seconds,
            },
        }


class HealthService:
    def __init__(self, db: Database, pulse: TelegramPulse, clock: Clock) -> None:
        self._db = db
        self._pulse = pulse
        self._clock = clock
        self._outbox = OutboxRepo(db.conn)

    async def check(self) -> Health:
        database = await self._db.ping()
        pending: int | None = None
        oldest: float | None = None
        if database:
            pending, since = await self._outbox.backlog()
            if since is not None:
                oldest = round((self._clock.now() - since).total_seconds(), 1)
        return Health(database, self._pulse.reachable(), pending, oldest)
