"""/export's files: an .xlsx workbook (leads, a sheet per manager, the history) or the leads
as CSV the way Russian Excel opens it (UTF-8 with a BOM, `;` between columns).

Written a row at a time from iterators (openpyxl's write-only mode, the csv module): an
export of 100,000 leads never holds them in memory. Dates are Excel dates (a datetime cell
gets openpyxl's date format; a cell object per date to set another one would cost a tenth
of the time). Slow for big teams: call in a thread.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from bot.i18n import Translator, plain_text
from bot.presentation.reasons import event_words
from storage import MemberFigures, MemberRecord
from storage.export import ExportEvent, ExportLead

if TYPE_CHECKING:
    # openpyxl is imported by the first workbook, not at start: the bot starts faster.
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# The leads sheet: a catalog key for each column's heading, and its width in characters.
LEAD_COLUMNS = (
    ("number", 8),
    ("received", 17),
    ("channel", 16),
    ("source", 14),
    ("region", 16),
    ("industry", 16),
    ("company", 24),
    ("name", 22),
    ("phone", 18),
    ("email", 24),
    ("state", 14),
    ("owner", 22),
    ("taken", 17),
    ("minutes", 10),
    ("outcome", 10),
    ("reason", 22),
    ("request", 60),
)
HISTORY_COLUMNS = (("number", 8), ("when", 17), ("event", 24), ("manager", 22), ("why", 70))
SUMMARY_ROWS = ("received", "taken", "won", "lost", "open", "median")

Channel = Callable[[str | None], str | None]  # a raw channel as the heads name it


def write_xlsx(
    path: Path,
    leads: Iterable[ExportLead],
    events: Iterable[ExportEvent],
    members: tuple[tuple[MemberRecord, MemberFigures], ...],
    channel: Channel,
    zone: tzinfo,
    tr: Translator,
) -> int:
    """The workbook at `path`; returns how many leads it lists."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy, only when exporting

    book = Workbook(write_only=True)
    sheet = _sheet(book, str(tr("export.sheet_leads")), LEAD_COLUMNS, tr)
    count = 0
    for lead in leads:
        sheet.append(_values(lead, channel, zone, tr))
        count += 1
    for member, figures in members:
        _summary(book, member, figures, tr)
    history = _sheet(book, str(tr("export.sheet_history")), HISTORY_COLUMNS, tr)
    for event in events:
        label, what = event_words(event.kind, event.reason, event.details, tr)
        history.append(
            [event.lead_id, _local(event.at, zone), label, event.member, plain_text(what)]
        )
    book.save(path)
    return count


def write_csv(
    path: Path, leads: Iterable[ExportLead], channel: Channel, zone: tzinfo, tr: Translator
) -> int:
    """The leads as CSV at `path`; returns how many."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([str(tr("export_col." + key)) for key, _ in LEAD_COLUMNS])
        for lead in leads:
            writer.writerow(
                [
                    value.strftime("%d.%m.%Y %H:%M") if isinstance(value, datetime) else value
                    for value in _values(lead, channel, zone, tr)
                ]
            )
            count += 1
    return count


def _sheet(
    book: Workbook, title: str, columns: tuple[tuple[str, int], ...], tr: Translator
) -> WriteOnlyWorksheet:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - with the workbook

    sheet: WriteOnlyWorksheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    # The stubs miss it, but a write-only sheet takes column widths before its first row.
    widths = sheet.column_dimensions  # type: ignore[attr-defined]
    for index, (_, width) in enumerate(columns, start=1):
        widths[get_column_letter(index)].width = width
    sheet.append([str(tr("export_col." + key)) for key, _ in columns])
    return sheet


def _values(lead: ExportLead, channel: Channel, zone: tzinfo, tr: Translator) -> list[object]:
    """A lead's columns, dates as the team's local time without a zone (Excel has none)."""
    outcome = {"won": "outcome_won", "lost": "outcome_lost"}.get(lead.status)
    return [
        lead.id,
        _local(lead.created_at, zone),
        channel(lead.channel),
        lead.source,
        lead.region,
        lead.industry,
        lead.company,
        lead.name,
        lead.phone,
        lead.email,
        str(tr("state." + lead.status)),
        lead.owner,
        None if lead.taken_at is None else _local(lead.taken_at, zone),
        None if lead.take_seconds is None else round(lead.take_seconds / 60, 1),
        None if outcome is None else str(tr("export." + outcome)),
        _lost_reason(lead, tr),
        lead.message,
    ]


def _summary(book: Workbook, member: MemberRecord, figures: MemberFigures, tr: Translator) -> None:
    # Sheet titles: at most 31 characters, none of []:*?/\ ; a number keeps two apart.
    title = "".join(ch for ch in member.full_name if ch not in "[]:*?/\\")[:24]
    sheet = book.create_sheet(f"{title} ({member.id})")
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 14
    median = None if figures.median_take is None else round(figures.median_take / 60, 1)
    values = (figures.received, figures.taken, figures.won, figures.lost, figures.open, median)
    sheet.append([member.full_name])
    for key, value in zip(SUMMARY_ROWS, values, strict=True):
        sheet.append([str(tr("export_summary." + key)), value])


def _local(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _lost_reason(lead: ExportLead, tr: Translator) -> str | None:
    """ "Другое: нашли дешевле" when the owner said it in words."""
    if lead.lost_reason is None:
        return None
    named = str(tr("lost_why." + lead.lost_reason))
    return named if lead.lost_note is None else f"{named}: {lead.lost_note}"
