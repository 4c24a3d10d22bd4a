"""`tally`, the one function every report counts with: rows add up to the totals, each lead
in one row per column, a deputy's take under the deputy, time to take in working hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.reports.figures import Count, tally
from bot.routing.hours import Calendar, Span
from storage import LeadStatus
from storage.reading.reports import CohortLead

MOSCOW = ZoneInfo("Europe/Moscow")
OFFICE = Calendar(MOSCOW, frozenset(range(5)), Span(9 * 60, 18 * 60))


def office(_at: datetime) -> Calendar:
    """The same hours all along."""
    return OFFICE


T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday, 12:00 in Moscow
TAKEN_OR_CLOSED = (LeadStatus.TAKEN, LeadStatus.WON, LeadStatus.LOST)


def lead(
    number: int,
    status: LeadStatus,
    holder: int | None,
    taker: int | None = None,
    minutes: float | None = None,
    channel: str | None = None,
) -> CohortLead:
    taken = None if minutes is None else T0 + timedelta(minutes=minutes)
    return CohortLead(number, T0, status, holder, channel, taken, taker, None)


@st.composite
def cohorts(draw: st.DrawFn) -> list[CohortLead]:
    leads = []
    for number in range(draw(st.integers(0, 40))):
        status = draw(st.sampled_from(LeadStatus))
        holder = None if status is LeadStatus.NEW else draw(st.integers(1, 4))
        was_taken = status in TAKEN_OR_CLOSED or draw(st.booleans())  # handed back, say
        taker = draw(st.integers(1, 4)) if was_taken else None
        minutes = draw(st.floats(0, 600)) if was_taken else None
        channel = draw(st.sampled_from(["сайт", "yandex", None]))
        leads.append(lead(number, status, holder, taker, minutes, channel))
    return leads


def columns(count: Count) -> tuple[int, ...]:
    return (count.received, count.taken, count.in_work, count.won, count.lost, count.not_taken)


@given(cohorts())
def test_every_total_is_the_sum_of_its_rows_and_each_lead_counts_once(
    leads: list[CohortLead],
) -> None:
    counted = tally(leads, office)
    rows = [*counted.members.values(), counted.waiting]
    for row_set in (rows, list(counted.channels.values())):
        summed = tuple(sum(values) for values in zip(*map(columns, row_set), strict=True))
        assert summed == columns(counted.total) or not leads
        assert sum(len(row.takes) for row in row_set) == len(counted.total.takes)
    for row in [*rows, counted.total]:
        assert row.received == row.taken + row.not_taken
        assert row.taken == row.in_work + row.won + row.lost
    statuses = [one.status for one in leads]
    assert columns(counted.total)[:5] == (
        len(leads),
        sum(s in TAKEN_OR_CLOSED for s in statuses),
        statuses.count(LeadStatus.TAKEN),
        statuses.count(LeadStatus.WON),
        statuses.count(LeadStatus.LOST),
    )
    assert len(counted.total.takes) == sum(one.taken_at is not None for one in leads)


def test_a_deputys_take_is_the_deputys_and_the_lead_its_managers() -> None:
    ivan, olga = 1, 2
    counted = tally([lead(1, LeadStatus.TAKEN, ivan, taker=olga, minutes=7)], office)
    assert columns(counted.members[ivan]) == (1, 1, 1, 0, 0, 0)
    assert counted.members[ivan].median_take is None
    assert columns(counted.members[olga]) == (0, 0, 0, 0, 0, 0)
    assert counted.members[olga].median_take == 7


def test_conversion_is_won_over_taken() -> None:
    counted = tally(
        [
            lead(1, LeadStatus.WON, 1, 1, 1),
            lead(2, LeadStatus.LOST, 1, 1, 1),
            lead(3, LeadStatus.TAKEN, 1, 1, 1),
            lead(4, LeadStatus.OFFERED, 1),
        ],
        office,
    )
    assert counted.members[1].conversion == 1 / 3
    assert Count().conversion is None  # nothing taken: no conversion, not 0 %


def test_time_to_take_is_working_time() -> None:
    night = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)  # 23:00 in Moscow
    morning = datetime(2026, 12, 2, 6, 5, tzinfo=UTC)  # 09:05
    late = CohortLead(1, night, LeadStatus.TAKEN, 1, None, morning, 1, None)
    assert tally([late], office).members[1].takes == [5.0]


def test_channels_are_named_by_the_callers_names() -> None:
    named = {"yandex": "Яндекс Директ"}
    counted = tally(
        [lead(1, LeadStatus.NEW, None, channel="yandex"), lead(2, LeadStatus.NEW, None)],
        office,
        lambda channel: named.get(channel or "", channel),
    )
    assert {name: c.received for name, c in counted.channels.items()} == {
        "Яндекс Директ": 1,
        None: 1,
    }


def reached(
    number: int, status: LeadStatus, holder: int, by: int | None, minutes: float | None
) -> CohortLead:
    contacted = None if minutes is None else T0 + timedelta(minutes=minutes)
    taken = T0 + timedelta(minutes=1)
    return CohortLead(number, T0, status, holder, "сайт", taken, holder, None, contacted, by)


def test_speed_to_lead_counts_working_minutes_and_leads_never_reached() -> None:
    ivan, olga = 1, 2
    counted = tally(
        [
            reached(1, LeadStatus.TAKEN, ivan, ivan, 3),
            reached(2, LeadStatus.WON, ivan, ivan, 45),
            reached(3, LeadStatus.LOST, ivan, None, None),  # lost as "no answer": never
            reached(4, LeadStatus.TAKEN, olga, ivan, 5),  # Ivan called, then handed it on
            reached(5, LeadStatus.TAKEN, olga, olga, 6000),  # on Saturday: 33 working hours
            lead(6, LeadStatus.OFFERED, olga),  # not taken: no contact is owed yet
        ],
        office,
    )
    assert sorted(counted.members[ivan].contacts) == [3, 5, 45]
    assert (counted.members[ivan].never_reached, counted.members[olga].never_reached) == (1, 0)
    assert counted.members[ivan].median_contact == 5
    # Of Ivan's four leads that needed a call: two within 5 min, three within the hour.
    assert [counted.members[ivan].reached_within(m) for m in (5, 60, 24 * 60)] == [
        2 / 4,
        3 / 4,
        3 / 4,
    ]
    assert counted.members[olga].reached_within(24 * 60) == 0
    total = counted.total
    assert sorted(total.contacts) == [3, 5, 45, 1980] and total.never_reached == 1
    assert counted.channels["сайт"].never_reached == 1
    assert Count().reached_within(5) is None  # nobody needed a call: no share, not 0 %


def test_time_to_contact_is_working_time() -> None:
    night = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)  # 23:00 in Moscow
    morning = datetime(2026, 12, 2, 6, 4, tzinfo=UTC)  # 09:04
    late = CohortLead(1, night, LeadStatus.TAKEN, 1, None, morning, 1, None, morning, 1)
    assert tally([late], office).members[1].contacts == [4.0]
