"""The teams' configuration, kept in memory: read once, and again only after a write.

Routing a lead needs the team's settings, members, vacations, groups, rules and aliases.
They change when a head configures the team, which is rare next to leads, so they are
read once and kept. Triggers in the database draw a new token on every write to those
tables (migration 0011); one statement per use reads the token together with the members'
open leads, which change with every lead and are never kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.routing import value_key
from bot.team_settings import TeamSettings
from storage import MemberRecord, TeamRecord, Unit
from storage.team.groups import GroupRecord
from storage.team.rules import RuleRecord
from storage.team.vacations import VacationStatus


@dataclass(frozen=True)
class TeamConfig:
    """One team as its heads configured it."""

    team: TeamRecord
    settings: TeamSettings
    members: tuple[MemberRecord, ...]  # active, in team order; open_leads as when read
    away: Mapping[int, int | None]  # on vacation now: member id -> deputy id
    groups: Mapping[int, GroupRecord]  # active groups by id
    rules: tuple[RuleRecord, ...]
    aliases: Mapping[str, Mapping[str, str]]  # field -> alias key -> canonical key
    names: Mapping[int, str]  # active members, and those who left but a rule still names


@dataclass(frozen=True)
class Configuration:
    """Every team's configuration, with the members' open leads as of this read."""

    teams: tuple[TeamConfig, ...]  # by id: the first is the primary team
    loads: Mapping[int, int]  # member id -> open leads, now

    @property
    def primary(self) -> TeamConfig | None:
        """The team that leads from the web form and from private chats go to."""
        return self.teams[0] if self.teams else None

    def of(self, team_id: int) -> TeamConfig | None:
        return next((t for t in self.teams if t.team.id == team_id), None)

    def members(self, config: TeamConfig) -> tuple[MemberRecord, ...]:
        """The team's active members with their open leads as of now."""
        return tuple(
            replace(m, open_leads=self.loads.get(m.id, m.open_leads)) for m in config.members
        )


class ConfigCache:
    """The configuration as of the token it was read under."""

    def __init__(self, zone: str) -> None:
        self._zone = zone  # the bot's TIMEZONE, for a team that never set its own
        self._token: bytes | None = None
        self._teams: tuple[TeamConfig, ...] = ()
        self.loaded = 0  # how many times it was read in full: for tests and benchmarks

    async def read(self, u: Unit) -> Configuration:
        live = await u.config.live()
        if live.token == self._token:
            return Configuration(self._teams, live.loads)
        teams = tuple([await self._team(u, t) for t in await u.teams.all()])
        self.loaded += 1
        # Read outside a transaction, a write of another coroutine may land halfway through
        # and be rolled back later, bringing the old token back: what was read is kept only
        # if the token did not move meanwhile.
        if (await u.config.live()).token == live.token:
            self._token, self._teams = live.token, teams
        return Configuration(teams, live.loads)

    async def _team(self, repos: Unit, team: TeamRecord) -> TeamConfig:
        members = tuple(await repos.members.active(team.id))
        rules = tuple(await repos.rules.all_of(team.id))
        names = {m.id: m.full_name for m in members}
        for rule in rules:
            if rule.member_id is not None and rule.member_id not in names:
                gone = await repos.members.by_id(rule.member_id)
                names[rule.member_id] = gone.full_name if gone else f"#{rule.member_id}"
        aliases: dict[str, dict[str, str]] = {}
        for alias in await repos.aliases.all_of(team.id):
            aliases.setdefault(alias.field, {})[value_key(alias.alias)] = value_key(alias.canonical)
        return TeamConfig(
            team,
            TeamSettings(await repos.settings.values(team.id), self._zone),
            members,
            {
                v.member_id: v.deputy_id
                for v in await repos.vacations.open_of_team(team.id)
                if v.status is VacationStatus.ACTIVE
            },
            {g.id: g for g in await repos.groups.active(team.id)},
            rules,
            aliases,
            names,
        )
