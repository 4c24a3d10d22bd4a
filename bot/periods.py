"""The period a report covers, as a head writes it: `today`, `week`, `month`, or two dates.

Pure: `now` and the team's zone are passed in. Days are the team's local days; a range of
dates includes both ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.dates import read_day
from bot.routing.hours import local_midnight

MAX_DAYS = 366
REPORT_TIME = time(9)  # the weekly report goes out at the start of Monday
_INSTANT = timedelta(microseconds=1)
# "2026-11-01..2026-11-30", "01.11.2026 30.11.2026", "01.11—30.11".
_RANGE = re.compile(r"^(\S+?)\s*(?:\.\.|—|–|\s)\s*(\S+)$")


class Span(StrEnum):
    TODAY = "today"
    WEEK = "week"  # the last 7 days
    MONTH = "month"  # the last 30 days
    RANGE = "range"  # from one day to another, both included
    LAST_WEEK = "last_week"  # Monday to Sunday before this week: the weekly report's


_WORDS = {
    "today": Span.TODAY,
    "сегодня": Span.TODAY,
    "week": Span.WEEK,
    "неделя": Span.WEEK,
    "неделю": Span.WEEK,
    "month": Span.MONTH,
    "месяц": Span.MONTH,
}


@dataclass(frozen=True)
class Period:
    span: Span
    start: datetime  # included
    end: datetime  # not included
    first_day: date  # as the team's calendar reads it, for the heading
    last_day: date


def parse_period(
    text: str, now: datetime, zone: ZoneInfo, default: Span = Span.WEEK
) -> Period | None:
    """The period `text` names (empty: `default`), or None if it names none."""
    words = text.strip().casefold()
    span = _WORDS.get(words or default.value)
    today = now.astimezone(zone).date()
    until = now + _INSTANT  # up to this moment, what happened at it included
    if span is Span.TODAY:
        return Period(span, local_midnight(today, zone), until, today, today)
    if span in (Span.WEEK, Span.MONTH):
        days = 7 if span is Span.WEEK else 30
        start = now - timedelta(days=days)
        return Period(span, start, until, start.astimezone(zone).date(), today)
    found = _RANGE.match(words)
    if found is None:
        return None
    first_read, last_read = read_day(found.group(1), today), read_day(found.group(2), today)
    if first_read is None or last_read is None:
        return None
    first, last = first_read[0], last_read[0]  # 01.11 is this year's: a report looks back
    if last < first or (last - first).days >= MAX_DAYS:
        return None
    return Period(
        Span.RANGE,
        local_midnight(first, zone),
        local_midnight(last + timedelta(days=1), zone),
        first,
        last,
    )


def last_week(now: datetime, zone: ZoneInfo) -> Period:
    """The calendar week before the one `now` is in, Monday to Sunday in `zone`: what the
    Monday report covers, whichever day of this week it is sent (late, after a stop)."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(days=7)
    return Period(
        Span.LAST_WEEK,
        local_midnight(first, zone),
        local_midnight(monday, zone),
        first,
        monday - timedelta(days=1),
    )


def next_report_time(now: datetime, zone: ZoneInfo) -> datetime:
    """The first Monday, REPORT_TIME in `zone`, after `now`."""
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    due = datetime.combine(monday, REPORT_TIME, zone)
    return due if due > now else datetime.combine(monday + timedelta(days=7), REPORT_TIME, zone)
