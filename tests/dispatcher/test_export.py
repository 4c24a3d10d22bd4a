"""/export: the period's leads, a sheet per manager and the history, as a head opens them
in Excel; the same leads as CSV for Russian Excel. Every column is checked against the
database."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from openpyxl import load_workbook

from bot.handlers.common import person_of
from storage import LeadEventRepo, LeadRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped

HEADER = [
    "№", "Поступил", "Канал", "Ссылка формы", "Регион", "Отрасль", "Компания", "Имя", "Телефон",
    "E-mail", "Состояние", "Менеджер", "Взят", "Минут до взятия", "Итог", "Причина отказа",
    "Запрос",
]  # fmt: skip


async def a_month_of_work(world: World) -> tuple[int, int]:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await reply_to(world, HEAD, '/alias channel yandex "Яндекс Директ"')
    won = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89", channel="yandex")
    waiting = await new_lead(world, "ООО Лютик", channel="сайт")
    world.clock.advance(90)
    await world.services.claims.claim(won, TEAM_CHAT.id, person_of(IVAN))
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, private(IVAN), await stamped(world, f"out:won:{won}")))
    return won, waiting


async def export(world: World, args: str) -> tuple[SendDocument, BufferedInputFile]:
    world.session.expect(SendDocument)
    await world.feed(text_update(HEAD, private(HEAD), f"/export {args}".strip()))
    [sent] = world.session.of(SendDocument)
    assert isinstance(sent, SendDocument) and isinstance(sent.document, BufferedInputFile)
    return sent, sent.document


async def test_the_workbook_lists_the_leads_each_manager_and_the_history(world: World) -> None:
    won, waiting = await a_month_of_work(world)
    sent, document = await export(world, "")
    assert sent.caption == "📎 Лидов в выгрузке: 2. Листы: лиды, по менеджеру, история."
    book = load_workbook(io.BytesIO(document.data))
    assert book.sheetnames == ["Лиды", "Ivan (1)", "Olga (2)", "История"]
    leads = book["Лиды"]
    assert leads.freeze_panes == "A2"
    assert leads.column_dimensions["Q"].width == 60  # the request is wide enough to read
    rows = list(leads.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    first = dict(zip(HEADER, rows[1], strict=True))
    lead = await LeadRepo(world.db.conn).get(won)
    assert lead is not None and lead.taken_at is not None
    moscow = timedelta(hours=3)  # the team's time, as Excel dates without a zone
    assert first["№"] == won
    assert first["Поступил"] == (lead.created_at + moscow).replace(tzinfo=None)
    assert isinstance(first["Поступил"], datetime)
    assert leads["B2"].is_date  # an Excel date, with a date format
    assert first["Канал"] == "Яндекс Директ"  # folded by the head's alias
    assert (first["Имя"], first["Телефон"]) == ("ООО Ромашка", "+7 912 345-67-89")
    assert (first["Состояние"], first["Менеджер"], first["Итог"]) == ("сделка", "Ivan", "сделка")
    assert first["Взят"] == (lead.taken_at + moscow).replace(tzinfo=None)
    assert first["Минут до взятия"] == 1.5
    second = dict(zip(HEADER, rows[2], strict=True))
    assert (second["№"], second["Канал"], second["Менеджер"]) == (waiting, "сайт", None)
    ivan = {row[0]: row[1] for row in book["Ivan (1)"].iter_rows(min_row=2, values_only=True)}
    assert (ivan["Лидов получено"], ivan["Сделок"], ivan["Медиана до взятия, мин"]) == (1, 1, 1.5)
    history = list(book["История"].iter_rows(min_row=2, values_only=True))
    events = LeadEventRepo(world.db.conn)
    stored = [*await events.for_lead(won), *await events.for_lead(waiting)]
    assert len(history) == len(stored)
    assert ("взят из чата", "Ivan") in {(row[2], row[3]) for row in history}
    assert all("<" not in str(row[4]) for row in history)  # no HTML in a cell


async def test_csv_opens_in_russian_excel(world: World) -> None:
    won, waiting = await a_month_of_work(world)
    _, document = await export(world, "csv неделя")
    data = document.data
    assert data.startswith("\ufeff".encode()) and str(document.filename).endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADER
    assert [row[0] for row in rows[1:]] == [str(won), str(waiting)]
    assert rows[1][2] == "Яндекс Директ" and rows[1][8] == "+7 912 345-67-89"


async def test_every_wrong_export_gets_a_clear_answer(world: World) -> None:
    await a_month_of_work(world)
    assert (await reply_to(world, HEAD, "/export вчера")).startswith("Выгрузка: /export месяц")
    assert await reply_to(world, HEAD, "/export 01.01.2026 02.01.2026") == (
        "За этот период лидов нет: выгружать нечего."
    )
    assert await reply_to(world, IVAN, "/export") == "Это может только руководитель отдела."
    world.session.expect_message()
    await world.feed(text_update(HEAD, TEAM_CHAT, "/export"))
    assert "в личный чат" in world.session.of(SendMessage)[-1].text


async def test_a_reason_given_in_words_is_in_the_reason_column(world: World) -> None:
    _won, waiting = await a_month_of_work(world)
    await world.services.claims.claim(waiting, TEAM_CHAT.id, person_of(OLGA))
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(OLGA, private(OLGA), await stamped(world, f"lost:{waiting}:other"))
    )
    await reply_to(world, OLGA, "Нашли дешевле")
    _, document = await export(world, "csv")
    rows = list(csv.reader(io.StringIO(document.data.decode("utf-8-sig")), delimiter=";"))
    lost = dict(zip(HEADER, rows[2], strict=True))
    assert (lost["Итог"], lost["Причина отказа"]) == ("отказ", "Другое: Нашли дешевле")
