"""What managers and heads read: their open leads, one lead's history, the fairness view."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.lifecycle.calendars import team_calendar
from bot.people import Person, Roles
from bot.periods import Period, parse_period
from bot.presentation.reports.stats import ChannelNames, Figures
from bot.reports.figures import Calendars, Count, tally
from bot.reports.history import ConfigHistory
from bot.team_settings import TIMEZONE, TeamSettings
from storage import (
    CohortLead,
    Database,
    LeadEvent,
    LeadRecord,
    LeadStatus,
    MemberRecord,
    TeamRecord,
)
from storage.unit import Unit


class Access(StrEnum):
    OK = "ok"
    NO_TEAM = "no_team"
    NOT_MEMBER = "not_member"
    NOT_FOUND = "not_found"  # no such lead, or not one the reader may see
    BAD_PERIOD = "bad_period"  # the period the reader wrote names none


@dataclass(frozen=True)
class MyLeads:
    access: Access
    leads: tuple[LeadRecord, ...] = ()
    now: datetime | None = None
    # A head who is not a manager reads the whole team's open work, with who has each lead.
    owners: dict[int, str] | None = None


@dataclass(frozen=True)
class LeadHistory:
    access: Access
    lead: LeadRecord | None = None
    events: tuple[LeadEvent, ...] = ()
    names: dict[int, str] | None = None  # member id -> name
    owner: MemberRecord | None = None
    # The client's phone and e-mail: for heads, and for the owner once the lead is theirs
    # (claimed or accepted); a manager it is only offered to sees what the offer shows.
    contacts: bool = False
    mine: bool = False  # the reader owns the lead (or has it offered)


@dataclass(frozen=True)
class Stats:
    access: Access
    figures: Figures | None = None
    for_head: bool = False  # a head reads it: the chart goes with the text


_OWNED = frozenset({LeadStatus.TAKEN, LeadStatus.WON, LeadStatus.LOST})


class ReportService:
    def __init__(self, db: Database, roles: Roles, zone: str = "UTC") -> None:
        self._db = db
        self._roles = roles
        self._zone = zone  # the bot's TIMEZONE, for a team that never set its own

    async def _reader(
        self, u: Unit, person: Person
    ) -> tuple[TeamRecord | None, MemberRecord | None]:
        team = await u.teams.primary()
        if team is None:
            return None, None
        return team, await u.members.active_by_user(team.id, person.user_id)

    async def my_leads(self, person: Person) -> MyLeads:
        async with self._db.reading() as u:
            team, member = await self._reader(u, person)
            if team is None:
                return MyLeads(Access.NO_TEAM)
            if member is None and self._roles.is_head(person.user_id):
                return await self._open_work(u, team)
            if member is None:
                return MyLeads(Access.NOT_MEMBER)
            leads = await u.lists.open_of(member.id)
            now = u.now
        return MyLeads(Access.OK, tuple(leads), now)

    async def open_work(self, person: Person) -> MyLeads:
        """The team's open leads, oldest first, with who has them: for a head."""
        async with self._db.reading() as u:
            team, _ = await self._reader(u, person)
            if team is None:
                return MyLeads(Access.NO_TEAM)
            if not self._roles.is_head(person.user_id):
                return MyLeads(Access.NOT_MEMBER)
            return await self._open_work(u, team)

    async def _open_work(self, u: Unit, team: TeamRecord) -> MyLeads:
        leads = await u.lists.open_of_team(team.id)
        owners = {m.id: m.full_name for m in await u.members.all_of(team.id)}
        return MyLeads(Access.OK, tuple(leads), u.now, owners)

    async def history(self, lead_id: int, person: Person) -> LeadHistory:
        """A head sees any lead; a manager sees the leads they own."""
        async with self._db.reading() as u:
            team, member = await self._reader(u, person)
            if team is None:
                return LeadHistory(Access.NO_TEAM)
            lead = await u.leads.get(lead_id)
            mine = member is not None and lead is not None and lead.owner_id == member.id
            if (
                lead is None
                or lead.team_id != team.id
                or not (self._roles.is_head(person.user_id) or mine)
            ):
                return LeadHistory(Access.NOT_FOUND)
            events = await u.events.for_lead(lead_id)
            names = {m.id: m.full_name for m in await u.members.all_of(team.id)}
            owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        contacts = self._roles.is_head(person.user_id) or lead.status in _OWNED
        return LeadHistory(Access.OK, lead, tuple(events), names, owner, contacts, mine)

    async def stats(self, person: Person, text: str = "") -> Stats:
        """Everyone in the team sees the same figures: fairness is visible to all. `text`
        names the period (week by default), read in the team's time zone."""
        async with self._db.reading() as u:
            now = u.now
            team, member = await self._reader(u, person)
            if team is None:
                return Stats(Access.NO_TEAM)
            head = self._roles.is_head(person.user_id)
            if member is None and not head:
                return Stats(Access.NOT_MEMBER)
            settings = await self.settings(u, team)
            period = parse_period(text, now, settings[TIMEZONE])
            if period is None:
                return Stats(Access.BAD_PERIOD)
            facts = await self._facts(u, team, settings, period)
        return Stats(Access.OK, await _count(facts), head)

    async def settings(self, u: Unit, team: TeamRecord) -> TeamSettings:
        return TeamSettings(await u.settings.values(team.id), self._zone)

    async def _calendars(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, period: Period
    ) -> Calendars:
        """The team's working time as it was at each moment of the period: a change of
        hours today does not re-time last month's takes."""
        changes = await u.history.setting_changes(team.id, period.start)
        history = ConfigHistory(await u.settings.values(team.id), (), changes, ())
        calendars = [team_calendar(settings.then(era.values)) for era in history.eras]
        return lambda at: calendars[history.index(at)]

    async def figures(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, period: Period
    ) -> Figures:
        """The team's figures for `period`, as every report counts them (`tally`). Call
        inside a read or a transaction."""
        return await _count(await self._facts(u, team, settings, period))

    async def _facts(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, period: Period
    ) -> _Facts:
        """What the figures are counted from: read inside a read or a transaction."""
        aliases = [a for a in await u.aliases.all_of(team.id) if a.field == "channel"]
        return _Facts(
            team.id,
            settings[TIMEZONE],
            period,
            await u.reports.cohort(team.id, period.start, period.end),
            await u.members.all_of(team.id),
            ChannelNames(aliases),
            await self._calendars(u, team, settings, period),
        )


@dataclass(frozen=True)
class _Facts:
    team_id: int
    zone: ZoneInfo
    period: Period
    leads: list[CohortLead]
    members: list[MemberRecord]
    names: ChannelNames
    calendars: Calendars


async def _count(facts: _Facts) -> Figures:
    # A month of a big team is a second's counting: off the event loop (and, for /stats,
    # after the read, so that no write waits for it).
    counted = await asyncio.to_thread(tally, facts.leads, facts.calendars, facts.names)
    shown = tuple(
        (m, counted.members.get(m.id, Count()))
        for m in facts.members
        if m.active or m.id in counted.members
    )
    channels = dict(sorted(counted.channels.items(), key=lambda item: -item[1].received))
    return Figures(
        facts.period,
        shown,
        counted.waiting,
        channels,
        counted.total,
        facts.team_id,
        facts.zone,
        facts.names,
        facts.calendars,
    )
