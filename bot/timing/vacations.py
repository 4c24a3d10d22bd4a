"""Vacations: `/vacation` (plan, end, cancel) and `/vacations`.

A vacation is a row with two timers, its start and its end, at the team's local midnight,
written in the transaction that plans it; one from today starts at once. What starting and
ending do is in `away`.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.dates import day_text
from bot.lifecycle.deadlines import Deadlines
from bot.lifecycle.planner import Planner
from bot.people import Person, Roles
from bot.routing.hours import local_midnight
from bot.services.reply import NO_TEAM, Reply, reply
from bot.services.team import find_member
from bot.team_settings import TIMEZONE
from bot.timing.away import Away
from bot.timing.vacation_syntax import MAX_DAYS, VacationArgs, parse_args, parse_day
from storage import (
    Database,
    MemberRecord,
    TeamRecord,
)
from storage.team.vacations import VacationRecord, VacationStatus
from storage.unit import Unit
from storage.work.timers import TimerKind

log = logging.getLogger(__name__)


class Vacations:
    def __init__(
        self,
        db: Database,
        roles: Roles,
        planner: Planner,
        deadlines: Deadlines,
        away: Away,
    ) -> None:
        self._db = db
        self._away = away
        self._roles = roles
        self._planner = planner
        self._deadlines = deadlines

    async def plan(self, actor: Person, text: str) -> Reply:
        args = parse_args(text)
        if args is None:
            return Reply("vacation.usage")
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            now = u.now
            zone = (await self._planner.settings(u, team))[TIMEZONE]
            today = now.astimezone(zone).date()
            checked = await self._check(u, team, actor, args, today)
            if isinstance(checked, Reply):
                return checked
            who, first, last, deputy = checked
            vacation = await u.vacations.add(
                team.id, who.id, deputy.id if deputy else None, first, last, actor.user_id, now
            )
            end = local_midnight(last + timedelta(days=1), zone)
            deadlines = self._deadlines
            await deadlines.add(
                u, team.id, TimerKind.VACATION_END, end, now, vacation_id=vacation.id
            )
            if first == today:
                await self._away.start(u, vacation, team, now)
            else:
                start = local_midnight(first, zone)
                await deadlines.add(
                    u, team.id, TimerKind.VACATION_START, start, now, vacation_id=vacation.id
                )
        # A team set up since the bot started has no midnight job yet: this makes sure.
        self._deadlines.alarm.zone_changed(team.id, zone)
        log.info("vacation %d of member %d: %s..%s", vacation.id, who.id, first, last)
        return reply(
            "vacation.started" if first == today else "vacation.planned",
            name=who.full_name,
            first=day_text(first),
            last=day_text(last),
            deputy=_deputy_reply(deputy.full_name if deputy else None),
        )

    async def _check(
        self, u: Unit, team: TeamRecord, actor: Person, args: VacationArgs, today: date
    ) -> tuple[MemberRecord, date, date, MemberRecord | None] | Reply:
        """Whose vacation, when, and who covers: or why it cannot be."""
        who = await self._subject(u, team, actor, args.subject)
        if isinstance(who, Reply):
            return who
        days = _days(args, today)
        if isinstance(days, Reply):
            return days
        first, last = days
        deputy = await self._deputy(u, team, who, args.deputy, first, last)
        if isinstance(deputy, Reply):
            return deputy
        if await self._overlaps(u, who, first, last):
            return reply("vacation.overlap", name=who.full_name)
        return who, first, last, deputy

    async def _deputy(
        self,
        u: Unit,
        team: TeamRecord,
        who: MemberRecord,
        target: str | None,
        first: date,
        last: date,
    ) -> MemberRecord | Reply | None:
        if target is None:
            return None
        deputy = await find_member(u, team, target)
        if deputy is None or not deputy.active:
            return reply("vacation.no_deputy", who=target)
        if deputy.id == who.id:
            return Reply("vacation.self_deputy")
        if await self._overlaps(u, deputy, first, last):
            return reply("vacation.deputy_away", name=deputy.full_name)
        return deputy

    async def end(self, actor: Person, target: str | None) -> Reply:
        """End a vacation early: the manager is back now."""
        async with self._db.unit() as u:
            found = await self._one(u, actor, target, VacationStatus.ACTIVE, "vacation.none_active")
            if isinstance(found, Reply):
                return found
            team, who, vacation = found
            moved = await self._away.end(u, vacation, team, u.now)
        return reply("vacation.ended", name=who.full_name, moved=moved)

    async def cancel(self, actor: Person, target: str | None) -> Reply:
        """Drop a vacation that has not started."""
        async with self._db.unit() as u:
            found = await self._one(
                u, actor, target, VacationStatus.PLANNED, "vacation.none_planned"
            )
            if isinstance(found, Reply):
                return found
            _, who, vacation = found
            await u.vacations.cancel(vacation.id, u.now)
            await u.timers.cancel_for_vacation(vacation.id, u.now)
        return reply(
            "vacation.cancelled",
            name=who.full_name,
            first=day_text(vacation.first_day),
            last=day_text(vacation.last_day),
        )

    async def _one(
        self, u: Unit, actor: Person, target: str | None, status: VacationStatus, none: str
    ) -> tuple[TeamRecord, MemberRecord, VacationRecord] | Reply:
        """The team, whose vacation, and their soonest vacation in `status`; or why not."""
        team = await u.teams.primary()
        if team is None:
            return NO_TEAM
        who = await self._subject(u, team, actor, target)
        if isinstance(who, Reply):
            return who
        found = [v for v in await u.vacations.open_of(who.id) if v.status is status]
        if not found:
            return reply(none, name=who.full_name)
        return team, who, found[0]

    async def listing(self) -> Reply:
        async with self._db.reading() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            vacations = await u.vacations.open_of_team(team.id)
            names = {m.id: m.full_name for m in await u.members.all_of(team.id)}
        if not vacations:
            return Reply("vacations.empty")
        lines = []
        for v in vacations:
            member = names.get(v.member_id)
            deputy = names.get(v.deputy_id) if v.deputy_id else None
            lines.append(
                Reply(
                    "vacations.line_now" if v.status is VacationStatus.ACTIVE else "vacations.line",
                    {
                        "name": member or "?",
                        "first": day_text(v.first_day),
                        "last": day_text(v.last_day),
                        "deputy": _deputy_reply(deputy),
                    },
                )
            )
        return Reply("vacations.list", {"lines": tuple(lines)})

    async def _subject(
        self, u: Unit, team: TeamRecord, actor: Person, target: str | None
    ) -> MemberRecord | Reply:
        """Whose vacation: the actor's own, or anyone's when a head names them."""
        if target is None:
            member = await u.members.active_by_user(team.id, actor.user_id)
            return member if member is not None else Reply("vacation.not_member")
        member = await find_member(u, team, target)
        if member is None or not member.active:
            return reply("vacation.no_member", who=target)
        if member.user_id != actor.user_id and not self._roles.is_head(actor.user_id):
            return Reply("vacation.head_only")
        return member

    async def _overlaps(self, u: Unit, member: MemberRecord, first: date, last: date) -> bool:
        return any(
            v.first_day <= last and first <= v.last_day
            for v in await u.vacations.open_of(member.id)
        )


def _days(args: VacationArgs, today: date) -> tuple[date, date] | Reply:
    first, last = parse_day(args.first, today), parse_day(args.last, today)
    if first is None or last is None:
        return Reply("vacation.bad_date")
    if first < today:
        return Reply("vacation.past")
    if last < first:
        return Reply("vacation.backwards")
    if (last - first).days >= MAX_DAYS:
        return reply("vacation.too_long", days=MAX_DAYS)
    return first, last


def _deputy_reply(name: str | None) -> Reply:
    return Reply("vacation.deputy", {"name": name}) if name else Reply("vacation.no_deputy_set")
