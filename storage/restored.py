"""What a restore reports, on either engine."""

from __future__ import annotations

from dataclasses import dataclass

from storage.errors import StorageError


class BadBackupError(StorageError):
    """The file is not a copy this bot can put back: not SQLite, damaged, or too new."""


@dataclass(frozen=True)
class TakenOut:
    """A lead the database had that the copy put back does not."""

    number: int
    client: str  # as the form gave it: name, company, phone, e-mail


@dataclass(frozen=True)
class Restored:
    taken_out: list[TakenOut]
    high_water: int  # the highest lead number issued before: no new lead gets one as low
