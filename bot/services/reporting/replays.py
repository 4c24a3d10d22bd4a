"""/replay: a past period's leads routed again under another policy, as the team was then,
by the pure `bot.routing.replay`. It reads and never writes.

As the team was then: who was a member (joined, removed), who was away (a vacation from the
minute it began to the minute it ended) or paused, the mode, rules, team settings and
working hours in force at each lead's arrival (`ConfigHistory`), each rotation as it stood.
Weights, personal caps and hours, skills, duty, groups and aliases have no history:
today's apply, and the answer says so.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.leads.identity import lead_facts
from bot.lifecycle.planner import Planner
from bot.people import Person, Roles
from bot.periods import Period, Span, parse_period
from bot.reports.history import ConfigHistory
from bot.routing import KnownBy, KnownClient, Mode, TeamSnapshot, TurnState
from bot.routing.hours import local_midnight
from bot.routing.replay import Arrival, Policy, Replay, replay
from bot.services.reporting.replay_moments import Moments, PastTeam
from bot.team_settings import (
    MODE,
    TIMEZONE,
    SettingError,
    TeamSettings,
)
from storage import Database, TeamRecord
from storage.unit import Unit


class Asked(StrEnum):
    OK = "ok"
    NO_TEAM = "no_team"
    USAGE = "usage"  # no policy, or no period, the bot can read
    FIRST_COME = "first_come"  # who would have tapped first is unknowable


_OFF = {"off", "нет", "выкл", "no"}
_RULES = {"rules", "rule", "правила"}
_KNOWN = {"known_client", "known", "знакомые", "известные"}
_KNOWN_BY = {kind.value: kind for kind in KnownBy}


def read_request(text: str) -> tuple[Policy | Asked, str]:
    """The policy `text` names first (a mode, or `rules off`, `known_client off`) and the
    rest of it (the period); or why there is none to replay."""
    typed = text.split()
    words = [word.casefold().replace("-", "_") for word in typed[:2]]
    if len(words) == 2 and words[1] in _OFF and words[0] in _RULES | _KNOWN:
        policy = Policy.RULES_OFF if words[0] in _RULES else Policy.KNOWN_CLIENT_OFF
        return policy, " ".join(typed[2:])
    for size in range(min(len(typed), 2), 0, -1):  # "по очереди" is two words as typed
        try:
            mode = MODE.parse(" ".join(typed[:size]))  # the words /set mode takes
        except SettingError:
            continue
        rest = " ".join(typed[size:])
        match mode:
            case Mode.ROUND_ROBIN:
                return Policy.ROUND_ROBIN, rest
            case Mode.HEAD_DECIDES:
                return Policy.HEAD_DECIDES, rest
            case Mode.LEAST_LOADED:
                return Policy.LEAST_LOADED, rest
            case Mode.FIRST_COME:
                return Asked.FIRST_COME, rest
    return Asked.USAGE, ""


@dataclass(frozen=True)
class Regime:
    """A part of the period with one mode and one list of rules in force."""

    first: datetime
    last: datetime  # not included
    mode: Mode
    rules: int


@dataclass(frozen=True)
class WhatIf:
    asked: Asked
    policy: Policy | None = None
    in_force: tuple[Regime, ...] = ()  # what really routed the period, part by part
    period: Period | None = None
    result: Replay | None = None
    actual: dict[int, int] | None = None  # member -> leads of the period they have
    unowned: int = 0  # leads of the period nobody has (waiting, or in the chat)
    names: dict[int, str] | None = None
    managers: tuple[int, ...] = ()  # in the team at some lead of the period, in team order
    zone: ZoneInfo | None = None  # the team's, for the parts' times

    def spread(self, counts: dict[int, int]) -> int:
        """Most minus fewest among the managers listed."""
        values = [counts.get(m, 0) for m in self.managers]
        return max(values) - min(values) if values else 0


class ReplayService:
    def __init__(self, db: Database, roles: Roles, planner: Planner) -> None:
        self._db = db
        self._roles = roles
        self._planner = planner

    async def what_if(self, person: Person, text: str) -> WhatIf:
        """Heads only (the router's filter): the period's leads under the policy `text`
        names (a month by default)."""
        assert self._roles.is_head(person.user_id)
        policy, rest = read_request(text)
        if isinstance(policy, Asked):
            return WhatIf(policy)
        async with self._db.reading() as u:
            now = u.now
            team = await u.teams.primary()
            if team is None:
                return WhatIf(Asked.NO_TEAM)
            situation = await self._planner.situation(u, team, now)
            settings = situation.settings
            period = parse_period(rest, now, settings[TIMEZONE], Span.MONTH)
            if period is None:
                return WhatIf(Asked.USAGE)
            read = await self._read(u, team, settings, period)
        result = await asyncio.to_thread(_run, policy, situation.snapshot, read, period)
        return _answer(policy, period, result, read)

    async def _read(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, period: Period
    ) -> PastTeam:
        # From the start of the period's first day: the rotations kept are the day's ends,
        # and the leads of that day before the period move them on.
        zone = settings[TIMEZONE]
        first = period.start.astimezone(zone).date()
        since = local_midnight(first, zone)
        history = ConfigHistory(
            await u.settings.values(team.id),
            await u.rules.all_of(team.id),
            await u.history.setting_changes(team.id, since),
            await u.history.rule_changes(team.id, since),
        )
        return PastTeam(
            settings,
            await u.members.all_of(team.id),
            await u.vacations.kept_of_team(team.id, first),
            await u.turns.before(team.id, first),
            await u.replay.open_at(team.id, since),
            await u.replay.leads(team.id, since, period.end),
            history,
            await u.history.pauses(team.id, since),
        )


def _run(policy: Policy, today: TeamSnapshot, read: PastTeam, period: Period) -> Replay:
    """The CPU part, in a thread: the team at each arrival, then the replay."""
    moments = Moments(policy, today, read)
    arrivals = []
    for past in read.past:
        lead = past.lead
        facts = lead_facts(lead.id, lead.fields)
        known = (past.first_route or {}).get("known")
        if past.known_owner is not None and isinstance(known, dict):
            by, earlier = known.get("by"), known.get("lead")
            kind = _KNOWN_BY.get(by) if isinstance(by, str) else None
            if kind is not None and isinstance(earlier, int):
                facts = replace(facts, known=KnownClient(past.known_owner, earlier, kind))
        moment = moments.at(lead.created_at)
        opening = None if moment.team_open else moments.at(moments.next_open(lead.created_at))
        counted = lead.created_at >= period.start
        arrivals.append(Arrival(facts, moment, lead.closed_at, opening, counted))
    turns = {scope: TurnState.from_json(state) for scope, state in read.turns.items()}
    return replay(moments.first_team, moments.first_members, arrivals, turns, read.open_then)


def _answer(policy: Policy, period: Period, result: Replay, read: PastTeam) -> WhatIf:
    counted = [p.lead for p in read.past if p.lead.created_at >= period.start]
    actual: dict[int, int] = {}
    for lead in counted:
        if lead.owner_id is not None:
            actual[lead.owner_id] = actual.get(lead.owner_id, 0) + 1
    unowned = sum(1 for lead in counted if lead.owner_id is None)
    # In the team at some time in the period, or with a lead of it: a manager who joined
    # after it, or left before it, is not counted in its spread.
    present = {
        m.id
        for m in read.members
        if m.joined_at < period.end and (m.removed_at is None or m.removed_at > period.start)
    }
    present |= set(actual) | set(result.got)
    managers = tuple(m.id for m in read.members if m.id in present)
    names = {m.id: m.full_name for m in read.members}
    regimes = _regimes(read, period)
    zone = read.settings[TIMEZONE]
    return WhatIf(Asked.OK, policy, regimes, period, result, actual, unowned, names, managers, zone)


def _regimes(read: PastTeam, period: Period) -> tuple[Regime, ...]:
    """The mode and rules in force over the period, part by part; a change that left both
    as they were (the hours, say) starts no new part."""
    eras = read.history.eras
    parts: list[Regime] = []
    for index, in_force in enumerate(eras):
        first = max(in_force.since or period.start, period.start)
        following = eras[index + 1].since if index + 1 < len(eras) else None
        last = min(following or period.end, period.end)
        if first >= last:
            continue
        mode = read.settings.then(in_force.values)[MODE]
        if parts and (parts[-1].mode, parts[-1].rules) == (mode, len(in_force.rules)):
            parts[-1] = replace(parts[-1], last=last)
        else:
            parts.append(Regime(first, last, mode, len(in_force.rules)))
    return tuple(parts)
