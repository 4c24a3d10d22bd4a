"""APScheduler wakes the code; the database decides what is due.

One date job at the earliest pending deadline, moved whenever a sooner one is written (the
`Alarm`) and rebuilt from the database after each run and at start; one cron job at each
team's local midnight, when vacations start and end; the hourly report of refused intake.
Every job may run late: `misfire_grace_time=None` makes a job whose time passed while the
bot was down run once at start instead of being skipped, and `coalesce` folds missed runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.clock import Clock
from bot.lifecycle.alarm import Alarm
from bot.services.refusals import RefusalService
from bot.timing.firing import TimerService
from storage.backup import Backups

log = logging.getLogger(__name__)

# Refusals held back by the hourly limit are reported within this much of becoming due.
REFUSAL_REPORT_SECONDS = 300
TIMERS_JOB = "timers"
# The nightly copy, in the bot's zone: after the day's work, before the next.
BACKUP_AT = (3, 30)
RETRY_GAP = timedelta(seconds=1)
LATE_OK = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
# Upkeep the leader does now and then: its job id, every how many seconds, and the work.
Chore = tuple[str, float, Callable[[], Awaitable[object]]]


class Scheduler:
    def __init__(
        self,
        timers: TimerService,
        refusals: RefusalService,
        backups: Backups,
        clock: Clock,
        alarm: Alarm,
        zone: tzinfo,
        chores: Sequence[Chore] = (),
    ) -> None:
        self._timers = timers
        self._refusals = refusals
        self._clock = clock
        self._alarm = alarm
        self._zone = zone
        self._chores = tuple(chores)
        self._scheduler = AsyncIOScheduler(timezone=zone)
        self._armed: datetime | None = None
        self._backups = backups

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    @property
    def armed(self) -> datetime | None:
        """When the date job will wake the timers next."""
        return self._armed

    async def start(self) -> None:
        """Rebuild the jobs from the database, then start: overdue timers fire at once.
        A process that loses the lead and takes it again starts here anew, on a fresh
        APScheduler: one that was shut down does not reliably keep its jobs."""
        self._scheduler = AsyncIOScheduler(timezone=self._zone)
        self._armed = None
        self._scheduler.add_job(
            self._refusals.report_due,
            "interval",
            seconds=REFUSAL_REPORT_SECONDS,
            id="intake_refusal_reports",
            replace_existing=True,
            **LATE_OK,
        )
        self._scheduler.add_job(
            self.back_up,
            CronTrigger(hour=BACKUP_AT[0], minute=BACKUP_AT[1], timezone=self._zone),
            id="nightly_backup",
            replace_existing=True,
            **LATE_OK,
        )
        for name, seconds, chore in self._chores:
            self._scheduler.add_job(
                chore, "interval", seconds=seconds, id=name, replace_existing=True, **LATE_OK
            )
        await self.plan_midnights()
        await self._timers.plan_reports(self._clock.now())
        self._arm(await self._timers.earliest())
        self._alarm.listen(self)
        self._scheduler.start()

    async def plan_midnights(self) -> None:
        """Each team's midnight job, in its zone as the database has it now."""
        for team_id, zone in (await self._timers.zones()).items():
            self.zone_changed(team_id, zone)

    def jobs(self) -> list[str]:
        """What is scheduled, as "id: trigger" lines (for logs and checks)."""
        return [f"{job.id}: {job.trigger}" for job in self._scheduler.get_jobs()]

    async def back_up(self) -> None:
        """Tonight's copy of the database, off the event loop; a failure is logged and the
        next night tries again (the bot itself goes on either way)."""
        try:
            made, gone = await asyncio.to_thread(self._backups.nightly, self._clock.now())
        except Exception:
            log.exception("the nightly backup failed")
            return
        log.info("backed up the database to %s (%d older copies removed)", made, len(gone))

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def wake_at(self, due: datetime) -> None:
        if self._armed is None or due < self._armed:
            self._arm(due)

    def zone_changed(self, team_id: int, zone: ZoneInfo) -> None:
        self._scheduler.add_job(
            self._run,
            CronTrigger(hour=0, minute=0, timezone=zone),
            id=f"midnight:{team_id}",
            replace_existing=True,
            **LATE_OK,
        )

    def _arm(self, due: datetime | None) -> None:
        self._armed = due
        if due is None:
            if self._scheduler.get_job(TIMERS_JOB) is not None:
                self._scheduler.remove_job(TIMERS_JOB)
            return
        self._scheduler.add_job(
            self._run, DateTrigger(run_date=due), id=TIMERS_JOB, replace_existing=True, **LATE_OK
        )

    async def _run(self) -> None:
        self._armed = None
        now = self._clock.now()
        try:
            await self._timers.fire_due(now)
        finally:
            due = await self._timers.earliest()
            # A timer that could not even be marked would otherwise wake us in a loop.
            self._arm(None if due is None else max(due, now + RETRY_GAP))
