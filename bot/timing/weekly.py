"""The Monday report: each head gets last week's /stats, text and picture, through the
outbox. Fired by the team's WEEKLY_REPORT timer, which plans the next one as it fires."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from bot.i18n import Html
from bot.lifecycle.deadlines import Deadlines
from bot.lifecycle.planner import Planner
from bot.people import Roles
from bot.periods import last_week
from bot.presentation.notices import enqueue_messages, enqueue_photo, team_translator
from bot.presentation.reports.charts import render_png
from bot.presentation.reports.stats import stats_chart, stats_text
from bot.services.reporting.stats import ReportService
from bot.team_settings import DIGEST, TIMEZONE, Digest
from storage import OutboxFile, OutboxPurpose, TeamRecord
from storage.unit import Unit

log = logging.getLogger(__name__)


class WeeklyReport:
    def __init__(
        self,
        planner: Planner,
        deadlines: Deadlines,
        roles: Roles,
        reports: ReportService,
    ) -> None:
        self._planner = planner
        self._deadlines = deadlines
        self._roles = roles
        self._reports = reports

    async def fire(self, u: Unit, team: TeamRecord, now: datetime) -> None:
        """Call inside the transaction that fired the team's WEEKLY_REPORT timer."""
        settings = await self._planner.settings(u, team)
        await self._deadlines.weekly_report(u, team.id, settings, now)
        if settings[DIGEST] is Digest.OFF:
            return
        heads = sorted(self._roles.head_ids)
        if not heads:
            log.warning("no heads of sales configured; the weekly report of team %d", team.id)
            return
        period = last_week(now, settings[TIMEZONE])
        figures = await self._reports.figures(u, team, settings, period)
        tr = team_translator(team)
        text = Html(f"{stats_text(figures, tr)}\n\n{tr('report.footer')}")
        picture: OutboxFile | None = None
        if not figures.empty:
            # Rendered in a thread: the event loop goes on while the transaction waits.
            png = await asyncio.to_thread(render_png, stats_chart(figures, tr))
            picture = OutboxFile(f"week_{period.first_day:%Y-%m-%d}.png", png)
        first, last = f"{period.first_day:%d.%m}", f"{period.last_day:%d.%m.%Y}"
        caption = tr("report.caption", first=first, last=last)
        for head_id in heads:
            await enqueue_messages(
                u.outbox, head_id, [text], OutboxPurpose.WEEKLY_REPORT, now, None
            )
            if picture is not None:
                await enqueue_photo(u, head_id, OutboxPurpose.WEEKLY_REPORT, caption, picture, now)
