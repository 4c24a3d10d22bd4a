"""/export's workbook (.xlsx): the leads, the summary (the managers side by side, then a sheet
of channels) and the history, as a head opens it in Russian Excel: bold headings that wrap,
filter and stay in view, widths that fit, Excel dates shown dd.mm.yyyy hh:mm.

Written with openpyxl's write-only sheets, a row at a time: 100,000 leads are never held in
memory. Every value a spreadsheet would take for a formula is a text cell. Slow for big
teams: call in a thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bot.i18n import Translator, plain_text
from bot.presentation.reasons import event_words
from bot.presentation.reports.exports import (
    LEAD_COLUMNS,
    Sheet,
    column_names,
    is_formula_like,
    lead_values,
    local_time,
)
from bot.presentation.reports.stats import Figures
from bot.reports.figures import BANDS, Count
from storage.reading.export import ExportEvent, ExportLead

if TYPE_CHECKING:
    # openpyxl is imported by the first workbook, not at start: the bot starts faster.
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

HISTORY_COLUMNS = (("number", 8), ("when", 17), ("event", 24), ("manager", 24), ("why", 70))
SUMMARY_COLUMNS = (
    ("row", 30), ("received", 11), ("taken", 10), ("in_work", 10), ("won", 10), ("lost", 10),
    ("not_taken", 10), ("conversion", 12), ("median", 16), ("contact_median", 16),
    ("within_5m", 11), ("within_1h", 11), ("within_24h", 11), ("never_reached", 13),
    ("amount", 16), ("average_deal", 16),
)  # fmt: skip
WRAPPED = frozenset({"request", "answers", "why", "reason"})
# Number formats of the summary's columns (a handful of rows); the leads' minutes are
# rounded and shown as Excel shows a number ("5,5" in Russian): a styled cell per lead would
# cost the export a good part of its time.
FORMATS = {
    "median": "0.0",
    "conversion": "0%",
    "contact_median": "0.0",
    "amount": "#,##0",
    "average_deal": "#,##0",
    **{f"within_{band}": "0%" for band in ("5m", "1h", "24h")},
}
DATE_FORMAT = "dd.mm.yyyy hh:mm"
# Rows read before the columns' widths are set: they fit what these hold.
SAMPLE_ROWS = 500
# A phone in our own form: "+", digits, spaces and hyphens cannot make a formula that does
# anything, so it stays a plain text cell (most leads have one).
_OUR_PHONE = re.compile(r"\+[0-9 -]+")


def write_xlsx(
    path: Path,
    leads: Iterable[ExportLead],
    events: Iterable[ExportEvent],
    figures: Figures,
    sheet: Sheet,
) -> int:
    """The workbook at `path`: the leads, the summary (the same figures as /stats), the
    history; returns how many leads it lists."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy, only when exporting

    tr = sheet.tr
    book = Workbook(write_only=True)
    rows = (lead_values(lead, sheet) for lead in leads)
    count = _table(book, str(tr("export.sheet_leads")), LEAD_COLUMNS, column_names(tr), rows)
    _summary(book, figures, tr)
    history = (
        [event.lead_id, local_time(event.at, sheet.zone), *_event(event, tr)] for event in events
    )
    title = str(tr("export.sheet_history"))
    _table(book, title, HISTORY_COLUMNS, column_names(tr), history)
    book.save(path)
    return count


