"""What routing decides about a lead, read from the database in one go: used alike by real
distribution and by `/route`, which only differ in whether they persist the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.leads.identity import client_keys, lead_facts
from bot.lifecycle.calendars import member_calendar, team_calendar
from bot.people import Roles
from bot.presentation.reasons import Cause
from bot.routing import (
    Decision,
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
    value_key,
)
from bot.routing.hours import off_duty
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
    Database,
    LeadFields,
    MemberRecord,
    TeamRecord,
)
from storage.groups import GroupRecord
from storage.rules import RuleRecord
from storage.turns import TEAM_SCOPE
from storage.vacations import VacationStatus


def group_scope(group_id: int) -> str:
    """Where a round-robin group's turn is stored, next to the team's."""
    return f"group:{group_id}"


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
    def __init__(self, db: Database, roles: Roles, zone: str) -> None:
        self._roles = roles
        self._zone = zone  # the bot's TIMEZONE, for a team that never set its own
        repos = db.repos
        self._members = repos.members
        self._settings = repos.settings
        self._turns = repos.turns
        self._groups = repos.groups
        self._rules = repos.rules
        self._aliases = repos.aliases
        self._keys = repos.client_keys
        self._vacations = repos.vacations

    async def settings(self, team: TeamRecord) -> TeamSettings:
        return TeamSettings(await self._settings.values(team.id), self._zone)

    async def situation(self, team: TeamRecord, now: datetime) -> Situation:
        """What routing needs about the team at `now`, read in one go."""
        settings = await self.settings(team)
        members = await self._members.active(team.id)
        team_cap = settings[CAP]
        away = {
            v.member_id: v.deputy_id
            for v in await self._vacations.open_of_team(team.id)
            if v.status is VacationStatus.ACTIVE
        }
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
                away=m.id in away,
                deputy=away.get(m.id),
                off_hours=off_duty(
                    team_open,
                    policy,
                    member_calendar(calendar, m).is_open(now),
                    m.on_duty,
                ),
            )
            for m in members
        )
        groups = {g.id: g for g in await self._groups.active(team.id)}
        rules = await self._rules.all_of(team.id)
        names = {m.id: m.full_name for m in members}
        for rule in rules:
            if rule.member_id is not None:
                await self._name_departed(names, rule.member_id)
        snapshot = TeamSnapshot(
            team.id,
            settings[MODE],
            states,
            await self._turn(team.id),
            has_heads=bool(self._roles.head_ids),
            rules=tuple(_rule(r) for r in rules),
            groups={gid: await self._group(team.id, g) for gid, g in groups.items()},
            aliases=await self._alias_map(team.id),
            known_client=settings[KNOWN_CLIENT],
            region_basis=settings[REGION_BASIS],
            open=team_open,
            off_hours=policy,
        )
        return Situation(snapshot, {m.id: m for m in members}, settings, groups, rules, names)

    async def decide(
        self,
        team: TeamRecord,
        lead_id: int,
        fields: LeadFields,
        contact_user_id: int | None,
        now: datetime,
        exclude: frozenset[int] = frozenset(),
    ) -> tuple[Decision, Situation, LeadFacts]:
        """Route a lead, persisting nothing: the caller writes what it decides."""
        situation = await self.situation(team, now)
        facts = lead_facts(lead_id, fields)
        if situation.snapshot.known_client:
            known = await self.known_client(
                team, lead_id, fields, contact_user_id, situation.settings[FRANCHISE]
            )
            facts = replace(facts, known=known)
            if known is not None:
                await self._name_departed(situation.names, known.member_id)
        return route(facts, situation.snapshot, now, exclude), situation, facts

    async def _name_departed(self, names: dict[int, str], member_id: int) -> None:
        """Name a manager who left, whom a rule or a known client still points at."""
        if member_id not in names:
            gone = await self._members.by_id(member_id)
            names[member_id] = gone.full_name if gone else f"#{member_id}"

    async def known_client(
        self,
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
            found = await self._keys.owner_of(team.id, kind.value, value, lead_id)
            if found is not None:
                return KnownClient(found[1], found[0], kind)
        return None

    async def _turn(self, team_id: int, scope: str = TEAM_SCOPE) -> TurnState:
        stored = await self._turns.get(team_id, scope)
        return TurnState.from_json(stored) if stored else TurnState()

    async def _group(self, team_id: int, group: GroupRecord) -> Group:
        scope = group_scope(group.id)
        return Group(
            group.id, Mode(group.mode), group.member_ids, await self._turn(team_id, scope), scope
        )

    async def _alias_map(self, team_id: int) -> dict[str, dict[str, str]]:
        aliases: dict[str, dict[str, str]] = {}
        for alias in await self._aliases.all_of(team_id):
            aliases.setdefault(alias.field, {})[value_key(alias.alias)] = value_key(alias.canonical)
        return aliases


def _rule(record: RuleRecord) -> Rule:
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
    if reason.passed:
        details["passed"] = [[situation.name(p.member_id), p.why.value] for p in reason.passed]
    if reason.rule is not None:
        details["rule"] = {
            "number": reason.rule.number,
            "field": reason.rule.field,
            "value": reason.rule.value,
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
    return details


def _target_label(target: Target, situation: Situation) -> dict[str, str]:
    if target.member_id is not None:
        return {"member": situation.name(target.member_id)}
    assert target.group_id is not None
    return {"group": situation.group_name(target.group_id)}
