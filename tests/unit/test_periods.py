"""The periods a report covers, as a head writes them, and the Monday report's week."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.periods import Span, last_week, next_report_time, parse_period

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")  # has summer time: 09:00 moves against UTC
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday, 12:00 in Moscow

# Hypothesis bounds are naive; the values it draws are in UTC.
START, END = datetime(2020, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)
instants = st.datetimes(
    min_value=START.replace(tzinfo=None), max_value=END.replace(tzinfo=None), timezones=st.just(UTC)
)
zones = st.sampled_from([MOSCOW, BERLIN, ZoneInfo("Asia/Vladivostok"), ZoneInfo("UTC")])


def test_words_name_today_the_last_seven_and_thirty_days() -> None:
    today = parse_period("сегодня", NOW, MOSCOW)
    assert today is not None and today.span is Span.TODAY
    assert today.start == datetime(2026, 12, 1, tzinfo=MOSCOW)
    week = parse_period("", NOW, MOSCOW)
    assert week is not None and (week.span, week.start) == (Span.WEEK, NOW - timedelta(days=7))
    month = parse_period("месяц", NOW, MOSCOW)
    assert month is not None and month.first_day == date(2026, 11, 1)


def test_two_dates_include_both_days() -> None:
    period = parse_period("01.11.2026 30.11.2026", NOW, MOSCOW)
    assert period is not None and period.span is Span.RANGE
    assert period.start == datetime(2026, 11, 1, tzinfo=MOSCOW)
    assert period.end == datetime(2026, 12, 1, tzinfo=MOSCOW)
    assert parse_period("2026-11-01..2026-11-30", NOW, MOSCOW) == period


def test_what_names_no_period_is_refused() -> None:
    for text in (
        "year",
        "30.11.2026 01.11.2026",
        "01.01.2025 01.06.2026",
        "когда-нибудь",
        "31.12.9999 31.12.9999",
        "01.01.0001 02.01.0001",
        "0001-01-01 0001-01-02",
    ):
        assert parse_period(text, NOW, MOSCOW) is None, text


def test_last_week_is_monday_to_sunday_before_this_week() -> None:
    period = last_week(NOW, MOSCOW)
    assert (period.first_day, period.last_day) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period.start == datetime(2026, 11, 23, tzinfo=MOSCOW)
    assert period.end == datetime(2026, 11, 30, tzinfo=MOSCOW)


@given(instants, zones)
def test_the_report_goes_next_monday_at_nine_within_a_week(now: datetime, zone: ZoneInfo) -> None:
    due = next_report_time(now, zone)
    local = due.astimezone(zone)
    assert local.weekday() == 0 and local.time() == time(9)
    assert now < due <= now + timedelta(days=7, hours=1)  # an hour: a summer time change


@given(instants, zones)
def test_last_week_is_seven_whole_days_that_ended_by_now(now: datetime, zone: ZoneInfo) -> None:
    period = last_week(now, zone)
    assert period.first_day.weekday() == 0 and period.last_day.weekday() == 6
    assert (period.last_day - period.first_day).days == 6
    assert period.end <= now
    assert now - period.end < timedelta(days=7, hours=1)
    # Sent late (any day of this week), it still reports the same week.
    monday = period.end
    assert last_week(monday, zone) == period
