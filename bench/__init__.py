from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import SecretStr

from bot.config import Settings
from storage import TeamSettingRepo

# When a bench team is configured: before any lead of any run.
SET_UP_AT = datetime(2020, 1, 1, tzinfo=UTC)


def bench_settings(
    token: str, database: Path | str, head: int, telegram_api_url: str | None = None
) -> Settings:
    """The bot's settings for a benchmark: nothing read from the environment or `.env`.
    `database` is a SQLite file, or a PostgreSQL URL."""
    where = "database_path" if isinstance(database, Path) else "database_url"
    values: dict[str, object] = {
        "bot_token": SecretStr(token),
        where: database,
        "admin_ids": frozenset({head}),
    }
    if telegram_api_url is not None:
        values["telegram_api_url"] = telegram_api_url
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


async def open_all_day(settings: TeamSettingRepo, team_id: int) -> None:
    """Benchmarks measure routing, not the clock: the team works around the clock, so that
    a run at night or at the weekend routes as one in the afternoon."""
    await settings.put(team_id, "work_days", "daily", SET_UP_AT)
    await settings.put(team_id, "work_hours", "00:00-24:00", SET_UP_AT)


@asynccontextmanager
async def bench_database(
    folder: Path, postgres: bool, name: str = "bench"
) -> AsyncIterator[Path | str]:
    """Where a bench keeps its data: a SQLite file in `folder`, or with `postgres` a fresh
    database on the cluster LEADBOT_TEST_POSTGRES names (as the tests use), dropped after."""
    if not postgres:
        yield folder / f"{name}.db"
        return
    from tests.engines import drop_database, new_database  # noqa: PLC0415 - PostgreSQL only

    url = await new_database()
    try:
        yield url
    finally:
        await drop_database(url)
