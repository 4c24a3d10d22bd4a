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
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from storage.errors import CannotOpenError
from storage.files import PRIVATE_FILE, PRIVATE_FOLDER
from storage.migrating import load_migrations
from storage.restored import (
    LEADS_BEFORE,
    RECORD_RESTORATION,
    BadBackupError,
    Before,
    Restored,
    TakenOut,
    restoration,
)
from storage.schema import apply_migration, schema_differences

# The nightly copies, by name; others in the folder (before a migration, before a restore,
# or put there by hand) are never pruned.
__all__ = [
    "Backups",
    "BadBackupError",
    "Restored",
    "TakenOut",
    "check_copy",
    "copy_database",
    "examine_file",
    "restore_database",
]

_NIGHTLY = re.compile(r"^leads-\d{8}-\d{6}\.(db|dump)$")


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


def read_only(path: Path) -> sqlite3.Connection:
    """The file opened for reading only. Its name goes into a URI, escaped: a name with
    '?' or '#' in it would otherwise open another file than the one checked."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def examine_file(path: Path, check: str = "integrity_check") -> tuple[str, int, list[str]]:
    """A database file's own verdict on itself ("ok", or what is wrong), its schema version
    and how its schema differs from what the migrations make of that version, read without
    writing anything; a file that is no database of ours raises `CannotOpenError`. `check`
    is "integrity_check" (every page) or "quick_check" (faster, for a doctor)."""
    assert check in {"integrity_check", "quick_check"}
    try:
        with closing(read_only(path)) as conn:
            verdict = str(conn.execute(f"PRAGMA {check}").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT COUNT(*) FROM leads").fetchone()
            known = version <= len(load_migrations())
            differences = schema_differences(conn, version) if known else []
    except sqlite3.Error as error:
        raise CannotOpenError(str(error)) from error
    return verdict, version, differences


def check_copy(path: Path) -> int:
    """The schema version of a copy that may be put back; else why not."""
    if not path.is_file():
        raise BadBackupError(f"{path} is not a file")
    try:
        verdict, version, differences = examine_file(path)
    except CannotOpenError as error:
        raise BadBackupError(f"{path} is not a database of this bot: {error}") from None
    if verdict != "ok":
        raise BadBackupError(f"{path} is damaged: {verdict}")
    if version > len(load_migrations()):
        raise BadBackupError(f"{path} was written by a newer bot (schema {version})")
    if differences:
        shown = ", ".join(differences[:5]) + (" ..." if len(differences) > 5 else "")
        raise BadBackupError(f"{path} is not what this bot makes: {shown}")
    return version


def restore_database(copy: Path, target: Path, at: datetime, kept: Path | None = None) -> Restored:
    """Put `copy` back as the database at `target`, migrated to this version. The caller
    holds the instance lock, so no bot has the file open; the copy goes in through the
    backup API, so the target's own journal files stay consistent with it.

    What the database had is carried over where a copy cannot bring it back: the highest
    lead number issued (so no number is issued twice), and the leads the copy lacks (named
    here, and to the heads at the next start, with where they are `kept`)."""
    check_copy(copy)
    try:
        return _put_back(copy, target, at, kept)
    except sqlite3.Error as error:
        raise BadBackupError(f"{copy} could not be put back: {error}") from None


def _put_back(copy: Path, target: Path, at: datetime, kept: Path | None) -> Restored:
    before = _before(target) if target.exists() else Before({}, 0)
    target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    with closing(sqlite3.connect(copy)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    os.chmod(target, PRIVATE_FILE)
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for migration in load_migrations()[version:]:
            apply_migration(conn, migration)
        taken_out = before.taken_out({row[0] for row in conn.execute("SELECT id FROM leads")})
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE lead_numbers SET high_water = max(high_water, ?) WHERE id = 1",
            (before.high_water,),
        )
        conn.execute(RECORD_RESTORATION, restoration(at, copy, kept, taken_out))
        conn.execute("COMMIT")
        issued = conn.execute("SELECT high_water FROM lead_numbers WHERE id = 1").fetchone()[0]
    return Restored(taken_out, int(issued))


def _before(path: Path) -> Before:
    """The leads of the database at `path`, and the highest number a restore before took
    out (0 if none)."""
    with closing(read_only(path)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        rows = conn.execute(LEADS_BEFORE).fetchall()
        issued = None
        if "lead_numbers" in tables:
            issued = conn.execute("SELECT MAX(high_water) FROM lead_numbers").fetchone()[0]
    return Before.of(rows, issued)


class Backups:
    """The folder of copies: a new one (`make`), and the nightly ones beyond `keep` gone."""

    def __init__(self, database: Path | str, folder: Path, keep: int, zone: tzinfo = UTC) -> None:
        self.database = database
        self.folder = folder
        self.keep = keep
        self.zone = zone  # the team's (TIMEZONE): names read as the clock on the office wall

    def make(self, now: datetime, why: str | None = None) -> Path:
        """A copy named by `now` in the zone (and `why`: "before-0009", "before-restore")."""
        local = now.astimezone(self.zone)
        name = f"leads-{local:%Y%m%d-%H%M%S}" + (f"-{why}" if why else "")
        if isinstance(self.database, Path):
            return copy_database(self.database, self.folder / f"{name}.db")
        # pg_dump's own format: pg_restore takes it back whole, or table by table.
        from storage.engines.postgres_backup import dump  # noqa: PLC0415 - PostgreSQL only

        return dump(self.database, self.folder / f"{name}.dump")

    def nightly(self, now: datetime) -> tuple[Path, list[Path]]:
        """Tonight's copy, and the older nightly copies removed to keep `keep` of them."""
        made = self.make(now)
        return made, self.prune()

    def prune(self) -> list[Path]:
        nightly = sorted(p for p in self.folder.glob("leads-*") if _NIGHTLY.match(p.name))
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
