"""Copies of the database: made while the bot runs, kept for a while, put back by hand.

A copy goes through SQLite's online backup API, so it is consistent even while leads are
being written (it holds what was committed when it began, and nothing half-written), and
it is written beside its final name and renamed only once whole: a crash never leaves a
copy that looks complete and is not. Copies hold every client's phone: they are private to
the bot's own user, like the database.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from storage.db import PRIVATE_FILE, PRIVATE_FOLDER, load_migrations
from storage.errors import StorageError

# The nightly copies, by name; others in the folder (before a migration, before a restore,
# or put there by hand) are never pruned.
_NIGHTLY = re.compile(r"^leads-\d{8}-\d{6}\.db$")


class BadBackupError(StorageError):
    """The file is not a copy this bot can put back: not SQLite, damaged, or too new."""


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of the database at `source`, at `target` (mode 0600)."""
    if not source.exists():
        raise BadBackupError(f"{source} does not exist")
    target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
        _sync(partial)
        os.replace(partial, target)
        _sync(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def examine_file(path: Path, check: str = "integrity_check") -> tuple[str, int]:
    """A database file's own verdict on itself ("ok", or what is wrong) and its schema
    version, read without writing anything; sqlite3's errors come out as `sqlite3.Error`.
    `check` is "integrity_check" (every page) or "quick_check" (faster, for a doctor)."""
    assert check in {"integrity_check", "quick_check"}
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        verdict = str(conn.execute(f"PRAGMA {check}").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("SELECT COUNT(*) FROM leads").fetchone()
    return verdict, version


def check_copy(path: Path) -> int:
    """The schema version of a copy that may be put back; else why not."""
    try:
        verdict, version = examine_file(path)
    except sqlite3.Error as error:
        raise BadBackupError(f"{path} is not a database of this bot: {error}") from None
    if verdict != "ok":
        raise BadBackupError(f"{path} is damaged: {verdict}")
    if version > len(load_migrations()):
        raise BadBackupError(f"{path} was written by a newer bot (schema {version})")
    return version


def restore_database(copy: Path, target: Path) -> None:
    """Put `copy` back as the database at `target`. The caller holds the instance lock, so
    no bot has the file open; the copy goes in through the backup API, so the target's own
    journal files stay consistent with it."""
    check_copy(copy)
    target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    with closing(sqlite3.connect(copy)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    os.chmod(target, PRIVATE_FILE)


class Backups:
    """The folder of copies: a new one (`make`), and the nightly ones beyond `keep` gone."""

    def __init__(self, database: Path, folder: Path, keep: int) -> None:
        self.database = database
        self.folder = folder
        self.keep = keep

    def make(self, now: datetime, why: str | None = None) -> Path:
        """A copy named by `now` (and `why`: "before-0009", "before-restore")."""
        name = f"leads-{now:%Y%m%d-%H%M%S}" + (f"-{why}" if why else "") + ".db"
        return copy_database(self.database, self.folder / name)

    def nightly(self, now: datetime) -> tuple[Path, list[Path]]:
        """Tonight's copy, and the older nightly copies removed to keep `keep` of them."""
        made = self.make(now)
        return made, self.prune()

    def prune(self) -> list[Path]:
        nightly = sorted(p for p in self.folder.glob("leads-*.db") if _NIGHTLY.match(p.name))
        gone = nightly[: max(0, len(nightly) - self.keep)]
        for path in gone:
            path.unlink(missing_ok=True)
        return gone


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
