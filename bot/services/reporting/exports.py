"""/export: a period's leads, with their history, as a file a head opens in Excel."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from bot.i18n import Translator
from bot.people import Person, Roles
from bot.periods import Period, Span
from bot.presentation.reports.exports import Sheet, write_csv
from bot.presentation.reports.workbook import write_xlsx
from bot.services.reporting.stats import Access, ReportService
from storage import Database


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportFile:
    access: Access
    data: bytes = b""
    filename: str = ""
    leads: int = 0
    kind: ExportFormat = ExportFormat.XLSX


class ExportService:
    def __init__(self, db: Database, roles: Roles, reports: ReportService) -> None:
        self._db = db
        self._roles = roles
        self._reports = reports

    async def export(self, person: Person, args: str, tr: Translator) -> ExportFile:
        """`args`: `csv` or nothing (a workbook), then the period (a month by default). The
        figures, the period, the channels' names and the time zone are /stats' own."""
        if not self._roles.is_head(person.user_id):
            return ExportFile(Access.NOT_MEMBER)
        words = args.strip().split(maxsplit=1)
        kind = ExportFormat.XLSX
        period_text = args.strip()
        if words and words[0].casefold() in {"csv", "xlsx", "excel"}:
            kind = ExportFormat.CSV if words[0].casefold() == "csv" else ExportFormat.XLSX
            period_text = words[1] if len(words) > 1 else ""
        stats = await self._reports.stats(person, period_text or "month")
        figures = stats.figures
        if stats.access is not Access.OK or figures is None:
            return ExportFile(stats.access)
        period, team_id = figures.period, figures.team_id
        reader = self._db.export_reader()
        start, end = period.start, period.end
        sheet = Sheet(figures.names, figures.zone, figures.calendars, tr)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / file_name(period, kind.value, tr)
            if kind is ExportFormat.CSV:
                count = await asyncio.to_thread(
                    write_csv, path, reader.leads(team_id, start, end), sheet
                )
            else:
                count = await asyncio.to_thread(
                    write_xlsx,
                    path,
                    reader.leads(team_id, start, end),
                    reader.events(team_id, start, end),
                    figures,
                    sheet,
                )
            data = path.read_bytes()
        return ExportFile(Access.OK, data, path.name, count, kind)


def file_name(period: Period, suffix: str, tr: Translator) -> str:
    """ "лиды_2026-12.xlsx" for a calendar month, "лиды_2026-11-08_2026-12-07.csv" else."""
    first, last = period.first_day, period.last_day
    whole_month = (
        period.span is Span.RANGE
        and first.day == 1
        and (last + timedelta(days=1)).day == 1
        and (first.year, first.month) == (last.year, last.month)
    )
    days = f"{first:%Y-%m}" if whole_month else f"{first:%Y-%m-%d}_{last:%Y-%m-%d}"
    return f"{tr('export.file_name')}_{days}.{suffix}"
