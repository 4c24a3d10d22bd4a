"""/export: a period's leads, with their history, as a file a head opens in Excel."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.clock import Clock
from bot.i18n import Translator
from bot.people import Person, Roles
from bot.presentation.exports import write_csv, write_xlsx
from bot.routing import value_key
from bot.services.periods import parse_period
from bot.services.reports import Access
from bot.team_settings import TIMEZONE, TeamSettings
from storage import Database, MemberFigures
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
    def __init__(self, db: Database, clock: Clock, roles: Roles, zone: str = "UTC") -> None:
        self._db = db
        self._clock = clock
        self._roles = roles
        self._zone = zone  # the bot's TIMEZONE, for a team that never set its own

    async def export(self, person: Person, args: str, tr: Translator) -> ExportFile:
        """`args`: `csv` or nothing (a workbook), then the period (a month by default)."""
        words = args.strip().split(maxsplit=1)
        kind = ExportFormat.XLSX
        period_text = args.strip()
        if words and words[0].casefold() in {"csv", "xlsx", "excel"}:
            kind = ExportFormat.CSV if words[0].casefold() == "csv" else ExportFormat.XLSX
            period_text = words[1] if len(words) > 1 else ""
        now = self._clock.now()
        async with self._db.consistent_read() as repos:
            team = await repos.teams.primary()
            if team is None:
                return ExportFile(Access.NO_TEAM)
            if not self._roles.is_head(person.user_id):
                return ExportFile(Access.NOT_MEMBER)
            settings = TeamSettings(await repos.settings.values(team.id), self._zone)
            period = parse_period(period_text or "month", now, settings[TIMEZONE])
            if period is None:
                return ExportFile(Access.BAD_PERIOD)
            figures = await repos.reports.by_member(team.id, period.start, period.end)
            members = tuple(
                (m, figures.get(m.id, MemberFigures()))
                for m in await repos.members.all_of(team.id)
                if m.active or m.id in figures
            )
            aliases = [a for a in await repos.aliases.all_of(team.id) if a.field == "channel"]
        names = {value_key(a.alias): a.canonical for a in aliases}

        def channel(raw: str | None) -> str | None:
            return None if raw is None else names.get(value_key(raw), raw)

        assert self._db.path is not None, "an export reads the database file"
        reader = ExportReader(self._db.path)
        zone = settings[TIMEZONE]
        start, end = period.start, period.end
        days = f"{period.first_day:%Y-%m-%d}_{period.last_day:%Y-%m-%d}"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"leads_{days}.{kind.value}"
            if kind is ExportFormat.CSV:
                count = await asyncio.to_thread(
                    write_csv, path, reader.leads(team.id, start, end), channel, zone, tr
                )
            else:
                count = await asyncio.to_thread(
                    write_xlsx,
                    path,
                    reader.leads(team.id, start, end),
                    reader.events(team.id, start, end),
                    members,
                    channel,
                    zone,
                    tr,
                )
            data = path.read_bytes()
        return ExportFile(Access.OK, data, path.name, count)