def _table(
    book: object,
    title: str,
    columns: tuple[tuple[str, int], ...],
    named: Callable[[str], str],
    rows: Iterator[list[object]],
    filtered: int | None = None,
) -> int:
    """A sheet with a bold heading (each column `named`) that stays in view and filters
    the first `filtered` rows (all by default), columns as wide as their first rows need,
    and the rows; how many rows it has."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - with the workbook

    sheet: WriteOnlyWorksheet = book.create_sheet(title[:31])  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"
    heading = [named(key) for key, _ in columns]
    sample = list(islice(rows, SAMPLE_ROWS))
    # The stubs miss it, but a write-only sheet takes column widths before its first row.
    widths = sheet.column_dimensions  # type: ignore[attr-defined]
    for index, (_, widest) in enumerate(columns):
        longest = max([len(heading[index]), *(_shown_length(r[index]) for r in sample)])
        # A long heading wraps onto a second line, but never inside a word.
        word = max(len(part) for part in heading[index].split())
        widths[get_column_letter(index + 1)].width = max(min(longest, widest), word) + 2
    cells = _Cells(
        sheet, [key in WRAPPED for key, _ in columns], [FORMATS.get(k) for k, _ in columns]
    )
    sheet.append([cells.bold(text) for text in heading])
    count = 0
    for row in chain(sample, rows):
        sheet.append(cells.row(row))
        count += 1
    last = get_column_letter(len(columns))
    # The stubs miss it too; the filter is written at the end, so it may come last.
    sheet.auto_filter.ref = f"A1:{last}{(count if filtered is None else filtered) + 1}"  # type: ignore[attr-defined]
    return count


def _shown_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATE_FORMAT)
    return max((len(line) for line in str(value).split("\n")), default=0)


_Style = Literal["date", "number", "text", "wrapped"]


class _Cells:
    """Cells that need a style of their own: dates (shown dd.mm.yyyy hh:mm), wrapped texts,
    and values that a spreadsheet would take for a formula. Plain values stay plain.

    A styled cell is one object per column and style, its value set for each row: a
    write-only sheet writes a row's cells as it takes them, and building a cell and its
    style for every date would cost the export a good part of its time."""

    def __init__(
        self, sheet: WriteOnlyWorksheet, wrapped: list[bool], formats: list[str | None]
    ) -> None:
        from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - with the workbook

        self._sheet = sheet
        self._wrapped = wrapped
        self._formats = formats
        self._font = Font(bold=True)
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._kept: dict[tuple[int, _Style], Cell] = {}

    def bold(self, text: str) -> Cell:
        """A heading: bold, and wrapped when longer than its column."""
        cell = self._new(text)
        cell.font = self._font
        cell.alignment = self._wrap
        return cell

    def row(self, values: list[object]) -> list[object]:
        return [v if v is None else self._value(v, index) for index, v in enumerate(values)]

    def _value(self, value: object, index: int) -> object:
        if isinstance(value, datetime):
            return self._styled(index, "date", value)
        if isinstance(value, int | float) and self._formats[index] is not None:
            return self._styled(index, "number", value)
        if not isinstance(value, str):
            return value
        if is_formula_like(value) and not _OUR_PHONE.fullmatch(value):
            cell = self._styled(index, "text", value)
            cell.data_type = "s"  # text, whatever it starts with
            return cell
        if self._wrapped[index] and ("\n" in value or len(value) > 60):
            return self._styled(index, "wrapped", value)
        return value

    def _styled(self, index: int, kind: _Style, value: str | float | datetime) -> Cell:
        cell = self._kept.get((index, kind))
        if cell is None:
            cell = self._kept[index, kind] = self._new(value)
            match kind:
                case "date":
                    cell.number_format = DATE_FORMAT
                case "number":
                    cell.number_format = self._formats[index] or "General"
                case "text":
                    cell.quotePrefix = True  # still text when someone edits it
                case "wrapped":
                    cell.alignment = self._wrap
        cell.value = value
        return cell

    def _new(self, value: str | float | datetime) -> Cell:
        from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - with the workbook

        return WriteOnlyCell(self._sheet, value=value)


def _summary(book: object, figures: Figures, tr: Translator) -> None:
    """The figures /stats shows for the period: a row per manager side by side, the leads
    waiting, the total; then a sheet of the same by channel. The filter covers the rows
    above the total, so sorting them leaves the total at the bottom."""
    rows = [_count_row(member.full_name, count) for member, count in figures.members]
    if figures.waiting.received:
        rows.append(_count_row(str(tr("export_summary.waiting")), figures.waiting))
    filtered = len(rows)
    rows.append(_count_row(str(tr("export_summary.total")), figures.total))
    title = str(tr("export.sheet_summary"))
    named = _summary_names(tr, "export_summary.row")
    _table(book, title, SUMMARY_COLUMNS, named, iter(rows), filtered)
    rows = [
        _count_row(channel or str(tr("stats.no_channel")), count)
        for channel, count in figures.channels.items()
    ]
    filtered = len(rows)
    rows.append(_count_row(str(tr("export_summary.total")), figures.total))
    title = str(tr("export.sheet_channels"))
    named = _summary_names(tr, "export_summary.channel")
    _table(book, title, SUMMARY_COLUMNS, named, iter(rows), filtered)


def _summary_names(tr: Translator, first: str) -> Callable[[str], str]:
    """The summary's headings, the first column's (who or which channel) `first`."""
    return lambda key: str(tr(first) if key == "row" else tr("export_summary." + key))


def _count_row(name: str, count: Count) -> list[object]:
    median, contact = count.median_take, count.median_contact
    shares = [count.reached_within(band) for band in BANDS]
    return [
        name,
        count.received,
        count.taken,
        count.in_work,
        count.won,
        count.lost,
        count.not_taken,
        None if count.conversion is None else round(count.conversion, 4),
        None if median is None else round(median, 1),
        None if contact is None else round(contact, 1),
        *(None if share is None else round(share, 4) for share in shares),
        count.never_reached,
        count.amount if count.priced else None,
        None if count.average_deal is None else round(count.average_deal),
    ]


def _event(event: ExportEvent, tr: Translator) -> list[object]:
    label, what = event_words(event.kind, event.reason, event.details, tr)
    return [str(label), event.member, plain_text(what)]
