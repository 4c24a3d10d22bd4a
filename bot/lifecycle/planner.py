"""What routing decides about a lead, read from the database in one go: used alike by real
distribution and by `/route`, which only differ in whether they persist the decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from bot.leads.identity import client_keys, lead_facts
from bot.lifecycle.calendars import member_calendar, team_calendar
from bot.lifecycle.config import ConfigCache, Configuration
from bot.people import Roles
from bot.presentation.reasons import Cause
from bot.routing import (
    Decision,
    DecisionKind,
    Franchise,
    Group,
    KnownBy,
    KnownClient,
    LeadFacts,
    MemberState,
    Mode,
    Rule,
    Target,
    TeamSnapshot,
    TurnState,
    route,
)
from bot.routing.hours import OffHours, off_duty
from bot.team_settings import (
    CAP,
    FRANCHISE,
    KNOWN_CLIENT,
    MODE,
    OFF_HOURS,
    REGION_BASIS,
    TeamSettings,
)
from storage import (
    LeadFields,
    MemberRecord,
    TeamRecord,
)
from storage.team.groups import GroupRecord
from storage.team.rules import RuleRecord
from storage.unit import Unit
from storage.work.turns import TEAM_SCOPE


def group_scope(group_id: int) -> str:
    """Where a round-robin group's turn is stored, next to the team's."""
    return f"group:{group_id}"


# Modes that keep a turn: round robin's rotation, and least loaded's ties and catch-up.
_IN_TURN = frozenset({Mode.ROUND_ROBIN, Mode.LEAST_LOADED})


@dataclass(frozen=True)
class Situation:
    """The team as routing saw it, plus what it takes to put the decision into words."""

    snapshot: TeamSnapshot
    members: dict[int, MemberRecord]  # active members by id
    settings: TeamSettings
    groups: dict[int, GroupRecord]  # active groups by id
    rules: list[RuleRecord]
    names: dict[int, str]  # members by id, with those who left but a rule still names

    def name(self, member_id: int) -> str:
        return self.names.get(member_id, f"#{member_id}")

    def group_name(self, group_id: int) -> str:
        group = self.groups.get(group_id)
        return group.name if group else f"#{group_id}"


class Planner:
    def __init__(self, roles: Roles, zone: str) -> None:
        self._roles = roles
        self._cache = ConfigCache(zone)

    async def configuration(self, u: Unit) -> Configuration:
        """Every team's configuration, and the members' open leads as of now."""
        return await self._cache.read(u)

    async def settings(self, u: Unit, team: TeamRecord) -> TeamSettings:
        config = (await self._cache.read(u)).of(team.id)
        assert config is not None, f"team {team.id} is not in the database"
        return config.settings

    async def situation(
        self, u: Unit, team: TeamRecord, now: datetime, configuration: Configuration | None = None
    ) -> Situation:
        """What routing needs about the team at `now`: its configuration (kept in memory
        until written), its members' open leads and its turns (read now)."""
        configuration = configuration or await self._cache.read(u)
        config = configuration.of(team.id)
        assert config is not None, f"team {team.id} is not in the database"
        settings = config.settings
        members = configuration.members(config)
        team_cap = settings[CAP]
        calendar = team_calendar(settings)
        team_open = calendar.is_open(now)
        policy = settings[OFF_HOURS]
        states = tuple(
            MemberState(
                m.id,
                m.open_leads,
                m.weight,
                m.cap if m.cap is not None else team_cap,
                m.paused_at is not None,
                m.skills,
                away=m.id in config.away,
                deputy=config.away.get(m.id),
                off_hours=off_duty(
                    team_open,
                    policy,
                    member_calendar(calendar, m).is_open(now),
                    m.on_duty,
                ),
            )
            for m in members
        )
        mode = settings[MODE]
        # Turns change with every lead handed out in turn: read, never kept, and only
        # when a rotation is in play.
        rotates = mode in _IN_TURN or any(Mode(g.mode) in _IN_TURN for g in config.groups.values())
        turns = await u.turns.all_of(team.id) if rotates else {}
        snapshot = TeamSnapshot(
            team.id,
            mode,
            states,
            _turn(turns, TEAM_SCOPE),
            has_heads=bool(self._roles.head_ids),
            rules=tuple(as_rule(r) for r in config.rules),
            groups={gid: _group(g, turns) for gid, g in config.groups.items()},
            aliases={f: dict(a) for f, a in config.aliases.items()},
            known_client=settings[KNOWN_CLIENT],
            region_basis=settings[REGION_BASIS],
            open=team_open,
            off_hours=policy,
        )
        return Situation(
            snapshot,
            {m.id: m for m in members},
            settings,
            dict(config.groups),
            list(config.rules),
            dict(config.names),
        )

    async def decide(
        self,
        u: Unit,
        team: TeamRecord,
        lead_id: int,
        fields: LeadFields,
        contact_user_id: int | None,
        now: datetime,
        exclude: frozenset[int] = frozenset(),
        configuration: Configuration | None = None,
    ) -> tuple[Decision, Situation, LeadFacts]:
        """Route a lead, persisting nothing: the caller writes what it decides."""
        situation = await self.situation(u, team, now, configuration)
        facts = lead_facts(lead_id, fields)
        if situation.snapshot.known_client:
            known = await self.known_client(
                u, team, lead_id, fields, contact_user_id, situation.settings[FRANCHISE]
            )
            facts = replace(facts, known=known)
            if known is not None:
                await _name_departed(u, situation.names, known.member_id)
        return route(facts, situation.snapshot, now, exclude), situation, facts

    async def known_client(
        self,
        u: Unit,
        team: TeamRecord,
        lead_id: int,
        fields: LeadFields,
        contact_user_id: int | None,
        franchise: Franchise,
    ) -> KnownClient | None:
        """The newest earlier lead of the same client that has an owner, by the first key
        that finds one. A brand counts only when the team treats a brand as one client."""
        for kind, value in client_keys(fields, contact_user_id):
            if kind is KnownBy.BRAND and franchise is not Franchise.BRAND:
                continue
            found = await u.client_keys.owner_of(team.id, kind.value, value, lead_id)
            if found is not None:
                return KnownClient(found[1], found[0], kind)
        return None


