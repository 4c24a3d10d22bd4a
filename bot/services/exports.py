"""/export: a period's leads, with their history, as a file a head opens in Excel."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.i18n import Translator
from bot.people import Person, Roles
from bot.presentation.exports import write_csv, write_xlsx
from bot.services.reports import Access, ReportService
from storage import Database
from storage.export import ExportReader


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportFile:
    access: Access
    data: bytes = b""
    filename: str = ""
    leads: int = 0


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
        period, team_id, zone, names = figures.period, figures.team_id, figures.zone, figures.names
        assert self._db.path is not None, "an export reads the database file"
        reader = ExportReader(self._db.path)
        start, end = period.start, period.end
        days = f"{period.first_day:%Y-%m-%d}_{period.last_day:%Y-%m-%d}"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"leads_{days}.{kind.value}"
            if kind is ExportFormat.CSV:
                count = await asyncio.to_thread(
                    write_csv, path, reader.leads(team_id, start, end), names, zone, tr
                )
            else:
                count = await asyncio.to_thread(
                    write_xlsx,
                    path,
                    reader.leads(team_id, start, end),
                    reader.events(team_id, start, end),
                    figures.members,
                    names,
                    zone,
                    tr,
                )
            data = path.read_bytes()
        return ExportFile(Access.OK, data, path.name, count)
