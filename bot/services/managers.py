"""What a head sets per manager (weight, cap, skills) and per team (mode and settings), and
pausing: everything that changes who routing may pick, not any lead."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.lifecycle.presence import Presence
from bot.people import Person
from bot.routing import Mode
from bot.routing.hours import Span
from bot.services.team import find_member
from bot.team_settings import (
    BY_NAME,
    DIGEST,
    MODE,
    TIMER_DURATIONS,
    TIMEZONE,
    WORK_DAYS,
    WORK_HOURS,
    AnySetting,
    SettingError,
    TeamSettings,
)
from storage import Database, MemberRecord, TeamRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

MAX_SKILLS = 20


class Change(StrEnum):
    DONE = "done"
    ALREADY = "already"  # it already was so
    NO_TEAM = "no_team"
    NOT_FOUND = "not_found"  # no such member
    NOT_MEMBER = "not_member"  # the person acting on themself is not in the team
    BAD_VALUE = "bad_value"


@dataclass(frozen=True)
class ChangeResult:
    outcome: Change
    member: MemberRecord | None = None
    error: str | None = None  # the catalog key explaining a BAD_VALUE


@dataclass(frozen=True)
class SettingResult:
    outcome: Change
    setting: str | None = None
    error: str | None = None


# Changing these moves when vacations start and end, when waiting leads are routed and when
# the Monday report goes; a changed duration moves the lead timers already set.
TIME_SETTINGS = (
    frozenset({TIMEZONE.name, WORK_DAYS.name, WORK_HOURS.name, DIGEST.name}) | TIMER_DURATIONS
)


class TimeChanges(Protocol):
    async def time_changed(
        self, u: Unit, team: TeamRecord, setting: str, now: datetime
    ) -> None: ...


# What a change does to the member, in the unit that found them; True when it changed.
Apply = Callable[[Unit, MemberRecord], Awaitable[bool]]


class ManagerService:
    def __init__(self, db: Database, zone: str, time: TimeChanges, presence: Presence) -> None:
        self._db = db
        self._zone = zone  # the bot's TIMEZONE, for a team that never set its own
        self._time = time
        self._presence = presence

    async def _change(self, actor: Person, target: str | None, apply: Apply) -> ChangeResult:
        async with self._db.unit() as u:
            found = await _target(u, actor, target)
            if found.member is None:
                return found
            member = found.member
            changed = await apply(u, member)
            fresh = await u.members.by_id(member.id)
        log.info("user %d changed member %d: %s", actor.user_id, member.id, changed)
        return ChangeResult(Change.DONE if changed else Change.ALREADY, fresh)

    async def pause(self, actor: Person, target: str | None, paused: bool) -> ChangeResult:
        """`target` None: the actor themself (a manager, by command or by the "I'm here"
        button); otherwise a head names someone."""
        by_head = target is not None
        return await self._change(
            actor, target, lambda u, m: self._presence.set(u, m, paused, by_head)
        )

    async def set_weight(self, actor: Person, target: str, text: str) -> ChangeResult:
        text = text.strip()
        if not text.isdecimal() or not text.isascii() or not 1 <= int(text) <= 10:
            return ChangeResult(Change.BAD_VALUE, error="weight.bad")
        weight = int(text)

        async def apply(u: Unit, member: MemberRecord) -> bool:
            await u.members.set_weight(member.id, weight)
            return member.weight != weight

        return await self._change(actor, target, apply)

    async def set_cap(self, actor: Person, target: str, text: str) -> ChangeResult:
        text = text.strip().casefold()
        cap: int | None
        if text in {"off", "нет", "выкл"}:
            cap = None
        elif text.isdecimal() and text.isascii() and 0 <= int(text) <= 1000:
            cap = int(text)
        else:
            return ChangeResult(Change.BAD_VALUE, error="cap.bad")

        async def apply(u: Unit, member: MemberRecord) -> bool:
            await u.members.set_cap(member.id, cap)
            return member.cap != cap

        return await self._change(actor, target, apply)

    async def set_skills(self, actor: Person, target: str, text: str) -> ChangeResult:
        tags = tuple(dict.fromkeys(t.strip()[:40] for t in text.split(",") if t.strip()))
        if len(tags) > MAX_SKILLS:
            return ChangeResult(Change.BAD_VALUE, error="skills.too_many")

        async def apply(u: Unit, member: MemberRecord) -> bool:
            await u.members.set_skills(member.id, tags)
            return member.skills != tags

        return await self._change(actor, target, apply)

    async def set_hours(self, actor: Person, target: str, text: str) -> ChangeResult:
        """Own daily hours for one manager, or `team` (also "off", "сброс") for the team's."""
        text = text.strip()
        hours: str | None
        if text.casefold() in {"team", "off", "reset", "команды", "сброс", "нет"}:
            hours = None
        else:
            span = Span.parse(text)
            if span is None:
                return ChangeResult(Change.BAD_VALUE, error="hours.bad")
            hours = str(span)
        return await self._change(actor, target, lambda u, m: u.members.set_hours(m.id, hours))

    async def set_duty(self, actor: Person, target: str, on_duty: bool) -> ChangeResult:
        return await self._change(actor, target, lambda u, m: u.members.set_duty(m.id, on_duty))

    # ---- team settings --------------------------------------------------------------------

    async def settings(self) -> tuple[TeamRecord | None, TeamSettings]:
        async with self._db.reading() as u:
            return await self._settings(u)

    async def _settings(self, u: Unit) -> tuple[TeamRecord | None, TeamSettings]:
        team = await u.teams.primary()
        if team is None:
            return None, TeamSettings()
        return team, TeamSettings(await u.settings.values(team.id), self._zone)

    async def roster(self) -> tuple[TeamRecord | None, TeamSettings, list[MemberRecord]]:
        """The team's settings and active members: for /hours and /duty."""
        async with self._db.reading() as u:
            team, settings = await self._settings(u)
            members = await u.members.active(team.id) if team else []
        return team, settings, members

    async def set(self, name: str, text: str) -> SettingResult:
        setting = BY_NAME.get(name.strip().casefold())
        if setting is None:
            return SettingResult(Change.NOT_FOUND, error="set.unknown")
        try:
            return await self._store(setting, text)
        except SettingError as error:
            return SettingResult(Change.BAD_VALUE, setting.name, error.key)

    async def set_work_week(self, always: bool) -> SettingResult:
        """Around the clock every day, or the default Monday to Friday, 09:00-18:00."""
        days, hours = ("daily", "00:00-24:00") if always else ("mon-fri", "09:00-18:00")
        result = await self.set(WORK_DAYS.name, days)
        if result.outcome not in (Change.DONE, Change.ALREADY):
            return result
        return await self.set(WORK_HOURS.name, hours)

    async def set_mode(self, mode: Mode) -> SettingResult:
        return await self._store(MODE, mode.value)

    async def _store(self, setting: AnySetting, text: str) -> SettingResult:
        value = setting.normalized(text)
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return SettingResult(Change.NO_TEAM, setting.name)
            before = (await u.settings.values(team.id)).get(setting.name)
            await u.settings.put(team.id, setting.name, value, u.now)
            if setting.name in TIME_SETTINGS:
                await self._time.time_changed(u, team, setting.name, u.now)
        same = (before if before is not None else setting.default_text) == value
        log.info("team %d setting %s = %s", team.id, setting.name, value)
        return SettingResult(Change.ALREADY if same else Change.DONE, setting.name)


async def _target(u: Unit, actor: Person, target: str | None) -> ChangeResult:
    team = await u.teams.primary()
    if team is None:
        return ChangeResult(Change.NO_TEAM)
    if target is None:
        member = await u.members.active_by_user(team.id, actor.user_id)
        return ChangeResult(Change.DONE, member) if member else ChangeResult(Change.NOT_MEMBER)
    member = await find_member(u, team, target)
    if member is None or not member.active:
        return ChangeResult(Change.NOT_FOUND)
    return ChangeResult(Change.DONE, member)
