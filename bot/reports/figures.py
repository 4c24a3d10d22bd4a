"""Every figure of a report, defined once and counted by one function (`tally`) for /stats,
its chart, the Monday report and the workbook. Pure: the period's leads and the team's
calendars in, counts out.

The definitions (the README's "Reports" section says them in words):
- A period's figures are about the leads that **arrived** in it, as they stand now.
- Each lead belongs to one row: the manager it is **with** (offered to, in work with, or
  closed by); a lead nobody has yet (waiting in the chat, for a head, for the morning) is
  "waiting". A channel's row is its leads by the channel as the heads name it.
- received: the row's leads. taken: of them, those ever claimed, accepted or assigned.
  in work: taken and not closed. won, lost: closed so. not taken: received − taken.
  So received = taken + not taken, and taken = in work + won + lost, in every row.
- conversion: won ÷ taken.
- time to take: from arrival to the first take, in the team's **working time** as it was
  when the lead came (a lead that came at 23:00 and was taken at 09:05 took 5 minutes), in
  the row of the manager who took it (a deputy's take is the deputy's).
- amount: the sum of the row's deals won whose owner said what they were worth; priced:
  how many those are; average deal: amount ÷ priced.
- time to contact: from arrival to the first contact with the client (📞, or an outcome
  that implies one), in working time as above, in the row of the manager who made it.
  reached within 5 min, 1 h, 24 h: of the row's leads that needed a contact (reached, or
  taken and never reached), the share reached within that much working time. never
  reached: taken (in work or closed) and no contact, in the row of the manager it is with.
- Totals are the sums of the manager rows and the waiting row (a channel table adds up to
  the same totals); a total's time to take is the median of all takes, and so on.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from bot.routing.hours import Calendar
from storage import CLOSED_STATUSES, LeadStatus
from storage.reading.reports import CohortLead

_TAKEN = frozenset({LeadStatus.TAKEN, *CLOSED_STATUSES})
# The speed-to-lead bands, in working minutes: 5 min, an hour, a day.
BANDS = (5.0, 60.0, 24 * 60.0)
# The team's working time in force at a moment (its hours may have changed since).
Calendars = Callable[[datetime], Calendar]


@dataclass
class Count:
    """One row of a report."""

    received: int = 0
    taken: int = 0
    in_work: int = 0
    won: int = 0
    lost: int = 0
    takes: list[float] = field(default_factory=list)  # working minutes to take, one a lead
    contacts: list[float] = field(default_factory=list)  # working minutes to the contact
    never_reached: int = 0  # taken, and the client never reached
    amount: int = 0  # the deals won, summed, of those whose amount was told
    priced: int = 0  # deals won with an amount

    @property
    def not_taken(self) -> int:
        return self.received - self.taken

    @property
    def conversion(self) -> float | None:
        """won ÷ taken, as a fraction; None while nothing was taken."""
        return self.won / self.taken if self.taken else None

    @property
    def median_take(self) -> float | None:
        """Working minutes from arrival to the first take, the median of the row's takes."""
        return statistics.median(self.takes) if self.takes else None

    @property
    def average_deal(self) -> float | None:
        """amount ÷ priced; None while no deal has an amount."""
        return self.amount / self.priced if self.priced else None

    @property
    def median_contact(self) -> float | None:
        """Working minutes from arrival to the first contact, the median of the row's."""
        return statistics.median(self.contacts) if self.contacts else None

    def reached_within(self, minutes: float) -> float | None:
        """The share of the leads that needed a contact reached within `minutes` of working
        time; None when none needed one."""
        needed = len(self.contacts) + self.never_reached
        return sum(1 for m in self.contacts if m <= minutes) / needed if needed else None

    def count(self, lead: CohortLead) -> None:
        self.received += 1
        if lead.status in _TAKEN:
            self.taken += 1
        match lead.status:
            case LeadStatus.TAKEN:
                self.in_work += 1
            case LeadStatus.WON:
                self.won += 1
                if lead.won_amount is not None:
                    self.amount += lead.won_amount
                    self.priced += 1
            case LeadStatus.LOST:
                self.lost += 1
            case LeadStatus.NEW | LeadStatus.OFFERED:
                pass

    def add(self, other: Count) -> None:
        self.received += other.received
        self.taken += other.taken
        self.in_work += other.in_work
        self.won += other.won
        self.lost += other.lost
        self.takes += other.takes
        self.contacts += other.contacts
        self.never_reached += other.never_reached
        self.amount += other.amount
        self.priced += other.priced


@dataclass(frozen=True)
class Tally:
    members: dict[int, Count]  # by the manager the lead is with; takes by who took them
    waiting: Count  # leads nobody has yet
    channels: dict[str | None, Count]  # by channel as the heads name it
    total: Count


def tally(
    leads: Iterable[CohortLead],
    calendars: Calendars,
    channel: Callable[[str | None], str | None] = lambda c: c,
) -> Tally:
    """Count a period's leads into rows (see the module's definitions)."""
    members: dict[int, Count] = {}
    channels: dict[str | None, Count] = {}
    waiting = Count()
    for lead in leads:
        row = waiting if lead.holder_id is None else _row(members, lead.holder_id)
        row.count(lead)
        by_channel = _row(channels, channel(lead.channel))
        by_channel.count(lead)
        if lead.taken_at is not None:
            calendar = calendars(lead.created_at)
            minutes = calendar.between(lead.created_at, lead.taken_at).total_seconds() / 60
            taker = lead.taker_id if lead.taker_id is not None else lead.holder_id
            (waiting if taker is None else _row(members, taker)).takes.append(minutes)
            by_channel.takes.append(minutes)
        if lead.contacted_at is not None:
            calendar = calendars(lead.created_at)
            minutes = calendar.between(lead.created_at, lead.contacted_at).total_seconds() / 60
            by = lead.contacted_by if lead.contacted_by is not None else lead.holder_id
            (waiting if by is None else _row(members, by)).contacts.append(minutes)
            by_channel.contacts.append(minutes)
        elif lead.status in _TAKEN:
            row.never_reached += 1
            by_channel.never_reached += 1
    total = Count()
    for row in (*members.values(), waiting):
        total.add(row)
    return Tally(members, waiting, channels, total)


K = TypeVar("K", bound=Hashable)


def _row(rows: dict[K, Count], key: K) -> Count:
    found = rows.get(key)
    if found is None:
        found = rows[key] = Count()
    return found
