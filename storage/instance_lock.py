"""One bot process per database file.

Two processes on one file would both post every card and answer every update. The lock is
the operating system's (flock on a file beside the database): it dies with its process,
so a kill -9 or a power cut never leaves a stale lock behind, and nothing has to be
cleaned up by hand.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from storage.files import PRIVATE_FILE, PRIVATE_FOLDER


class AlreadyRunningError(RuntimeError):
    """Another process holds the database; the message says which file and which process."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """Held from `acquire` until `release` (or until the process ends, however it ends)."""

    def __init__(self, database: Path, fd: int) -> None:
        self.database = database
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, database: Path) -> InstanceLock:
        if not database.parent.exists():
            database.parent.mkdir(parents=True, mode=PRIVATE_FOLDER)
        path = lock_path(database)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise AlreadyRunningError(
                f"{database} is already in use by another bot process (pid {holder}); "
                "stop that one first, or give this one another DATABASE_PATH"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        # Who holds it, for the next one's message; the lock itself is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(database, fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # The pid is left in the file: it is only read while the lock is held.
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
