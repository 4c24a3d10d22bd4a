"""What `Database` asks of an engine: transactions to run units in, and its upkeep."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Protocol

from storage.driver import Conn
from storage.errors import StorageUnavailableError
from storage.reading.export import ExportReader

log = logging.getLogger("storage.db")

# Called with the version about to be applied to a database that already holds data.
BeforeMigrating = Callable[[int], object]


@dataclass(frozen=True)
class WriteFailure:
    at: float  # time.monotonic() of the failure
    reason: str


class FailureLog:
    """The last write that failed, for the health check."""

    def __init__(self) -> None:
        self.last: WriteFailure | None = None

    def failed(self, reason: str) -> None:
        log.warning("a write to the database failed: %s", reason)
        self.last = WriteFailure(time.monotonic(), reason)

    async def queue(self, lock: asyncio.Lock, wait: float | None) -> float | None:
        """Take this process's write lock, waiting `wait` seconds at most (else
        `StorageUnavailableError`, recorded); the deadline it leaves for the engine's own
        lock (the file's, the advisory one), if any."""
        deadline = None if wait is None else time.monotonic() + wait
        if wait is None:
            await lock.acquire()
            return None
        try:
            # asyncio.timeout, not wait_for: no task is made for a lock that is free.
            async with asyncio.timeout(wait):
                await lock.acquire()
        except TimeoutError:
            self.failed("the database is busy with other writes")
            raise StorageUnavailableError("the database is busy") from None
        return deadline


class Listener(Protocol):
    @property
    def alive(self) -> bool: ...

    async def close(self) -> None: ...


class Deaf:
    """Nothing to hear: on SQLite the one process writes, and wakes itself."""

    alive = True

    async def close(self) -> None:
        return None


class Engine(Protocol):
    name: str  # "sqlite" or "postgresql"
    failures: FailureLog

    @property
    def conn(self) -> Conn:
        """Commits each statement: a test's setup, a check."""
        ...

    def write(self, wait: float | None) -> AbstractAsyncContextManager[Conn]:
        """A write transaction, serialised with every other (in this process and in any
        other sharing the database); `StorageUnavailableError` past `wait` seconds."""
        ...

    def read(self) -> AbstractAsyncContextManager[Conn]:
        """A transaction that reads one consistent state and writes nothing."""
        ...

    async def migrate(self, before_migrating: BeforeMigrating | None) -> None: ...

    async def schema_version(self) -> int: ...

    async def ping(self) -> bool: ...

    def export_reader(self) -> ExportReader: ...

    async def close(self) -> None: ...

    async def hold(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease `name` for `seconds`: True if `holder` has it now."""
        ...

    async def let_go(self, name: str, holder: str) -> None: ...

    async def live_holder(self, name: str) -> str | None:
        """Who holds the lease `name` now, if anybody."""
        ...

    async def listen(self, handlers: Mapping[str, Callable[[str], None]]) -> Listener:
        """Hear other processes' notifications on these channels until closed."""
        ...
