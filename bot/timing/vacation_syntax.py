"""How people write a vacation: `[@who] first last [@deputy]`, with dates as 2026-12-01,
01.12.2026, 01.12 or today. Pure: the team's local today is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.dates import read_day

MAX_DAYS = 366


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
    found = read_day(text, today)
    if found is None:
        return None
    day, year_written = found
    return day if year_written or day >= today else _next_year(day)


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None
