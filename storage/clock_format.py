"""Timestamps in the database: ISO 8601 in UTC with a fixed width, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)


def from_db_optional(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)
