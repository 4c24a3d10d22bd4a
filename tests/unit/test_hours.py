"""Working time on a fake clock: weekends, midnight east of Moscow and west of UTC, a
daylight-saving change, whole working days, and vacation dates over a month end."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.durations import dump_duration, elapsed_text, parse_duration
from bot.i18n import Translator
from bot.routing.hours import (
    DAY,
    Calendar,
    OffHours,
    Span,
    days_text,
    local_midnight,
    off_duty,
    parse_days,
)
from bot.timing.vacation_syntax import parse_args, parse_day

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")  # UTC+10, seven hours east of Moscow
NEW_YORK = ZoneInfo("America/New_York")  # west of UTC, with daylight saving
WEEKDAYS = frozenset(range(5))
NINE_TO_SIX = Span(9 * 60, 18 * 60)


def at(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def office(zone: ZoneInfo) -> Calendar:
    return Calendar(zone, WEEKDAYS, NINE_TO_SIX)


def test_ten_minutes_before_the_weekend_end_on_monday_morning() -> None:
    friday = at(MOSCOW, 2026, 12, 4, 17, 55)
    due = office(MOSCOW).add(friday, timedelta(minutes=10))
    assert due == at(MOSCOW, 2026, 12, 7, 9, 5)


def test_a_lead_at_the_weekend_waits_from_monday_opening() -> None:
    saturday = at(MOSCOW, 2026, 12, 5, 12, 0)
    calendar = office(MOSCOW)
    assert not calendar.is_open(saturday)
    assert calendar.next_open(saturday) == at(MOSCOW, 2026, 12, 7, 9, 0)
    assert calendar.add(saturday, timedelta(minutes=5)) == at(MOSCOW, 2026, 12, 7, 9, 5)


def test_midnight_in_vladivostok_is_not_midnight_in_moscow_or_utc() -> None:
    # 17:58 in Vladivostok is 07:58 UTC the same day: the deadline is the next local morning.
    evening = at(VLADIVOSTOK, 2026, 12, 1, 17, 58)
    due = office(VLADIVOSTOK).add(evening, timedelta(minutes=5))
    assert due == at(VLADIVOSTOK, 2026, 12, 2, 9, 3)
    assert due.astimezone(UTC) == datetime(2026, 12, 1, 23, 3, tzinfo=UTC)
    # The same moment is working time in Moscow (10:58).
    assert office(MOSCOW).is_open(evening)


def test_west_of_utc_the_local_evening_is_the_next_utc_day() -> None:
    evening = at(NEW_YORK, 2026, 12, 1, 17, 58)  # 22:58 UTC
    due = office(NEW_YORK).add(evening, timedelta(minutes=5))
    assert due == at(NEW_YORK, 2026, 12, 2, 9, 3)
    assert due.astimezone(UTC) == datetime(2026, 12, 2, 14, 3, tzinfo=UTC)


def test_a_daylight_saving_change_over_the_weekend_keeps_local_hours() -> None:
    # New York moves its clocks on Sunday 8 March 2026: Monday opens at 13:00 UTC, not 14:00.
    friday = at(NEW_YORK, 2026, 3, 6, 17, 50)
    due = office(NEW_YORK).add(friday, timedelta(minutes=20))
    assert due.astimezone(UTC) == datetime(2026, 3, 9, 13, 10, tzinfo=UTC)


def test_whole_days_count_working_days_at_the_same_time() -> None:
    friday = at(MOSCOW, 2026, 12, 4, 15, 0)
    assert office(MOSCOW).add(friday, timedelta(days=3)) == at(MOSCOW, 2026, 12, 9, 15, 0)


def test_whole_days_from_the_weekend_start_at_monday_opening() -> None:
    saturday = at(MOSCOW, 2026, 12, 5, 12, 0)
    assert office(MOSCOW).add(saturday, timedelta(days=1)) == at(MOSCOW, 2026, 12, 8, 9, 0)


def test_hours_spread_over_several_working_days() -> None:
    monday = at(MOSCOW, 2026, 12, 7, 17, 0)
    # 1 h on Monday, 9 h on Tuesday, 2 h on Wednesday.
    assert office(MOSCOW).add(monday, timedelta(hours=12)) == at(MOSCOW, 2026, 12, 9, 11, 0)


def test_a_team_that_always_works_counts_wall_time() -> None:
    saturday = at(MOSCOW, 2026, 12, 5, 23, 59)
    calendar = Calendar.always(MOSCOW)
    assert calendar.add(saturday, timedelta(minutes=2)) == saturday + timedelta(minutes=2)
    assert calendar.add(saturday, timedelta(days=2)) == saturday + timedelta(days=2)


def test_the_last_close_before_monday_morning_is_friday_evening() -> None:
    monday = at(MOSCOW, 2026, 12, 7, 9, 0)
    assert office(MOSCOW).last_close(monday) == at(MOSCOW, 2026, 12, 4, 18, 0)


def test_a_vacation_over_a_month_end_ends_at_the_local_new_year() -> None:
    last_day = date(2026, 12, 31)
    back = local_midnight(last_day + timedelta(days=1), VLADIVOSTOK)
    assert back == datetime(2026, 12, 31, 14, 0, tzinfo=UTC)
    assert back.astimezone(VLADIVOSTOK).date() == date(2027, 1, 1)


# Brute force, independent of the calendar's intervals: is this minute working time?
def minute_is_open(moment: datetime, zone: ZoneInfo, days: frozenset[int], span: Span) -> bool:
    local = moment.astimezone(zone)
    minute = local.hour * 60 + local.minute
    return local.weekday() in days and span.start <= minute < span.end


@settings(max_examples=40, deadline=None)
@given(
    start=st.integers(0, 365 * 24 * 60).map(
        lambda minutes: datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    ),
    minutes=st.integers(1, 8 * 60),
    zone=st.sampled_from([MOSCOW, VLADIVOSTOK, NEW_YORK]),
    days=st.frozensets(st.integers(0, 6), min_size=1),
    start_hour=st.integers(0, 20),
    length=st.integers(1, 12),
)
def test_a_deadline_is_exactly_that_much_working_time_away(
    start: datetime,
    minutes: int,
    zone: ZoneInfo,
    days: frozenset[int],
    start_hour: int,
    length: int,
) -> None:
    span = Span(start_hour * 60, min(DAY, (start_hour + length) * 60))
    due = Calendar(zone, days, span).add(start, timedelta(minutes=minutes))
    counted, moment = 0, start
    while moment < due:
        counted += minute_is_open(moment, zone, days, span)
        moment += timedelta(minutes=1)
    assert counted == minutes
    assert minute_is_open(due - timedelta(minutes=1), zone, days, span)


def test_working_time_between_a_night_arrival_and_a_morning_take_is_minutes() -> None:
    moscow = office(MOSCOW)
    night, morning = at(MOSCOW, 2026, 12, 1, 23, 0), at(MOSCOW, 2026, 12, 2, 9, 5)
    assert moscow.between(night, morning) == timedelta(minutes=5)
    friday, monday = at(MOSCOW, 2026, 12, 4, 17, 50), at(MOSCOW, 2026, 12, 7, 9, 10)
    assert moscow.between(friday, monday) == timedelta(minutes=20)  # the weekend is not
    inside = at(MOSCOW, 2026, 12, 1, 12, 0)
    assert moscow.between(inside, inside + timedelta(seconds=90)) == timedelta(seconds=90)
    assert moscow.between(morning, night) == timedelta(0)  # never negative
    assert Calendar.always(MOSCOW).between(night, morning) == morning - night


@settings(max_examples=40, deadline=None)
@given(
    start=st.integers(0, 365 * 24 * 60).map(
        lambda minutes: datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    ),
    # Whole days are working days to `add` ("3d" from Friday is Wednesday), not hours.
    minutes=st.integers(1, 5 * 24 * 60).filter(lambda m: m % (24 * 60) != 0),
    zone=st.sampled_from([MOSCOW, VLADIVOSTOK, NEW_YORK]),
    days=st.frozensets(st.integers(0, 6), min_size=1),
)
def test_working_time_between_undoes_adding_it(
    start: datetime, minutes: int, zone: ZoneInfo, days: frozenset[int]
) -> None:
    """What `add` puts after a moment, `between` measures back: one clock for deadlines and
    for time to take."""
    calendar = Calendar(zone, days, NINE_TO_SIX)
    opened = calendar.next_open(start)
    due = calendar.add(opened, timedelta(minutes=minutes))
    assert calendar.between(start, due) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00-18:00", Span(540, 1080)),
        ("9:00-18:00", Span(540, 1080)),
        ("09.00 – 18.00", Span(540, 1080)),
        ("00:00-24:00", Span(0, DAY)),
        ("18:00-09:00", None),
        ("09:00-09:00", None),
        ("09:60-10:00", None),
        ("24:00-24:00", None),
        ("nine to six", None),
    ],
)
def test_daily_hours_are_read_strictly(text: str, expected: Span | None) -> None:
    assert Span.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", frozenset(range(5))),
        ("пн-пт", frozenset(range(5))),
        ("Mon, Wed, Fri", frozenset({0, 2, 4})),
        ("sat-mon", frozenset({5, 6, 0})),
        ("daily", frozenset(range(7))),
        ("ежедневно", frozenset(range(7))),
        ("funday", None),
        ("mon-", None),
        ("", None),
    ],
)
def test_working_days_are_read_in_both_languages(
    text: str, expected: frozenset[int] | None
) -> None:
    assert parse_days(text) == expected


@given(st.frozensets(st.integers(0, 6), min_size=1))
def test_working_days_read_back_what_they_print(days: frozenset[int]) -> None:
    assert parse_days(days_text(days)) == days


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("5m", 300), ("2h", 7200), ("3d", 259200), ("1h30m", 5400), ("5 мин", 300)],
)
def test_durations_read_as_people_write_them(text: str, seconds: int) -> None:
    duration = parse_duration(text)
    assert duration == timedelta(seconds=seconds)
    assert parse_duration(dump_duration(duration)) == duration


@pytest.mark.parametrize("text", ["", "5", "m5", "5x", "0s", "31d", "5m and more", "-5m"])
def test_a_duration_that_cannot_be_read_is_refused(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("team_open", "policy", "own_open", "on_duty", "off"),
    [
        (True, OffHours.HOLD, True, False, False),
        (True, OffHours.HOLD, False, False, True),  # own hours start later
        (True, OffHours.HOLD, False, True, False),  # on duty takes leads anyway
        (False, OffHours.HOLD, False, False, False),  # routed as if open, then held
        (False, OffHours.DUTY, False, False, True),
        (False, OffHours.DUTY, True, False, True),  # own hours do not matter after hours
        (False, OffHours.DUTY, False, True, False),
    ],
)
def test_who_is_off_duty(
    team_open: bool, policy: OffHours, own_open: bool, on_duty: bool, off: bool
) -> None:
    assert off_duty(team_open, policy, own_open, on_duty) is off


TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TODAY),
        ("Сегодня", TODAY),
        ("2026-12-01", date(2026, 12, 1)),
        ("01.12.2026", date(2026, 12, 1)),
        ("31.12", date(2026, 12, 31)),
        ("01.01", date(2027, 1, 1)),  # passed this year: next year
        ("31.02.2027", None),
        ("tomorrow", None),
    ],
)
def test_vacation_days_are_read_in_common_forms(text: str, expected: date | None) -> None:
    assert parse_day(text, TODAY) == expected


def test_vacation_arguments_name_the_person_before_the_dates_and_the_deputy_after() -> None:
    own = parse_args("2026-12-01 2026-12-14")
    assert own is not None and (own.subject, own.deputy) == (None, None)
    full = parse_args("@ivan today 2026-12-14 @olga")
    assert full is not None and (full.subject, full.first, full.deputy) == (
        "@ivan",
        "today",
        "@olga",
    )
    covered = parse_args("today 2026-12-14 @olga")
    assert covered is not None and (covered.subject, covered.deputy) == (None, "@olga")
    assert parse_args("2026-12-01") is None
    assert parse_args("@ivan @olga 2026-12-01 2026-12-02") is None


@pytest.mark.parametrize(
    ("waited", "said"),
    [
        (timedelta(seconds=0.4), "1 с"),
        (timedelta(seconds=1.9), "1 с"),
        (timedelta(minutes=5, seconds=59), "5 мин"),
        (timedelta(hours=2, minutes=5, seconds=3), "2 ч 5 мин"),
        (timedelta(days=2, hours=15, minutes=59), "2 дн. 15 ч"),
    ],
)
def test_a_wait_is_said_in_whole_units_down(waited: timedelta, said: str) -> None:
    assert elapsed_text(waited, Translator("ru")) == said
