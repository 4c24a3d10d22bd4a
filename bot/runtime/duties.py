"""What the leading process does (see `leadership`), each started and stopped with the lead."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from contextlib import suppress
from datetime import datetime
from typing import Any

from bot.delivery.outbox import OutboxWorker
from bot.delivery.signal import OutboxSignal
from bot.timing.scheduler import Scheduler
from storage import Database, Listener

log = logging.getLogger(__name__)

Call = Callable[[], Coroutine[Any, Any, None]]


class Delivery:
    """The outbox worker: a new one each time this process comes to lead."""

    def __init__(self, make: Callable[[], OutboxWorker], stop_timeout: float) -> None:
        self._make = make
        self._stop_timeout = stop_timeout
        self._worker: OutboxWorker | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._worker = self._make()
        self._task = asyncio.create_task(self._worker.run(), name="outbox")

    async def stop(self) -> None:
        if self._worker is None or self._task is None:
            return
        self._worker.stop()
        try:
            await asyncio.wait_for(self._task, timeout=self._stop_timeout)
        except TimeoutError:
            log.warning("the outbox did not stop in time; its last message may repeat")
        self._worker = self._task = None

    async def tend(self) -> None:
        if self._task is not None and self._task.done() and not self._task.cancelled():
            error = self._task.exception()
            log.error("the outbox stopped (%r); starting it again", error)
            await self.start()


class Timers:
    """The scheduler of timers, nightly copies and reports."""

    def __init__(self, scheduler: Scheduler) -> None:
        self._scheduler = scheduler

    async def start(self) -> None:
        await self._scheduler.start()

    async def stop(self) -> None:
        self._scheduler.shutdown()

    async def tend(self) -> None:
        return None


class Hearing:
    """What other processes commit wakes this one: their messages, timers and zones. (On
    SQLite nobody else writes, and there is nothing to hear.)"""

    def __init__(self, db: Database, signal: OutboxSignal, scheduler: Scheduler) -> None:
        self._db = db
        self._signal = signal
        self._scheduler = scheduler
        self._listener: Listener | None = None
        self._zones: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._listener = await self._db.listen(
            {"outbox": self._outbox, "timers": self._timer, "settings": self._settings}
        )
        # The worker and the scheduler start after this and read what is due then; the
        # outbox is woken once more for what was committed while they started.
        self._signal.notify()

    async def stop(self) -> None:
        if self._listener is not None:
            await self._listener.close()
            self._listener = None

    async def tend(self) -> None:
        if self._listener is not None and not self._listener.alive:
            log.warning("lost the connection that hears other processes; listening again")
            await self.start()

    def _outbox(self, payload: str) -> None:
        self._signal.notify()

    def _timer(self, payload: str) -> None:
        self._scheduler.wake_at(datetime.fromisoformat(payload))

    def _settings(self, payload: str) -> None:
        # A team's zone may have moved its midnight: read the zones again, once.
        if self._zones is None or self._zones.done():
            self._zones = asyncio.create_task(self._plan_midnights())

    async def _plan_midnights(self) -> None:
        try:
            await self._scheduler.plan_midnights()
        except Exception:
            # The next change of settings, or the next start of the lead, plans them again.
            log.exception("could not plan the teams' midnights again")


class Polling:
    """Long polling: only the leader asks Telegram for updates."""

    def __init__(
        self,
        poll: Callable[[], Coroutine[Any, Any, None]],
        stop: Callable[[], Coroutine[Any, Any, None]],
    ) -> None:
        self._poll = poll
        self._stop_polling = stop
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._poll(), name="polling")

    async def stop(self) -> None:
        if self._task is None:
            return
        task, self._task = self._task, None
        try:
            # aiogram refuses to stop a polling that has not begun (still asking Telegram
            # who the bot is): then the task is cancelled instead.
            await self._stop_polling()
            await asyncio.wait_for(asyncio.shield(task), timeout=30)
        except (RuntimeError, TimeoutError):
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    async def tend(self) -> None:
        if self._task is not None and self._task.done():
            log.warning("polling ended; starting it again")
            await self.start()
