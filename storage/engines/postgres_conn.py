"""The driver calls on PostgreSQL: our `?` SQL through asyncpg, one connection at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeAlias

import asyncpg

from storage.driver import POSTGRES, Dialect, Params, Row, UnitEndedError
from storage.engines.postgres_sql import numbered
from storage.errors import UniqueViolationError

# A connection of our own or one lent by the pool: the same calls either way. (A string:
# asyncpg's classes are generic only in its type stubs.)
Raw: TypeAlias = "asyncpg.Connection[Any] | asyncpg.pool.PoolConnectionProxy[Any]"

# Failures of the server or of the way to it: storage's trouble, not the caller's bug.
UNAVAILABLE = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.LockNotAvailableError,
    asyncpg.QueryCanceledError,
    asyncpg.InsufficientResourcesError,
)


def _number(value: bytes | str) -> int | float:
    # SUM and AVG come back as NUMERIC; the SQLite driver gives int or float, and so do we.
    number = Decimal(value.decode() if isinstance(value, bytes) else value)
    return int(number) if number == number.to_integral_value() else float(number)


async def prepare(conn: Raw) -> None:
    await conn.set_type_codec(
        "numeric", encoder=str, decoder=_number, schema="pg_catalog", format="text"
    )


def _status_count(status: str) -> int:
    # "UPDATE 3", "INSERT 0 1", "DELETE 0": the last word is the rows changed.
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class PostgresConn:
    """The driver calls over one asyncpg connection (a unit's, inside its transaction)."""

    def __init__(self, raw: Raw) -> None:
        self.raw = raw
        self.open = True  # False once its unit's transaction has ended

    def _sql(self, sql: str) -> str:
        if not self.open:
            raise UnitEndedError(sql)
        return numbered(sql)

    @property
    def dialect(self) -> Dialect:
        return POSTGRES

    async def fetch_one(self, sql: str, params: Params = (), /) -> Row | None:
        try:
            row: Row | None = await self.raw.fetchrow(self._sql(sql), *params)
        except asyncpg.UniqueViolationError as error:
            raise UniqueViolationError(str(error)) from error
        return row

    async def fetch_all(self, sql: str, params: Params = (), /) -> list[Row]:
        try:
            rows: list[Row] = await self.raw.fetch(self._sql(sql), *params)
        except asyncpg.UniqueViolationError as error:
            raise UniqueViolationError(str(error)) from error
        return rows

    async def execute(self, sql: str, params: Params = (), /) -> int:
        try:
            return _status_count(await self.raw.execute(self._sql(sql), *params))
        except asyncpg.UniqueViolationError as error:
            raise UniqueViolationError(str(error)) from error

    async def execute_many(self, sql: str, rows: Iterable[Sequence[object]], /) -> None:
        try:
            await self.raw.executemany(self._sql(sql), rows)
        except asyncpg.UniqueViolationError as error:
            raise UniqueViolationError(str(error)) from error


class PooledConn:
    """Statements outside any unit, each on a connection of the pool, each its own
    transaction: a test's setup, a check."""

    def __init__(self, pool: asyncpg.Pool[Any]) -> None:
        self._pool = pool

    @property
    def dialect(self) -> Dialect:
        return POSTGRES

    async def fetch_one(self, sql: str, params: Params = (), /) -> Row | None:
        async with self._pool.acquire() as raw:
            return await PostgresConn(raw).fetch_one(sql, params)

    async def fetch_all(self, sql: str, params: Params = (), /) -> list[Row]:
        async with self._pool.acquire() as raw:
            return await PostgresConn(raw).fetch_all(sql, params)

    async def execute(self, sql: str, params: Params = (), /) -> int:
        async with self._pool.acquire() as raw:
            return await PostgresConn(raw).execute(sql, params)

    async def execute_many(self, sql: str, rows: Iterable[Sequence[object]], /) -> None:
        async with self._pool.acquire() as raw:
            await PostgresConn(raw).execute_many(sql, rows)
