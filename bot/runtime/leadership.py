"""One process at a time does the work that must be done once: sending the outbox, firing
the timers, polling Telegram.

On SQLite there is one process (the instance lock), and it leads from the start. On
PostgreSQL any number of processes serve the intake and the webhook, and the one holding the
lease in the database leads. It renews the lease every second; a lease unrenewed for TERM
seconds lapses, and a standby, trying every second, takes over within TERM + RENEW seconds
of the leader's death. A leader that fails to renew stops its duties at once: by the time
its lease lapses and another takes over, it has stopped sending.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from typing import Protocol

from storage import Database

log = logging.getLogger(__name__)

LEASE = "leader"
TERM = 3.0  # seconds a lease lasts unrenewed
RENEW = 1.0  # seconds between renewals, and between a standby's tries


class Duty(Protocol):
    """Work the leader does, started when it leads and stopped when it no longer does."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def tend(self) -> None:
        """Called at every renewal while leading: mend what broke meanwhile."""
        ...


def holder_name() -> str:
    """Who holds the lease, as a person reading the table would want it: host, process,
    and a nonce (a restarted process is another holder)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Leadership:
    def __init__(
        self,
        db: Database,
        duties: list[Duty],
        holder: str | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.holder = holder or holder_name()
        self.leading = False
        self._db = db
        self._duties = duties
        self._sleep = sleep

    async def step(self) -> bool:
        """Take or renew the lease once, and start or stop the duties to match."""
        held = await self._db.hold(LEASE, self.holder, TERM)
        if held and not self.leading:
            log.info("this process (%s) leads: it sends and fires the timers", self.holder)
            self.leading = True
            for duty in self._duties:
                await duty.start()
        elif held:
            for duty in self._duties:
                await duty.tend()
        elif self.leading:
            log.warning("this process (%s) lost the lead; another takes over", self.holder)
            await self._stop_duties()
        return held

    async def add(self, duty: Duty) -> None:
        """A duty that begins later (polling, once the bot serves): started at once if
        this process leads already."""
        self._duties.append(duty)
        if self.leading:
            await duty.start()

    async def run(self) -> None:
        while True:
            try:
                await self.step()
            except Exception:
                # A duty that cannot start (the database went away meanwhile) is tried
                # again at the next renewal; nothing may end the loop for good.
                log.exception("the lead could not be renewed, or a duty could not start")
                if self.leading:
                    await self._stop_duties()
            await self._sleep(RENEW)

    async def resign(self) -> None:
        """Stop the duties and hand the lease back: a standby need not wait for it to
        lapse."""
        if self.leading:
            await self._stop_duties()
            await self._db.let_go(LEASE, self.holder)

    async def _stop_duties(self) -> None:
        self.leading = False
        for duty in reversed(self._duties):
            try:
                await duty.stop()
            except Exception:
                log.exception("a duty did not stop cleanly")
