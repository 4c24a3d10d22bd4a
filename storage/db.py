"""The database the bot runs on, whichever the engine, handing out one unit of work per
transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from storage.driver import Conn
from storage.engines.base import BeforeMigrating, Engine, Listener, WriteFailure
from storage.reading.export import ExportReader
from storage.unit import OnEmit, Unit

__all__ = ["BeforeMigrating", "Database", "WriteFailure", "is_postgres_url"]

# The moment a unit starts: the bot's clock (a test's fake one), read once per unit.
Now = Callable[[], datetime]
# What a committed unit emitted, handed over after the commit (the bot's reactions).
OnCommit = Callable[[Sequence[object]], None]


def _system_now() -> datetime:
    return datetime.now(UTC)


def _no_reactions(events: Sequence[object]) -> None:
    del events


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


class Database:
    """Units of work over one engine: SQLite's file, or a PostgreSQL database that several
    processes may share."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.now: Now = _system_now
        self.on_commit: OnCommit = _no_reactions
        self.on_emit: OnEmit | None = None  # what an event writes in its own unit

    @classmethod
    async def open(
        cls, target: Path | str, before_migrating: BeforeMigrating | None = None
    ) -> Database:
        """Open (creating it if need be) and migrate the database at `target`: a file's
        path, or a `postgresql://` URL. When a database that holds data is about to be
        migrated, `before_migrating` is called first (in a thread) with the version about
        to be applied: a backup, say."""
        engine: Engine
        if is_postgres_url(target):
            # Imported here: a SQLite installation never loads the PostgreSQL driver.
            from storage.engines.postgres import PostgresEngine  # noqa: PLC0415

            engine = await PostgresEngine.open(str(target))
        else:
            from storage.engines.sqlite import SqliteEngine  # noqa: PLC0415

            engine = await SqliteEngine.open(Path(target))
        try:
            await engine.migrate(before_migrating)
        except BaseException:
            await engine.close()
            raise
        return cls(engine)

    @property
    def conn(self) -> Conn:
        """Statements outside any unit, each committed on its own: for tests and checks."""
        return self.engine.conn

    @property
    def last_write_failure(self) -> WriteFailure | None:
        return self.engine.failures.last

    async def close(self) -> None:
        await self.engine.close()

    async def schema_version(self) -> int:
        return await self.engine.schema_version()

    @asynccontextmanager
    async def unit(self, wait: float | None = None) -> AsyncIterator[Unit]:
        """One write transaction and its unit. With `wait`, give up after that many seconds
        of waiting for the write lock (ours or another process's) with
        `StorageUnavailableError`, instead of keeping a caller (a form service with its own
        timeout) waiting. What the unit emitted goes to `on_commit` once it has committed."""
        async with self.engine.write(wait) as conn:
            unit = Unit(conn, self.now(), writes=True, on_emit=self.on_emit)
            yield unit
        self.on_commit(unit.settled())

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Unit]:
        """A unit that reads one consistent state, without seeing another unit's
        uncommitted writes; it cannot emit. The driver's failures come out as
        `StorageUnavailableError`."""
        async with self.engine.read() as conn:
            yield Unit(conn, self.now(), writes=False)

    def export_reader(self) -> ExportReader:
        """A reader for a long export that never holds the bot's own connection while a
        workbook is written."""
        return self.engine.export_reader()

    async def ping(self) -> bool:
        return await self.engine.ping()

    async def hold(self, lease: str, holder: str, seconds: float) -> bool:
        """Take or renew `lease` for `seconds`; True if `holder` has it now. On SQLite the
        one process always has it."""
        return await self.engine.hold(lease, holder, seconds)

    async def let_go(self, lease: str, holder: str) -> None:
        await self.engine.let_go(lease, holder)

    async def live_holder(self, lease: str) -> str | None:
        return await self.engine.live_holder(lease)

    async def listen(self, handlers: Mapping[str, Callable[[str], None]]) -> Listener:
        """Hear what other processes' units committed, by channel: `outbox` (messages
        queued), `timers` (a timer set, its moment as the payload), `settings`."""
        return await self.engine.listen({f"leadbot_{name}": h for name, h in handlers.items()})
