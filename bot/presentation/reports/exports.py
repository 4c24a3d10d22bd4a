"""/export's rows: a lead's columns as a head reads them, and the leads as CSV the way
Russian Excel opens it (UTF-8 with a BOM, `;` between columns, a decimal comma, dates as
`dd.mm.yyyy HH:MM` in the team's zone). The workbook is `bot/presentation/reports/workbook.py`.

Written a row at a time from iterators: an export of 100,000 leads never holds them in
memory. A value a form sent is never a formula: one that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return starts with `'` in the CSV (and is a text cell in the workbook).
Slow for big teams: call in a thread.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from bot.i18n import Translator
from bot.leads.aliases import BRAND_KEYS, FEDERAL_KEYS, REGISTERED_REGION_KEYS
from bot.leads.fields import is_hidden, is_technical, normalise_key
from bot.presentation.card_fields import extra_label
from bot.reports.figures import Calendars
from storage.reading.export import ExportLead

# The leads: a catalog key for each column's heading, and the widest it may get.
LEAD_COLUMNS = (
    ("number", 8), ("received", 17), ("channel", 24), ("source", 16), ("utm_source", 16),
    ("utm_medium", 14), ("utm_campaign", 20), ("utm_content", 16), ("utm_term", 16),
    ("company", 30), ("brand", 20), ("federal", 12), ("region", 20),
    ("registered_region", 20), ("industry", 20), ("product", 20), ("name", 26),
    ("phone", 18), ("email", 28), ("tax_id", 14), ("request", 60), ("answers", 60),
    ("state", 22), ("owner", 24), ("cover_for", 24), ("taker", 24), ("taken", 17),
    ("minutes", 12), ("contacted", 17), ("contact_minutes", 12), ("closed", 17),
    ("outcome", 10), ("amount", 14), ("reason", 30),
)  # fmt: skip
# What a spreadsheet takes for the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DATE = "%d.%m.%Y %H:%M"
_UTM = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
# Extras that have columns of their own, by the column; the rest of a form's answers share
# one column.
_BRAND, _FEDERAL, _REGISTERED = "brand", "federal", "registered_region"
_COLUMN_OF = {
    **{key: key for key in _UTM},
    **dict.fromkeys(BRAND_KEYS, _BRAND),
    **dict.fromkeys(FEDERAL_KEYS, _FEDERAL),
    **dict.fromkeys(REGISTERED_REGION_KEYS, _REGISTERED),
}

Channel = Callable[[str | None], str | None]  # a raw channel as the heads name it


@dataclass(frozen=True)
class Sheet:
    """What every row of the leads needs besides the lead: how to name its channel, the
    team's zone, the working time to take is counted in, and the reader's language."""

    channel: Channel
    zone: tzinfo
    calendars: Calendars
    tr: Translator


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def lead_values(lead: ExportLead, sheet: Sheet) -> list[object]:
    """A lead's columns, dates as the team's local time without a zone (Excel has none)."""
    tr = sheet.tr
    own, answers = _extras(lead.extra, tr)
    outcome = {"won": "outcome_won", "lost": "outcome_lost"}.get(lead.status)
    calendar = sheet.calendars(lead.created_at)

    def working_minutes(until: datetime | None) -> float | None:
        if until is None:
            return None
        return round(calendar.between(lead.created_at, until).total_seconds() / 60, 1)

    return [
        lead.id,
        local_time(lead.created_at, sheet.zone),
        sheet.channel(lead.channel),
        lead.source,
        *(own.get(key) for key in _UTM),
        lead.company,
        own.get(_BRAND),
        own.get(_FEDERAL),
        lead.region,
        own.get(_REGISTERED),
        lead.industry,
        lead.product,
        lead.name,
        phone_text(lead.phone),
        lead.email,
        lead.tax_id,
        lead.message,
        answers,
        str(tr("state." + lead.status)),
        lead.owner,
        lead.cover_for,
        lead.taker,
        None if lead.taken_at is None else local_time(lead.taken_at, sheet.zone),
        working_minutes(lead.taken_at),
        None if lead.contacted_at is None else local_time(lead.contacted_at, sheet.zone),
        working_minutes(lead.contacted_at),
        None if lead.closed_at is None else local_time(lead.closed_at, sheet.zone),
        None if outcome is None else str(tr("export." + outcome)),
        lead.won_amount,
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


def write_csv(path: Path, leads: Iterable[ExportLead], sheet: Sheet) -> int:
    """The leads as CSV at `path`; returns how many."""
    tr = sheet.tr
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([column_names(tr)(key) for key, _ in LEAD_COLUMNS])
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


def column_names(tr: Translator) -> Callable[[str], str]:
    return lambda key: str(tr("export_col." + key))


def _extras(extra: Mapping[str, str], tr: Translator) -> tuple[dict[str, str], str | None]:
    """A form's other fields in one pass: the first non-empty value of each column of its
    own (a UTM tag, the brand, federal, the registered region), and the rest, the answers
    (a quiz's, VK's), a line each; what is hidden or technical is in neither."""
    if not extra:
        return {}, None
    own: dict[str, str] = {}
    lines = []
    for key, value in extra.items():
        name, text = str(key), str(value)
        column = _COLUMN_OF.get(normalise_key(name))
        if column is not None:
            if text.strip():
                own.setdefault(column, text)
        elif not is_hidden(name) and not is_technical(name):
            lines.append(f"{extra_label(name, tr)}: {text}")
    return own, "\n".join(lines) or None


def local_time(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _lost_reason(lead: ExportLead, tr: Translator) -> str | None:
    """ "Другое: нашли дешевле" when the owner said it in words."""
    if lead.lost_reason is None:
        return None
    named = str(tr("lost_why." + lead.lost_reason))
    return named if lead.lost_note is None else f"{named}: {lead.lost_note}"
