"""A day as a person writes it: 2026-12-01, 01.12.2026, 01.12, or today."""

from __future__ import annotations

from datetime import date

TODAY_WORDS = frozenset({"today", "сегодня"})
# Days a sales team writes about. Far outside them a day is a typo (or a probe), and its
# midnight in a time zone, or the day after it, is past what datetime can hold.
FIRST_YEAR = 1970
LAST_YEAR = 2999


def read_day(text: str, today: date) -> tuple[date, bool] | None:
    """The day, and whether its year was written (01.12 is this year's, as written); None
    if `text` is no day."""
    text = text.strip().casefold()
    if text in TODAY_WORDS:
        return today, True
    try:
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return (day, True) if FIRST_YEAR <= day.year <= LAST_YEAR else None
    parts = text.split(".")
    if len(parts) not in (2, 3) or not all(p.isdecimal() and p.isascii() for p in parts):
        return None
    year = int(parts[2]) if len(parts) == 3 else today.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, int(parts[1]), int(parts[0])), len(parts) == 3
    except ValueError:
        return None


def day_text(day: date) -> str:
    """01.12.2026: a day as a Russian reader writes it, and as `read_day` reads it back."""
    return day.strftime("%d.%m.%Y")
