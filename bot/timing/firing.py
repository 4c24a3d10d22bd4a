"""Fires what is due. The scheduler calls `fire_due` at the earliest deadline (and at each
team's midnight); tests call it with a fake `now`. Each timer fires in its own
transaction, through a conditional update, so it fires once however often it is woken."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import assert_never
from zoneinfo import ZoneInfo

from bot.delivery.signal import OutboxSignal
from bot.lifecycle.planner import Planner
from bot.routing.hours import local_midnight
from bot.team_settings import DIGEST, TIMER_DURATIONS, TIMEZONE, TeamSettings
from bot.timing.away import Away
from bot.timing.deadlines import CLAIM_KINDS, Deadlines
from bot.timing.opening import Opening
from bot.timing.timeouts import LeadTimers
from bot.timing.weekly import WeeklyReport
from storage import Database, TeamRecord
from storage.timers import LEAD_KINDS, TimerKind, TimerRecord

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
        signal: OutboxSignal,
    ) -> None:
        self._db = db
        self._planner = planner
        self._deadlines = deadlines
        self._away = away
        self._alarm = deadlines.alarm
        self._signal = signal
        self._lead_timers = lead_timers
        self._opening = opening
        self._weekly = weekly
        self._timers = db.repos.timers
        self._teams = db.repos.teams
        self._leads = db.repos.leads
        self._vacation_rows = db.repos.vacations

    async def fire_due(self, now: datetime) -> int:
        """Fire every timer due at `now`; how many fired."""
        fired = 0
        for _ in range(MAX_ROUNDS):
            async with self._db.consistent_read():
                due = await self._timers.due(now, BATCH)
            for timer in due:
                fired += await self._fire_one(timer, now)
            if len(due) < BATCH:
                break
        if fired:
            self._signal.notify()
        return fired

    async def _fire_one(self, timer: TimerRecord, now: datetime) -> bool:
        try:
            async with self._db.transaction():
                if not await self._timers.fire(timer.id, now):
                    return False
                team = await self._teams.by_id(timer.team_id)
                if team is not None:
                    await self._dispatch(timer, team, now)
        except Exception as error:
            # Rolled back; marked failed so that it is not woken again and again.
            log.exception("timer %d (%s) failed", timer.id, timer.kind)
            async with self._db.transaction():
                await self._timers.failed(timer.id, now, repr(error))
        return True

    async def _dispatch(self, timer: TimerRecord, team: TeamRecord, now: datetime) -> None:
        match timer.kind:
            case (
                TimerKind.CLAIM_REMIND
                | TimerKind.CLAIM_ESCALATE
                | TimerKind.HEADS_WAIT
                | TimerKind.ACCEPT_TIMEOUT
                | TimerKind.OUTCOME_REMIND
            ):
                await self._lead_timers.fire(timer, team, now)
            case TimerKind.VACATION_START | TimerKind.VACATION_END:
                await self._away.fire(timer, team, now)
            case TimerKind.OPENING:
                await self._opening.fire(team, now, timer.id)
            case TimerKind.WEEKLY_REPORT:
                await self._weekly.fire(team, now)
            case _:
                assert_never(timer.kind)

    async def earliest(self) -> datetime | None:
        async with self._db.consistent_read():
            return await self._timers.earliest()

    async def plan_reports(self, now: datetime) -> None:
        """At start: every team has its next weekly report planned (a team set up by a
        version without reports, or whose timer was lost), and keeps an overdue one."""
        async with self._db.transaction():
            for team in await self._teams.all():
                settings = await self._planner.settings(team)
                await self._deadlines.weekly_report(team.id, settings, now)

    async def team_created(self, team: TeamRecord, now: datetime) -> None:
        await self._deadlines.weekly_report(team.id, await self._planner.settings(team), now)

    async def zones(self) -> dict[int, ZoneInfo]:
        """Each team's time zone: its midnight starts and ends vacations."""
        return {
            team.id: (await self._planner.settings(team))[TIMEZONE]
            for team in await self._teams.all()
        }

    async def time_changed(self, team: TeamRecord, setting: str, now: datetime) -> None:
        """A time setting of the team changed: a duration moves the lead timers already
        set; the zone or hours move vacations' midnights and the opening. Call inside a
        transaction."""
        settings = await self._planner.settings(team)
        if setting in TIMER_DURATIONS:
            await self._durations_changed(team, settings, now)
        elif setting == DIGEST.name:
            await self._deadlines.weekly_report(team.id, settings, now, moved=True)
        else:
            await self._hours_changed(team, settings, now)

    async def _durations_changed(
        self, team: TeamRecord, settings: TeamSettings, now: datetime
    ) -> None:
        deadlines = self._deadlines
        waiting = {t.lead_id for t in await self._timers.pending(team.id, LEAD_KINDS)}
        for lead in await self._leads.many(sorted(i for i in waiting if i is not None)):
            await deadlines.replan(lead, team.id, settings, now)

    async def card_posted(self, lead_id: int, at: datetime) -> None:
        """The lead's card reached the team chat: its claim reminder counts from now, not
        from when the lead came in. Call inside the transaction that records the card."""
        lead = await self._leads.get(lead_id)
        team = await self._teams.by_id(lead.team_id) if lead and lead.team_id else None
        if lead is None or team is None:
            return
        settings = await self._planner.settings(team)
        await self._deadlines.replan(lead, team.id, settings, at, at, CLAIM_KINDS)

    async def _hours_changed(self, team: TeamRecord, settings: TeamSettings, now: datetime) -> None:
        zone = settings[TIMEZONE]
        for timer in await self._timers.pending(team.id):
            match timer.kind:
                case TimerKind.VACATION_START | TimerKind.VACATION_END:
                    if timer.vacation_id is None:
                        continue
                    vacation = await self._vacation_rows.get(timer.vacation_id)
                    if vacation is None:
                        continue
                    start = timer.kind is TimerKind.VACATION_START
                    day = vacation.first_day if start else vacation.last_day + _ONE_DAY
                    await self._timers.move(timer.id, local_midnight(day, zone))
                case TimerKind.OPENING:
                    await self._timers.cancel(timer.id, now)
                    await self._deadlines.opening(team.id, settings, now)
                case TimerKind.WEEKLY_REPORT:
                    await self._deadlines.weekly_report(team.id, settings, now, moved=True)
                case _:
                    pass  # a lead's clock keeps the deadline it was given
        earliest = await self._timers.earliest()
        if earliest is not None:
            self._alarm.set(earliest)
        self._alarm.zone_changed(team.id, zone)
