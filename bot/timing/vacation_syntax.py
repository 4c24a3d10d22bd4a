"""How people write a vacation: `[@who] first last [@deputy]`, with dates as 2026-12-01,
01.12.2026, 01.12 or today. Pure: the team's local today is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_DAYS = 366
TODAY_WORDS = {"today", "сегодня"}


@dataclass(frozen=True)
class VacationArgs:
    subject: str | None  # "@ivan" before the dates: a head sets someone's vacation
    first: str
    last: str
    deputy: str | None  # "@olga" after the dates


def parse_args(text: str) -> VacationArgs | None:
    """`[@who] first last [@deputy]`; None if the words do not fit that shape."""
    words = text.split()
    subject = words.pop(0) if words and _names_someone(words[0]) else None
    deputy = words.pop() if len(words) == 3 and _names_someone(words[-1]) else None
    if len(words) != 2 or any(_names_someone(word) for word in words):
        return None
    return VacationArgs(subject, words[0], words[1], deputy)


def _names_someone(word: str) -> bool:
    """@username, or a member's number from /team."""
    return word.startswith("@") or (word.isdecimal() and len(word) < 6)


def parse_day(text: str, today: date) -> date | None:
    """2026-12-01, 01.12.2026, 01.12 (this year, or next if that has passed), today."""
    text = text.strip().casefold()
    if text in TODAY_WORDS:
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split(".")
    if len(parts) not in (2, 3) or not all(p.isdecimal() and p.isascii() for p in parts):
        return None
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else today.year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if len(parts) == 2 and found < today:
        return _next_year(found)
    return found


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None
