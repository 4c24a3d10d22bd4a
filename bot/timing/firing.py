"""Fires what is due. The scheduler calls `fire_due` at the earliest deadline (and at each
team's midnight); tests call it with a fake `now`. Each timer fires in its own
transaction, through a conditional update, so it fires once however often it is woken."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import assert_never
from zoneinfo import ZoneInfo

from bot.actions.time_out import LeadTimers
from bot.lifecycle.deadlines import CLAIM_KINDS, Deadlines
from bot.lifecycle.planner import Planner
from bot.routing.hours import local_midnight
from bot.team_settings import DIGEST, TIMER_DURATIONS, TIMEZONE, TeamSettings
from bot.timing.away import Away
from bot.timing.opening import Opening
from bot.timing.weekly import WeeklyReport
from storage import Database, TeamRecord
from storage.unit import Unit
from storage.work.timers import LEAD_KINDS, TimerKind, TimerRecord

log = logging.getLogger(__name__)

BATCH = 100
# A handler that keeps writing timers already due would otherwise keep one wake-up going.
MAX_ROUNDS = 50
_ONE_DAY = timedelta(days=1)


class TimerService:
    def __init__(
        self,
        db: Database,
        planner: Planner,
        deadlines: Deadlines,
        lead_timers: LeadTimers,
        opening: Opening,
        away: Away,
        weekly: WeeklyReport,
    ) -> None:
        self._db = db
        self._planner = planner
        self._deadlines = deadlines
        self._away = away
        self._alarm = deadlines.alarm
        self._lead_timers = lead_timers
        self._opening = opening
        self._weekly = weekly

    async def fire_due(self, now: datetime) -> int:
        """Fire every timer due at `now`; how many fired."""
        fired = 0
        for _ in range(MAX_ROUNDS):
            async with self._db.reading() as u:
                due = await u.timers.due(now, BATCH)
            for timer in due:
                fired += await self._fire_one(timer, now)
            if len(due) < BATCH:
                break
        return fired

    async def _fire_one(self, timer: TimerRecord, now: datetime) -> bool:
        try:
            async with self._db.unit() as u:
                if not await u.timers.fire(timer.id, now):
                    return False
                team = await u.teams.by_id(timer.team_id)
                if team is not None:
                    await self._dispatch(u, timer, team, now)
        except Exception as error:
            # Rolled back; marked failed so that it is not woken again and again.
            log.exception("timer %d (%s) failed", timer.id, timer.kind)
            async with self._db.unit() as u:
                await u.timers.failed(timer.id, now, repr(error))
        return True

    async def _dispatch(self, u: Unit, timer: TimerRecord, team: TeamRecord, now: datetime) -> None:
        match timer.kind:
            case (
                TimerKind.CLAIM_REMIND
                | TimerKind.CLAIM_ESCALATE
                | TimerKind.HEADS_WAIT
                | TimerKind.ACCEPT_TIMEOUT
                | TimerKind.OUTCOME_REMIND
                | TimerKind.CONTACT_REMIND
                | TimerKind.CONTACT_TIMEOUT
            ):
                await self._lead_timers.fire(u, timer, team, now)
            case TimerKind.VACATION_START | TimerKind.VACATION_END:
                await self._away.fire(u, timer, team, now)
            case TimerKind.OPENING:
                await self._opening.fire(u, team, now, timer.id)
            case TimerKind.WEEKLY_REPORT:
                await self._weekly.fire(u, team, now)
            case _:
                assert_never(timer.kind)

    async def earliest(self) -> datetime | None:
        async with self._db.reading() as u:
            return await u.timers.earliest()

    async def plan_reports(self, now: datetime) -> None:
        """At start: every team has its next weekly report planned (a team set up by a
        version without reports, or whose timer was lost), and keeps an overdue one."""
        async with self._db.unit() as u:
            for team in await u.teams.all():
                settings = await self._planner.settings(u, team)
                await self._deadlines.weekly_report(u, team.id, settings, now)

    async def team_created(self, u: Unit, team: TeamRecord, now: datetime) -> None:
        await self._deadlines.weekly_report(u, team.id, await self._planner.settings(u, team), now)

    async def zones(self) -> dict[int, ZoneInfo]:
        """Each team's time zone: its midnight starts and ends vacations."""
        async with self._db.reading() as u:
            return {
                team.id: (await self._planner.settings(u, team))[TIMEZONE]
                for team in await u.teams.all()
            }

    async def time_changed(self, u: Unit, team: TeamRecord, setting: str, now: datetime) -> None:
        """A time setting of the team changed: a duration moves the lead timers already
        set; the zone or hours move vacations' midnights and the opening. Call inside a
        transaction."""
        settings = await self._planner.settings(u, team)
        if setting in TIMER_DURATIONS:
            await self._durations_changed(u, team, settings, now)
        elif setting == DIGEST.name:
            await self._deadlines.weekly_report(u, team.id, settings, now, moved=True)
        else:
            await self._hours_changed(u, team, settings, now)

    async def _durations_changed(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, now: datetime
    ) -> None:
        deadlines = self._deadlines
        waiting = {t.lead_id for t in await u.timers.pending(team.id, LEAD_KINDS)}
        for lead in await u.leads.many(sorted(i for i in waiting if i is not None)):
            await deadlines.replan(u, lead, team.id, settings, now)

    async def card_posted(self, u: Unit, lead_id: int, at: datetime) -> None:
        """The lead's card reached the team chat: its claim reminder counts from now, not
        from when the lead came in. Call inside the transaction that records the card."""
        lead = await u.leads.get(lead_id)
        team = await u.teams.by_id(lead.team_id) if lead and lead.team_id else None
        if lead is None or team is None:
            return
        settings = await self._planner.settings(u, team)
        await self._deadlines.replan(u, lead, team.id, settings, at, at, CLAIM_KINDS)

    async def _hours_changed(
        self, u: Unit, team: TeamRecord, settings: TeamSettings, now: datetime
    ) -> None:
        zone = settings[TIMEZONE]
        for timer in await u.timers.pending(team.id):
            match timer.kind:
                case TimerKind.VACATION_START | TimerKind.VACATION_END:
                    if timer.vacation_id is None:
                        continue
                    vacation = await u.vacations.get(timer.vacation_id)
                    if vacation is None:
                        continue
                    start = timer.kind is TimerKind.VACATION_START
                    day = vacation.first_day if start else vacation.last_day + _ONE_DAY
                    await u.timers.move(timer.id, local_midnight(day, zone))
                case TimerKind.OPENING:
                    await u.timers.cancel(timer.id, now)
                    await self._deadlines.opening(u, team.id, settings, now)
                case TimerKind.WEEKLY_REPORT:
                    await self._deadlines.weekly_report(u, team.id, settings, now, moved=True)
                case _:
                    pass  # a lead's clock keeps the deadline it was given
        earliest = await u.timers.earliest()
        if earliest is not None:
            self._alarm.set(earliest)
        self._alarm.zone_changed(team.id, zone)
