"""/export's files: an .xlsx workbook (the leads, a summary, the history) or the leads as CSV
the way Russian Excel opens it (UTF-8 with a BOM, `;` between columns, a decimal comma,
dates as `dd.mm.yyyy HH:MM` in the team's zone).

Written a row at a time from iterators (openpyxl's write-only mode, the csv module): an
export of 100,000 leads never holds them in memory. A value a form sent is never a formula:
one that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a text cell in the
workbook and starts with `'` in the CSV. Slow for big teams: call in a thread.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from bot.i18n import Translator, plain_text
from bot.leads.aliases import BRAND_KEYS, FEDERAL_KEYS, REGISTERED_REGION_KEYS
from bot.leads.fields import is_hidden, is_technical, normalise_key
from bot.presentation.cards import extra_label
from bot.presentation.reasons import event_words
from bot.presentation.stats import Figures
from bot.reports.figures import Count
from bot.routing.hours import Calendar
from storage.export import ExportEvent, ExportLead

if TYPE_CHECKING:
    # openpyxl is imported by the first workbook, not at start: the bot starts faster.
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# The leads: a catalog key for each column's heading, and the widest it may get.
LEAD_COLUMNS = (
    ("number", 8), ("received", 17), ("channel", 24), ("source", 16), ("utm_source", 16),
    ("utm_medium", 14), ("utm_campaign", 20), ("utm_content", 16), ("utm_term", 16),
    ("company", 30), ("brand", 20), ("federal", 12), ("region", 20),
    ("registered_region", 20), ("industry", 20), ("product", 20), ("name", 26),
    ("phone", 18), ("email", 28), ("tax_id", 14), ("request", 60), ("answers", 60),
    ("state", 22), ("owner", 24), ("cover_for", 24), ("taker", 24), ("taken", 17),
    ("minutes", 12), ("closed", 17), ("outcome", 10), ("reason", 30),
)  # fmt: skip
HISTORY_COLUMNS = (("number", 8), ("when", 17), ("event", 24), ("manager", 24), ("why", 70))
SUMMARY_COLUMNS = (
    ("row", 30), ("received", 11), ("taken", 10), ("in_work", 10), ("won", 10), ("lost", 10),
    ("not_taken", 10), ("conversion", 12), ("median", 16),
)  # fmt: skip
WRAPPED = frozenset({"request", "answers", "why", "reason"})
# Number formats of columns whose values are numbers a reader wants shown so.
FORMATS = {"minutes": "0.0", "median": "0.0", "conversion": "0%"}
DATE_FORMAT = "dd.mm.yyyy hh:mm"
CSV_DATE = "%d.%m.%Y %H:%M"
# Rows read before the columns' widths are set: they fit what these hold.
SAMPLE_ROWS = 500
# What a spreadsheet takes for the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UTM = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
# Extras that have columns of their own; the rest of a form's answers share one column.
_OWN_COLUMNS = frozenset({*_UTM, *BRAND_KEYS, *FEDERAL_KEYS, *REGISTERED_REGION_KEYS})

Channel = Callable[[str | None], str | None]  # a raw channel as the heads name it


@dataclass(frozen=True)
class Sheet:
    """What every row of the leads needs besides the lead: how to name its channel, the
    team's zone, the calendar time to take is counted in, and the reader's language."""

    channel: Channel
    zone: tzinfo
    calendar: Calendar
    tr: Translator


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def lead_values(lead: ExportLead, sheet: Sheet) -> list[object]:
    """A lead's columns, dates as the team's local time without a zone (Excel has none)."""
    tr, extra = sheet.tr, lead.extra
    outcome = {"won": "outcome_won", "lost": "outcome_lost"}.get(lead.status)
    minutes = None
    if lead.taken_at is not None:
        working = sheet.calendar.between(lead.created_at, lead.taken_at)
        minutes = round(working.total_seconds() / 60, 1)
    return [
        lead.id,
        _local(lead.created_at, sheet.zone),
        sheet.channel(lead.channel),
        lead.source,
        *(_extra(extra, frozenset({key})) for key in _UTM),
        lead.company,
        _extra(extra, BRAND_KEYS),
        _extra(extra, FEDERAL_KEYS),
        lead.region,
        _extra(extra, REGISTERED_REGION_KEYS),
        lead.industry,
        lead.product,
        lead.name,
        phone_text(lead.phone),
        lead.email,
        lead.tax_id,
        lead.message,
        _answers(extra, tr),
        str(tr("state." + lead.status)),
        lead.owner,
        lead.cover_for,
        lead.taker,
        None if lead.taken_at is None else _local(lead.taken_at, sheet.zone),
        minutes,
        None if lead.closed_at is None else _local(lead.closed_at, sheet.zone),
        None if outcome is None else str(tr("export." + outcome)),
        _lost_reason(lead, tr),
    ]


def phone_text(phone: str | None) -> str | None:
    """A phone in one form a head reads and dials: "+7 912 345-67-89" for a Russian number,
    the international digits for another, as typed when it is no number at all."""
    if phone is None:
        return None
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 11 and digits[0] in "78":
        d = digits[1:]
        return f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
    if len(digits) == 10 and digits[0] == "9":
        return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    return f"+{digits}" if phone.lstrip().startswith("+") and digits else phone


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
    count = _table(book, str(tr("export.sheet_leads")), LEAD_COLUMNS, _column_names(tr), rows)
    _summary(book, figures, tr)
    history = (
        [event.lead_id, _local(event.at, sheet.zone), *_event(event, tr)] for event in events
    )
    title = str(tr("export.sheet_history"))
    _table(book, title, HISTORY_COLUMNS, _column_names(tr), history)
    book.save(path)
    return count


def write_csv(path: Path, leads: Iterable[ExportLead], sheet: Sheet) -> int:
    """The leads as CSV at `path`; returns how many."""
    tr = sheet.tr
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([_column_names(tr)(key) for key, _ in LEAD_COLUMNS])
        for lead in leads:
            writer.writerow([_csv(value, tr) for value in lead_values(lead, sheet)])
            count += 1
    return count


def _csv(value: object, tr: Translator) -> object:
    if isinstance(value, datetime):
        return value.strftime(CSV_DATE)
    if isinstance(value, float):
        return tr.number(value)  # "5,5": Russian Excel reads "5.5" as a date
    if is_formula_like(value):
        return f"'{value}"
    return value


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


def _column_names(tr: Translator) -> Callable[[str], str]:
    return lambda key: str(tr("export_col." + key))


def _shown_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATE_FORMAT)
    return max((len(line) for line in str(value).split("\n")), default=0)


class _Cells:
    """Cells that need a style of their own: dates (shown dd.mm.yyyy hh:mm), wrapped texts,
    and values that a spreadsheet would take for a formula. Plain values stay plain: a cell
    object per value would cost the export a good part of its time."""

    def __init__(
        self, sheet: WriteOnlyWorksheet, wrapped: list[bool], formats: list[str | None]
    ) -> None:
        from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - with the workbook

        self._sheet = sheet
        self._wrapped = wrapped
        self._formats = formats
        self._font = Font(bold=True)
        self._wrap = Alignment(wrap_text=True, vertical="top")

    def bold(self, text: str) -> Cell:
        """A heading: bold, and wrapped when longer than its column."""
        cell = self._cell(text)
        cell.font = self._font
        cell.alignment = self._wrap
        return cell

    def row(self, values: list[object]) -> list[object]:
        return [self._value(value, index) for index, value in enumerate(values)]

    def _value(self, value: object, index: int) -> object:
        if isinstance(value, datetime):
            cell = self._cell(value)
            cell.number_format = DATE_FORMAT
            return cell
        shown = self._formats[index]
        if isinstance(value, int | float) and shown is not None:
            cell = self._cell(value)
            cell.number_format = shown
            return cell
        if not isinstance(value, str):
            return value
        if is_formula_like(value):
            cell = self._cell(value)
            cell.data_type = "s"  # text, whatever it starts with
            cell.quotePrefix = True  # and still text when someone edits it
            return cell
        if self._wrapped[index] and ("\n" in value or len(value) > 60):
            cell = self._cell(value)
            cell.alignment = self._wrap
            return cell
        return value

    def _cell(self, value: str | float | datetime) -> Cell:
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
    median = count.median_take
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
    ]


def _event(event: ExportEvent, tr: Translator) -> list[object]:
    label, what = event_words(event.kind, event.reason, event.details, tr)
    return [str(label), event.member, plain_text(what)]


def _extra(extra: object, keys: frozenset[str]) -> str | None:
    assert isinstance(extra, dict)
    return next(
        (str(v) for k, v in extra.items() if normalise_key(str(k)) in keys and str(v).strip()),
        None,
    )


def _answers(extra: object, tr: Translator) -> str | None:
    """The form's answers that have no column of their own (a quiz's, VK's), a line each."""
    assert isinstance(extra, dict)
    lines = [
        f"{extra_label(str(key), tr)}: {value}"
        for key, value in extra.items()
        if normalise_key(str(key)) not in _OWN_COLUMNS
        and not is_hidden(str(key))
        and not is_technical(str(key))
    ]
    return "\n".join(lines) or None


def _local(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _lost_reason(lead: ExportLead, tr: Translator) -> str | None:
    """ "Другое: нашли дешевле" when the owner said it in words."""
    if lead.lost_reason is None:
        return None
    named = str(tr("lost_why." + lead.lost_reason))
    return named if lead.lost_note is None else f"{named}: {lead.lost_note}"
