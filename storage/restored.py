"""What a restore reports, on either engine."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.clock_format import to_db
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


# The leads as a restore reads them before it puts a copy back, and where it records what
# it did (the heads are told at the next start). The same on both engines.
LEADS_BEFORE = "SELECT id, name, company, phone, email FROM leads"
RECORD_RESTORATION = (
    "INSERT INTO restorations (at, copy_file, kept_file, taken_out) VALUES (?, ?, ?, ?)"
)


@dataclass(frozen=True)
class Before:
    """What the database held before a restore: its leads by number, with their clients,
    and the highest number a restore before that had already taken out."""

    leads: dict[int, str]
    issued: int

    @classmethod
    def of(cls, rows: Iterable[Iterable[object]], issued: object) -> Before:
        """From `LEADS_BEFORE`'s rows (number, then the client's fields)."""
        leads = {}
        for number, *client in rows:
            leads[int(str(number))] = ", ".join(str(v) for v in client if v) or "—"
        return cls(leads, int(str(issued or 0)))

    @property
    def high_water(self) -> int:
        """No lead number up to this may be issued again."""
        return max(self.issued, *self.leads, 0)

    def taken_out(self, kept_now: set[int]) -> list[TakenOut]:
        return [TakenOut(n, who) for n, who in sorted(self.leads.items()) if n not in kept_now]


def restoration(
    at: datetime, copy: Path, kept: Path | None, taken_out: list[TakenOut]
) -> tuple[object, ...]:
    """The parameters of `RECORD_RESTORATION`."""
    return (
        to_db(at),
        str(copy),
        None if kept is None else str(kept),
        json.dumps([[t.number, t.client] for t in taken_out], ensure_ascii=False),
    )
