"""The team at a past instant, for /replay: who was in it, away (from the minute a
vacation began to the minute it ended), paused and off the clock, under the configuration in
force then (`ConfigHistory`). Pure: built from what `ReplayService` read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.lifecycle.calendars import member_calendar, team_calendar
from bot.lifecycle.planner import as_rule
from bot.reports.history import ConfigHistory, InForce
from bot.routing import MemberState, TeamSnapshot
from bot.routing.hours import Calendar, OffHours, local_midnight, off_duty
from bot.routing.replay import Moment, Policy, apply
from bot.team_settings import (
    CAP,
    KNOWN_CLIENT,
    MODE,
    OFF_HOURS,
    REGION_BASIS,
    TIMEZONE,
    TeamSettings,
)
from storage import MemberRecord
from storage.reading.replay import PastLead
from storage.team.history import Pause
from storage.team.vacations import VacationRecord


@dataclass(frozen=True)
class PastTeam:
    """What the replay reads of the team, before any work on it."""

    settings: TeamSettings
    members: list[MemberRecord]
    vacations: list[VacationRecord]
    turns: dict[str, dict[str, object]]
    open_then: dict[int, int]
    past: list[PastLead]
    history: ConfigHistory
    pauses: list[Pause]


@dataclass(frozen=True)
class _Era:
    """One configuration in force, as routing reads it: the team (the policy applied),
    its calendar, the managers with the team's cap then, and its off-hours policy."""

    team: TeamSnapshot
    calendar: Calendar
    members: tuple[MemberState, ...]
    policy: OffHours
    own: dict[int, Calendar]  # each manager's working time: the team's, or their own hours


class Moments:
    """Who was in the team, away, paused and off at an instant, under which configuration."""

    def __init__(self, policy: Policy, today: TeamSnapshot, read: PastTeam) -> None:
        self._members = read.members
        self._vacations = [
            (v.member_id, v.deputy_id, *_away(v, read.settings)) for v in read.vacations
        ]
        self._pauses = read.pauses
        self._history = read.history
        self._eras = [_era(policy, today, read, in_force) for in_force in read.history.eras]
        self.first_team, self.first_members = self._eras[0].team, self._eras[0].members

    def era(self, at: datetime) -> _Era:
        return self._eras[self._history.index(at)]

    def next_open(self, at: datetime) -> datetime:
        return self.era(at).calendar.next_open(at)

    def at(self, at: datetime) -> Moment:
        era = self.era(at)
        present = [
            m
            for m in self._members
            if m.joined_at <= at and (m.removed_at is None or m.removed_at > at)
        ]
        away = {who: deputy for who, deputy, start, end in self._vacations if start <= at < end}
        paused = frozenset(
            p.member_id
            for p in self._pauses
            if p.started_at <= at and (p.ended_at is None or at < p.ended_at)
        )
        team_open = era.calendar.is_open(at)
        off = frozenset(
            m.id
            for m in present
            if off_duty(team_open, era.policy, era.own[m.id].is_open(at), m.on_duty)
        )
        ids = frozenset(m.id for m in present)
        return Moment(at, ids, away, off, team_open, era.team, era.members, paused)


def _era(policy: Policy, today: TeamSnapshot, read: PastTeam, in_force: InForce) -> _Era:
    settings = read.settings.then(in_force.values)
    team = replace(
        today,
        mode=settings[MODE],
        rules=tuple(as_rule(r) for r in in_force.rules),
        known_client=settings[KNOWN_CLIENT],
        region_basis=settings[REGION_BASIS],
        off_hours=settings[OFF_HOURS],
    )
    cap = settings[CAP]
    members = tuple(
        MemberState(m.id, 0, m.weight, m.cap if m.cap is not None else cap, False, m.skills)
        for m in read.members
    )
    calendar = team_calendar(settings)
    own = {m.id: member_calendar(calendar, m) for m in read.members}
    return _Era(apply(policy, team), calendar, members, settings[OFF_HOURS], own)


def _away(vacation: VacationRecord, settings: TeamSettings) -> tuple[datetime, datetime]:
    """From the minute it began to the minute it ended; a vacation not begun or ended by
    hand runs from its first local midnight to the one after its last day."""
    zone = settings[TIMEZONE]
    start = vacation.started_at or local_midnight(vacation.first_day, zone)
    end = vacation.ended_at or local_midnight(vacation.last_day + timedelta(days=1), zone)
    return start, end
