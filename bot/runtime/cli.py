"""`python -m bot` and its maintenance commands.

    python -m bot                  run the bot
    python -m bot backup [FILE]    a consistent copy of the database, while the bot runs
                                   (SQLite: a .db file; PostgreSQL: a pg_dump archive)
    python -m bot restore FILE     put a copy back (every bot process must be stopped)
    python -m bot check            is this set-up ready to run? (exit 0: yes)

The commands read the same settings as the bot (the environment and `.env`). What they
print is for the person at the server: English, then Russian.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.config import ConfigError, Settings, exit_with, load_settings
from bot.runtime.app import backups_of
from bot.runtime.app import main as run_bot
from bot.runtime.doctor import examine, report
from bot.runtime.leadership import LEASE
from storage import Database, StorageError
from storage.backup import (
    BadBackupError,
    Restored,
    check_copy,
    copy_database,
    restore_database,
)
from storage.instance_lock import AlreadyRunningError, InstanceLock


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot", description="The lead bot.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    backup = commands.add_parser("backup", help="copy the database, even while the bot runs")
    backup.add_argument("file", nargs="?", type=Path, help="where (default: BACKUP_DIR)")
    restore = commands.add_parser("restore", help="put a copy back; stop the bot first")
    restore.add_argument("file", type=Path, help="the copy to put back")
    commands.add_parser("check", help="is this set-up ready to run? exit code 0: yes")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        run_bot()
        return
    if args.command == "check":
        raise SystemExit(report(asyncio.run(examine())))
    try:
        settings = load_settings()
    except ConfigError as error:
        exit_with(error)
    now = datetime.now(UTC)
    match args.command:
        case "backup":
            raise SystemExit(back_up(settings, args.file, now))
        case "restore":
            raise SystemExit(put_back(settings, args.file, now))
        case other:
            parser.error(f"unknown command {other}")


def back_up(settings: Settings, file: Path | None, now: datetime) -> int:
    database = settings.database
    try:
        if file is None:
            made = backups_of(settings).make(now)
        elif isinstance(database, Path):
            made = copy_database(database, file)
        else:
            from storage.engines.postgres_backup import dump  # noqa: PLC0415 - PostgreSQL only

            made = dump(database, file)
    except (BadBackupError, OSError) as error:
        say(f"Not copied: {error}", f"Копия не сделана: {error}")
        return 2
    say(f"Copied the database to {made}.", f"Копия базы сохранена: {made}.")
    return 0


def put_back(settings: Settings, file: Path, now: datetime) -> int:
    database = settings.database_file
    if database is None:
        return put_back_postgres(settings, file, now)
    try:
        lock = InstanceLock.acquire(database)
    except AlreadyRunningError as error:
        say(
            f"Not restored: {error}. Stop the bot first (as a service: sudo systemctl stop "
            "leadbot), then run restore again.",
            "Не восстановлено: бот работает с этой базой. Сначала остановите бота (службу: "
            "sudo systemctl stop leadbot), потом запустите restore снова.",
        )
        return 2
    try:
        check_copy(file)
        kept = backups_of(settings).make(now, "before-restore") if database.exists() else None
        restored = restore_database(file, database, now, kept)
    except (BadBackupError, OSError) as error:
        say(f"Not restored: {error}", f"Не восстановлено: {error}")
        return 2
    finally:
        lock.release()
    say(f"Restored {database} from {file}.", f"База {database} восстановлена из {file}.")
    if kept is not None:
        say(f"What was there is kept in {kept}.", f"Прежняя база сохранена: {kept}.")
    tell_taken_out(restored, kept)
    return 0


def put_back_postgres(settings: Settings, file: Path, now: datetime) -> int:
    from storage.engines.postgres_backup import (  # noqa: PLC0415 - PostgreSQL only
        dump_version,
        known_version,
        restore,
    )

    url = settings.database
    assert isinstance(url, str)
    try:
        running = asyncio.run(_leader(url))
    except StorageError as error:
        say(f"Not restored: {error}", f"Не восстановлено: {error}")
        return 2
    if running is not None:
        say(
            f"Not restored: a bot process ({running}) runs on this database. Stop every "
            "process first (as services: sudo systemctl stop 'leadbot@*'), then run restore "
            "again.",
            f"Не восстановлено: с этой базой работает процесс бота ({running}). Сначала "
            "остановите все процессы (службы: sudo systemctl stop 'leadbot@*'), потом "
            "запустите restore снова.",
        )
        return 2
    try:
        dump_version(file)
        kept = backups_of(settings).make(now, "before-restore")
    except (BadBackupError, OSError) as error:
        say(f"Not restored: {error}", f"Не восстановлено: {error}")
        return 2
    try:
        restored = restore(file, url, now, kept, known_version())
    except (BadBackupError, OSError, StorageError) as error:
        # The schema may be gone by now: say where the database as it was is kept.
        say(
            f"Not restored: {error}. The database as it was is kept in {kept}: put it back "
            f"with python -m bot restore {kept}",
            f"Не восстановлено: {error}. Прежняя база сохранена в {kept}: верните её командой "
            f"python -m bot restore {kept}",
        )
        return 2
    say(f"Restored the database from {file}.", f"База восстановлена из {file}.")
    say(f"What was there is kept in {kept}.", f"Прежняя база сохранена: {kept}.")
    tell_taken_out(restored, kept)
    return 0


async def _leader(url: str) -> str | None:
    """The process leading on the database, if one is alive (a lease not yet lapsed)."""
    db = await Database.open(url)
    try:
        return await db.live_holder(LEASE)
    finally:
        await db.close()


def tell_taken_out(restored: Restored, kept: Path | None) -> None:
    """Nothing drops out silently: the leads the copy lacks, by number and client."""
    out = restored.taken_out
    if not out:
        say(
            "Every lead the database had is in the copy.",
            "Все лиды, что были в базе, в копии есть.",
        )
        return
    where = str(kept) if kept is not None else "-"
    say(
        f"The copy lacks {len(out)} lead(s) the database had; they are kept in {where} and "
        "the heads of sales will be told at the next start:",
        f"В копии нет лидов, что были в базе ({len(out)}); они сохранены в {where}, "
        "руководители узнают о них при следующем запуске:",
    )
    for lead in out:
        print(f"  №{lead.number} {lead.client}")
    say(
        f"New leads get numbers from {restored.high_water + 1}: none is issued twice.",
        f"Новые лиды получат номера с {restored.high_water + 1}: ни один не повторится.",
    )


def say(english: str, russian: str) -> None:
    print(english)
    print(russian)