async def _name_departed(u: Unit, names: dict[int, str], member_id: int) -> None:
    """Name a manager who left, whom a rule or a known client still points at."""
    if member_id not in names:
        gone = await u.members.by_id(member_id)
        names[member_id] = gone.full_name if gone else f"#{member_id}"


def _turn(turns: Mapping[str, dict[str, object]], scope: str) -> TurnState:
    stored = turns.get(scope)
    return TurnState.from_json(stored) if stored else TurnState()


def _group(group: GroupRecord, turns: Mapping[str, dict[str, object]]) -> Group:
    scope = group_scope(group.id)
    return Group(group.id, Mode(group.mode), group.member_ids, _turn(turns, scope), scope)


def as_rule(record: RuleRecord) -> Rule:
    """A stored rule as routing reads it."""
    return Rule(
        record.number, record.field, record.values, Target(record.member_id, record.group_id)
    )


def describe(
    decision: Decision, situation: Situation, cause: Cause | None = None
) -> dict[str, object]:
    """The decision as stored in the lead's history, with names as they were then: what
    the manager reads and what `/lead` and `/route` show are rendered from this."""
    reason = decision.reason
    details: dict[str, object] = {
        "decision": decision.kind.value,
        "reason": reason.code.value,
    }
    if reason.after is not None and reason.after != decision.member_id:
        details["after"] = situation.name(reason.after)
    if reason.load is not None:
        details["load"] = reason.load
    if reason.passed:
        details["passed"] = [[situation.name(p.member_id), p.why.value] for p in reason.passed]
    if reason.rule is not None:
        details["rule"] = {
            "number": reason.rule.number,
            "field": reason.rule.field,
            "value": reason.rule.value,
            **({"registered": True} if reason.rule.registered else {}),
        }
    if reason.group_id is not None:
        details["group"] = situation.group_name(reason.group_id)
    if reason.known is not None:
        details["known"] = {
            "by": reason.known.by.value,
            "lead": reason.known.lead_id,
            "name": situation.name(reason.known.member_id),
        }
    if reason.known_skip is not None:
        details["known_skip"] = reason.known_skip.value
    if reason.cover_for is not None:
        details["cover_for"] = situation.name(reason.cover_for)
    if reason.fallthrough:
        details["fallthrough"] = [
            [f.number, _target_label(f.target, situation), f.why.value] for f in reason.fallthrough
        ]
    if cause is not None:
        details["cause"] = cause.to_json()
    snapshot = situation.snapshot
    if decision.kind is DecisionKind.OFFER and not snapshot.open:
        # Off hours with `duty`: the lead went in turn among those on duty.
        details["duty"] = snapshot.off_hours is OffHours.DUTY
    return details


def _target_label(target: Target, situation: Situation) -> dict[str, str]:
    if target.member_id is not None:
        return {"member": situation.name(target.member_id)}
    assert target.group_id is not None
    return {"group": situation.group_name(target.group_id)}
