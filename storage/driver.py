"""What a repository runs its SQL on: one transaction's connection, whichever the engine.

Repositories write their SQL once, with `?` placeholders, and run it through these four
calls; the SQLite driver hands it to aiosqlite as it is, the PostgreSQL driver numbers the
placeholders for asyncpg. A row is read by column name or position, as both drivers'
rows allow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Row(Protocol):
    """A row by column name or position; iterated, its values in column order."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


Params = Iterable[object]


class Conn(Protocol):
    """One connection's statements. A unit's connection is inside its transaction; the
    database's own (`Database.conn`, for tests and checks) commits each statement."""

    @property
    def dialect(self) -> Dialect: ...

    async def fetch_one(self, sql: str, params: Params = (), /) -> Row | None:
        """The first row of a statement expected to give at most a few."""
        ...

    async def fetch_all(self, sql: str, params: Params = (), /) -> list[Row]: ...

    async def execute(self, sql: str, params: Params = (), /) -> int:
        """Run a statement; how many rows it changed."""
        ...

    async def execute_many(self, sql: str, rows: Iterable[Sequence[object]], /) -> None: ...


class UnitEndedError(RuntimeError):
    """A unit's repository was used after its transaction ended: on a pool of connections
    its connection may be serving another transaction by then."""


@dataclass(frozen=True)
class Dialect:
    """The few expressions the two engines spell differently."""

    name: str
    # Whole seconds from `{earlier}` to `{later}`, both moments as ISO 8601 text.
    seconds_between: str


SQLITE = Dialect(
    "sqlite",
    seconds_between="CAST(round((julianday({later}) - julianday({earlier})) * 86400) AS INTEGER)",
)
POSTGRES = Dialect(
    "postgresql",
    # CAST(... AS TEXT) first: asyncpg is then told the parameter is text, as it is.
    seconds_between="CAST(round(extract(epoch FROM CAST(CAST({later} AS TEXT) AS timestamptz)"
    " - CAST(CAST({earlier} AS TEXT) AS timestamptz))) AS BIGINT)",
)
