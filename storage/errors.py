"""What storage raises. Callers catch these, never the driver's own errors, so that another
backend means new repositories, not new services."""

from __future__ import annotations

# The largest row id storage holds (a signed 64-bit integer, as SQLite's and PostgreSQL's
# BIGINT both are): a number past it is no row, and must not reach the driver.
ROW_ID_MAX = 2**63 - 1


class StorageError(RuntimeError):
    """Something went wrong in storage, not in the caller."""


class StorageUnavailableError(StorageError):
    """Nothing can be written (or read) now: another process holds the file's write lock
    past the wait we allow, the disk is full, the file went away. Nothing of the attempt
    was kept."""


class CannotOpenError(StorageError):
    """The database file cannot be opened or is not a database."""


class SchemaTooNewError(StorageError):
    """The file was written by a newer version of the bot; running old code on it is unsafe."""


class MigrationError(StorageError):
    """A migration would leave the file inconsistent; it was rolled back."""


class DuplicateLeadError(StorageError):
    """A lead with the same idempotency key or external id is already stored: another
    process sharing the file stored it between our check and our insert."""


class UniqueViolationError(StorageError):
    """A statement would store a second row with a value that must be unique. Raised by
    both drivers, so that a repository can tell it from every other failure."""
