"""The database's files: only the bot's own user may read them."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)


# The database holds every client's phone: nobody but the bot's own user may read it.
PRIVATE_FILE = 0o600

PRIVATE_FOLDER = 0o700

COMPANIONS = ("", "-wal", "-shm", "-journal")


def secure_files(path: Path) -> None:
    """Create the folder (0700) and the file (0600) if missing; tighten them if wider.

    SQLite gives its -wal and -shm files the mode of the database file, so a private
    database file keeps its companions private too.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=PRIVATE_FOLDER)
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            mode = stat.S_IMODE(companion.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            companion.chmod(PRIVATE_FILE)
            log.warning(
                "%s was readable by others (mode %o); it is now %o", companion, mode, PRIVATE_FILE
            )
