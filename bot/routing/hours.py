"""Working time: when a team (or one manager) works, and deadlines that count only it.

Pure: a `Calendar` answers for the moment it is given. Hours are local wall-clock time in
the team's zone, so a deadline set on Friday evening in Vladivostok lands on Monday morning
there, whatever the server's zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

DAY = 24 * 60
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_WORDS = {
    **{name: index for index, name in enumerate(WEEKDAYS)},
    **{name: index for index, name in enumerate(("пн", "вт", "ср", "чт", "пт", "сб", "вс"))},
}
_EVERY_DAY = {"daily", "all", "every", "ежедневно", "все", "каждый"}
_SPAN = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$")


class OffHours(StrEnum):
    """What happens to a lead for a person when the team is off."""

    HOLD = "hold"  # it waits and is routed at opening; first-come cards are still posted
    DUTY = "duty"  # it goes to the managers on duty


@dataclass(frozen=True)
class Span:
    """Daily working hours, in minutes from local midnight: start < end <= 24:00."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> Span | None:
        found = _SPAN.match(text)
        if found is None:
            return None
        h1, m1, h2, m2 = (int(part) for part in found.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 >= 60 or m2 >= 60 or start >= DAY or not start < end <= DAY:
            return None
        return cls(start, end)

    def __str__(self) -> str:
        return f"{_clock(self.start)}-{_clock(self.end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_days(text: str) -> frozenset[int] | None:
    """ "mon-fri", "пн-пт", "mon,wed,fri", "sat-mon" (wraps), "daily"; None if unreadable."""
    text = text.strip().casefold().replace(" ", "")
    if text in _EVERY_DAY:
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.split(","):
        ends = part.split("-")
        if len(ends) > 2 or any(end not in _WEEKDAY_WORDS for end in ends):
            return None
        first, last = _WEEKDAY_WORDS[ends[0]], _WEEKDAY_WORDS[ends[-1]]
        days.update((first + step) % 7 for step in range((last - first) % 7 + 1))
    return frozenset(days)


def days_text(days: frozenset[int]) -> str:
    """The shortest spelling parse_days reads back: "mon-fri", "mon,wed,fri"."""
    runs: list[str] = []
    ordered = sorted(days)
    index = 0
    while index < len(ordered):
        first = ordered[index]
        while index + 1 < len(ordered) and ordered[index + 1] == ordered[index] + 1:
            index += 1
        last = ordered[index]
        runs.append(WEEKDAYS[first] if first == last else f"{WEEKDAYS[first]}-{WEEKDAYS[last]}")
        index += 1
    return ",".join(runs)


@dataclass(frozen=True)
class Calendar:
    zone: ZoneInfo
    days: frozenset[int]  # weekdays, Monday = 0
    hours: Span

    def __post_init__(self) -> None:
        if not self.days:
            raise ValueError("a calendar needs at least one working day")

    @classmethod
    def always(cls, zone: ZoneInfo) -> Calendar:
        return cls(zone, frozenset(range(7)), Span(0, DAY))

    def is_open(self, at: datetime) -> bool:
        return next(self._intervals(at))[0] <= at

    def next_open(self, at: datetime) -> datetime:
        """`at` itself during working time, else the next opening."""
        return max(at.astimezone(UTC), next(self._intervals(at))[0])

    def add(self, at: datetime, delta: timedelta) -> datetime:
        """`delta` of working time after `at`. Whole days count working days: "3d" from
        Friday 15:00 is Wednesday 15:00 for a Monday-to-Friday team."""
        if delta > timedelta(0) and delta % timedelta(days=1) == timedelta(0):
            return self._add_days(self.next_open(at), delta.days)
        remaining = delta
        for opens, closes in self._intervals(at):
            begin = max(opens, at.astimezone(UTC))
            if begin + remaining <= closes:
                return begin + remaining
            remaining -= closes - begin
        raise AssertionError("working intervals never end")

    def last_close(self, at: datetime) -> datetime | None:
        """When working time last ended before `at` (None if not within two weeks)."""
        day = at.astimezone(self.zone).date()
        for _ in range(15):
            if day.weekday() in self.days:
                closes = self._at(day, self.hours.end)
                if closes <= at:
                    return closes
            day -= timedelta(days=1)
        return None

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from `start` to `end`: how long a lead that came at 23:00 and was
        taken at 09:05 really waited (5 minutes). Nothing when `end` is not after `start`."""
        total = timedelta(0)
        if end <= start:
            return total
        for opens, closes in self._intervals(start):
            if opens >= end:
                break
            total += min(closes, end) - max(opens, start)
        return total

    def _add_days(self, start: datetime, count: int) -> datetime:
        local = start.astimezone(self.zone)
        day = local.date()
        while count:
            day += timedelta(days=1)
            count -= day.weekday() in self.days
        moment = datetime.combine(day, local.time(), self.zone)
        return moment.astimezone(UTC)

    def _intervals(self, at: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals that end after `at`, in order, in UTC: adding a duration to a
        local time would count wall-clock time across a daylight-saving change."""
        day = at.astimezone(self.zone).date()
        while True:
            if day.weekday() in self.days:
                closes = self._at(day, self.hours.end)
                if closes > at:
                    yield self._at(day, self.hours.start), closes
            day += timedelta(days=1)

    def _at(self, day: date, minutes: int) -> datetime:
        if minutes == DAY:
            return local_midnight(day + timedelta(days=1), self.zone)
        return datetime.combine(day, time(minutes // 60, minutes % 60), self.zone).astimezone(UTC)


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """When `day` begins in `zone`, in UTC."""
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def off_duty(team_open: bool, policy: OffHours, own_hours_open: bool, on_duty: bool) -> bool:
    """Whether routing must pass a manager over for the hour. A manager on duty never is.
    While the team works, a manager with hours of their own is off outside them. While the
    team is off and leads wait (`hold`), routing decides as if it were open and the lead is
    then held; with `duty`, only managers on duty take leads."""
    if on_duty:
        return False
    if team_open:
        return not own_hours_open
    return policy is OffHours.DUTY
