"""Work that runs on a timer. The scheduler only wakes the code up; the database decides
what is due, so a job that fires twice, or late after a restart, does its work once."""

from __future__ import annotations

from datetime import tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.services.refusals import RefusalService

# Refusals held back by the hourly limit are reported within this much of becoming due.
REFUSAL_REPORT_SECONDS = 300


def make_scheduler(refusals: RefusalService, zone: tzinfo) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=zone)
    scheduler.add_job(
        refusals.report_due,
        "interval",
        seconds=REFUSAL_REPORT_SECONDS,
        id="intake_refusal_reports",
        coalesce=True,
        max_instances=1,
    )
    return scheduler
