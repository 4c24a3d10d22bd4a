"""The export writers on their own: one form for phones, a value a spreadsheet would take
for a formula kept as text (a tab or a carriage return in front too, which the intake never
lets through), numbers and dates as Russian Excel reads them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from bot.i18n import Translator
from bot.periods import parse_period
from bot.presentation.reports.exports import Sheet, is_formula_like, phone_text, write_csv
from bot.presentation.reports.stats import ChannelNames, Figures
from bot.presentation.reports.workbook import write_xlsx
from bot.reports.figures import Count
from bot.routing.hours import Calendar, Span
from storage.reading.export import ExportEvent, ExportLead

MOSCOW = ZoneInfo("Europe/Moscow")
OFFICE = Calendar(MOSCOW, frozenset(range(5)), Span(9 * 60, 18 * 60))
RU = Translator("ru")
AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # 12:00 in Moscow
TAKEN = datetime(2026, 12, 1, 9, 5, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("+79123456789", "+7 912 345-67-89"),
        ("8 (912) 345-67-89", "+7 912 345-67-89"),
        ("7-912-345-67-89", "+7 912 345-67-89"),
        ("9123456789", "+7 912 345-67-89"),
        ("+44 20 7946 0958", "+442079460958"),
        ("доб. 123", "доб. 123"),
        (None, None),
    ],
)
def test_a_phone_has_one_form(typed: str | None, shown: str | None) -> None:
    assert phone_text(typed) == shown


@pytest.mark.parametrize(
    ("value", "formula"),
    [("=1+1", True), ("+cmd", True), ("-2", True), ("@SUM(1)", True), ("\t=1", True),
     ("\r=1", True), ("Иван", False), ("1+1", False), (5, False), (None, False)],
)  # fmt: skip
def test_what_a_spreadsheet_takes_for_a_formula(value: object, formula: bool) -> None:
    assert is_formula_like(value) is formula


def sample(**changes: object) -> ExportLead:
    values: dict[str, object] = {
        "id": 7, "created_at": AT, "channel": "сайт", "source": None, "region": None,
        "industry": None, "product": None, "company": "\tООО", "name": "\r=1+1",
        "phone": "+79123456789", "email": None, "tax_id": None, "status": "taken",
        "owner": "Ivan", "cover_for": None, "taker": "Ivan", "taken_at": TAKEN,
        "closed_at": None, "lost_reason": None, "message": "Нужна CRM",
    }  # fmt: skip
    values.update(changes)
    return ExportLead(**values)  # type: ignore[arg-type]


def sheet() -> Sheet:
    return Sheet(ChannelNames([]), MOSCOW, lambda _at: OFFICE, RU)


def figures() -> Figures:
    period = parse_period("неделя", AT, MOSCOW)
    assert period is not None
    total = Count(received=1, taken=1, in_work=1, takes=[5.5])
    return Figures(
        period, (), Count(), {"сайт": total}, total, 1, MOSCOW, ChannelNames([]), lambda _at: OFFICE
    )


def test_the_csv_keeps_a_tab_or_return_in_front_as_text_and_writes_russian_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "leads.csv"
    assert write_csv(path, iter([sample()]), sheet()) == 1
    text = path.read_bytes().decode("utf-8-sig")  # as written: a "\r" stays one
    heading, row = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    lead = dict(zip(heading, row, strict=True))
    assert (lead["Компания"], lead["Имя"]) == ("'\tООО", "'\r=1+1")
    assert lead["Поступил"] == "01.12.2026 12:00" and lead["Взят"] == "01.12.2026 12:05"
    assert lead["До взятия, мин (рабочее время)"] == "5,5"  # "5.5" would be a date


def test_the_workbook_keeps_them_as_text_cells(tmp_path: Path) -> None:
    path = tmp_path / "leads.xlsx"
    history = [ExportEvent(7, AT, "lost_note", "=evil", None, {"text": "=2+2"})]
    assert write_xlsx(path, iter([sample()]), iter(history), figures(), sheet()) == 1
    book = load_workbook(path)
    leads = book["Лиды"]
    heading = [cell.value for cell in leads[1]]
    company, name = (leads.cell(2, heading.index(h) + 1) for h in ("Компания", "Имя"))
    assert (company.value, name.value) == ("\tООО", "\r=1+1")
    assert company.data_type == name.data_type == "s" and company.quotePrefix
    minutes = leads.cell(2, heading.index("До взятия, мин (рабочее время)") + 1)
    # A number, as Excel shows one: "5,5" to a Russian reader.
    assert (minutes.value, minutes.number_format) == (5.5, "General")
    for row in book["История"].iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)
