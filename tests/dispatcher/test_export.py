"""/export: the period's leads, a summary of the managers side by side, the channels and the
history, as a head opens them in Russian Excel; the same leads as CSV for Russian Excel.
The files are opened as Excel would (openpyxl, the csv module with `;` and the BOM) and
every column is checked against the database."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.actions.intake import NewLead
from bot.handlers.common import person_of
from storage import LeadEventRepo, LeadFields, LeadRepo, LeadSource
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped

HEADER = [
    "№", "Поступил", "Канал", "Ссылка формы", "UTM: источник", "UTM: тип трафика",
    "UTM: кампания", "UTM: объявление", "UTM: ключевая фраза", "Компания", "Бренд / юрлицо",
    "Федеральный", "Регион (где работает)", "Регион регистрации", "Отрасль", "Продукт", "Имя",
    "Телефон", "E-mail", "ИНН", "Запрос", "Ответы формы", "Состояние", "Менеджер", "Замещает",
    "Кем взят впервые", "Взят", "До взятия, мин (рабочее время)", "Связались с клиентом",
    "До контакта, мин (рабочее время)", "Закрыт", "Итог", "Сумма сделки", "Причина отказа",
]  # fmt: skip
SUMMARY = [
    "Менеджер", "Получено", "Взято", "В работе", "Сделок", "Отказов", "Не взято", "Конверсия",
    "До взятия, мин (медиана, рабочее время)", "До контакта, мин (медиана, рабочее время)",
    "Связались за 5 мин", "За 1 ч", "За 24 ч", "Без контакта", "Сумма сделок", "Средний чек",
]  # fmt: skip
DATE_SHOWN = "dd.mm.yyyy hh:mm"
MOSCOW = timedelta(hours=3)  # the team's time: Excel dates have no zone
RICH = LeadFields(
    name="ООО Ромашка",
    phone="8 (912) 345-67-89",
    email="buy@romashka.ru",
    company="Ромашка",
    tax_id="7701234567",
    message="Нужна CRM на 20 мест",
    channel="yandex",
    industry="Ритейл",
    region="Казань",
    product="CRM",
    extra={
        "utm_source": "yandex",
        "utm_medium": "cpc",
        "utm_campaign": "zima-2026",
        "brand": "Ромашка Франчайзи",
        "federal": "да",
        "registered_region": "Москва",
        "Сколько менеджеров в отделе?": "20",
        "Когда нужен запуск?": "В январе",
    },
)


async def a_month_of_work(world: World) -> tuple[int, int]:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await reply_to(world, HEAD, '/alias channel yandex "Яндекс Директ"')
    won = (await world.services.intake.submit(NewLead(RICH, LeadSource.HTTP))).lead_id
    world.clock.advance(60)
    waiting = await new_lead(world, "ООО Лютик", channel="сайт")
    world.clock.advance(90)
    await world.services.claim(won, TEAM_CHAT.id, person_of(IVAN))
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, private(IVAN), await stamped(world, f"out:won:{won}")))
    return won, waiting


async def export(world: World, args: str) -> tuple[SendDocument, BufferedInputFile]:
    world.session.expect(SendDocument)
    await world.feed(text_update(HEAD, private(HEAD), f"/export {args}".strip()))
    sent = world.session.of(SendDocument)[-1]
    assert isinstance(sent, SendDocument) and isinstance(sent.document, BufferedInputFile)
    return sent, sent.document


def table(sheet: Worksheet) -> list[dict[str, object]]:
    heading, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [dict(zip(map(str, heading), row, strict=True)) for row in rows]


def read_csv(document: BufferedInputFile) -> list[dict[str, str]]:
    assert document.data.startswith("\ufeff".encode())  # the BOM: Excel reads UTF-8
    heading, *rows = csv.reader(io.StringIO(document.data.decode("utf-8-sig")), delimiter=";")
    assert heading == HEADER
    return [dict(zip(heading, row, strict=True)) for row in rows]


def assert_a_heading_that_filters_and_stays(sheet: Worksheet, heading: list[str]) -> None:
    first = next(iter(sheet.iter_rows(max_row=1)))
    assert [cell.value for cell in first] == heading
    assert all(cell.font.b and cell.alignment.wrap_text for cell in first)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    for index, cell in enumerate(first, start=1):  # as wide as a heading's longest word
        width = sheet.column_dimensions[get_column_letter(index)].width
        assert width >= max(len(word) for word in str(cell.value).split()), cell.value


async def test_the_workbook_opens_right_in_russian_excel(world: World) -> None:
    won, waiting = await a_month_of_work(world)
    sent, document = await export(world, "")
    assert sent.caption == (
        "📎 Лидов в выгрузке: 2. Листы: «Лиды», «Итоги» (менеджеры рядом), «Каналы», «История»."
    )
    assert document.filename == "лиды_2026-11-01_2026-12-01.xlsx"
    book = load_workbook(io.BytesIO(document.data))
    assert book.sheetnames == ["Лиды", "Итоги", "Каналы", "История"]
    leads = book["Лиды"]
    assert_a_heading_that_filters_and_stays(leads, HEADER)
    assert leads.auto_filter.ref == "A1:AH3"
    first, second = table(leads)
    lead = await LeadRepo(world.db.conn).get(won)
    assert lead is not None and lead.taken_at is not None
    assert first["№"] == won
    assert first["Поступил"] == (lead.created_at + MOSCOW).replace(tzinfo=None)
    assert first["Взят"] == (lead.taken_at + MOSCOW).replace(tzinfo=None)
    assert isinstance(first["Закрыт"], datetime)
    for column in ("B", "AA", "AC", "AE"):  # received, taken, reached, closed: Excel dates
        assert leads[f"{column}2"].is_date and leads[f"{column}2"].number_format == DATE_SHOWN
    assert first["Канал"] == "Яндекс Директ"  # folded by the head's alias
    assert (first["UTM: источник"], first["UTM: тип трафика"]) == ("yandex", "cpc")
    assert (first["UTM: кампания"], first["UTM: объявление"]) == ("zima-2026", None)
    assert (first["Компания"], first["Бренд / юрлицо"], first["Федеральный"]) == (
        "Ромашка", "Ромашка Франчайзи", "да",
    )  # fmt: skip
    assert (first["Регион (где работает)"], first["Регион регистрации"]) == ("Казань", "Москва")
    assert (first["Отрасль"], first["Продукт"], first["ИНН"]) == ("Ритейл", "CRM", "7701234567")
    # One form for every phone, and text: Excel keeps the "+" and the leading digits.
    assert first["Телефон"] == "+7 912 345-67-89" and leads["R2"].data_type == "s"
    assert first["Ответы формы"] == (
        "Сколько менеджеров в отделе?: 20\nКогда нужен запуск?: В январе"
    )
    assert (first["Состояние"], first["Менеджер"], first["Итог"]) == ("сделка", "Ivan", "сделка")
    assert (first["Кем взят впервые"], first["Замещает"]) == ("Ivan", None)
    assert first["До взятия, мин (рабочее время)"] == 2.5
    assert first["До контакта, мин (рабочее время)"] == 2.5  # the deal: a contact then
    assert second["Связались с клиентом"] is None
    assert (second["№"], second["Канал"], second["Менеджер"]) == (waiting, "сайт", None)
    assert second["Взят"] is None and second["Итог"] is None
    other = await LeadRepo(world.db.conn).get(waiting)
    assert other is not None  # each row its own date, though a sheet styles one cell a column
    assert second["Поступил"] == (other.created_at + MOSCOW).replace(tzinfo=None)
    assert leads["B3"].number_format == DATE_SHOWN

    summary = book["Итоги"]
    assert_a_heading_that_filters_and_stays(summary, SUMMARY)
    ivan, olga, nobody, total = table(summary)
    # The deal counts as the contact with the client, made as it was closed.
    # No amount was told for the deal yet: its sums are empty, not zero.
    reached = [2.5, 1, 1, 1, 0, None, None]
    nothing = [None, None, None, None, 0, None, None]
    assert list(ivan.values()) == ["Ivan", 1, 1, 0, 1, 0, 0, 1, 2.5, *reached]
    assert list(olga.values()) == ["Olga", 0, 0, 0, 0, 0, 0, None, None, *nothing]
    assert list(nobody.values()) == [
        "Ждут распределения", 1, 0, 0, 0, 0, 1, None, None, *nothing,
    ]  # fmt: skip
    assert list(total.values()) == ["Всего", 2, 1, 0, 1, 0, 1, 1, 2.5, *reached]
    assert summary["H2"].number_format == "0%" and summary["I2"].number_format == "0.0"
    assert summary["J2"].number_format == "0.0" and summary["K2"].number_format == "0%"
    # Sorting the managers leaves the total where it is: the filter stops above it.
    assert summary.auto_filter.ref == "A1:P4"
    channels = table(book["Каналы"])
    assert [(c["Канал"], c["Получено"], c["Сделок"]) for c in channels] == [
        ("Яндекс Директ", 1, 1), ("сайт", 1, 0), ("Всего", 2, 1),
    ]  # fmt: skip

    history = book["История"]
    assert_a_heading_that_filters_and_stays(
        history, ["№", "Когда", "Событие", "Менеджер", "Почему"]
    )
    rows = table(history)
    events = LeadEventRepo(world.db.conn)
    stored = [*await events.for_lead(won), *await events.for_lead(waiting)]
    assert len(rows) == len(stored)
    assert ("взят из чата", "Ivan") in {(row["Событие"], row["Менеджер"]) for row in rows}
    assert all("<" not in str(row["Почему"]) for row in rows)  # no HTML in a cell
    assert history["B2"].is_date and history["B2"].number_format == DATE_SHOWN


async def test_the_workbook_of_a_calendar_month_is_named_by_the_month(world: World) -> None:
    await a_month_of_work(world)
    _, document = await export(world, "01.12.2026 31.12.2026")
    assert document.filename == "лиды_2026-12.xlsx"
    _, document = await export(world, "csv 01.12.2026 31.12.2026")
    assert document.filename == "лиды_2026-12.csv"


async def test_csv_opens_in_russian_excel(world: World) -> None:
    won, waiting = await a_month_of_work(world)
    sent, document = await export(world, "csv неделя")
    assert sent.caption == (
        "📎 Лидов в выгрузке: 2. Файл CSV для Excel: разделитель «;», кодировка UTF-8."
    )
    first, second = read_csv(document)
    lead = await LeadRepo(world.db.conn).get(won)
    assert lead is not None and lead.taken_at is not None
    assert (first["№"], second["№"]) == (str(won), str(waiting))
    # Dates as a Russian reader writes them, in the team's time; a decimal comma.
    assert first["Поступил"] == (lead.created_at + MOSCOW).strftime("%d.%m.%Y %H:%M")
    assert first["Взят"] == (lead.taken_at + MOSCOW).strftime("%d.%m.%Y %H:%M")
    assert first["До взятия, мин (рабочее время)"] == "2,5"
    assert first["Канал"] == "Яндекс Директ" and first["UTM: кампания"] == "zima-2026"
    # A value starting with "+" would be a formula: the quote keeps it text.
    assert first["Телефон"] == "'+7 912 345-67-89"
    assert first["Ответы формы"] == (
        "Сколько менеджеров в отделе?: 20\nКогда нужен запуск?: В январе"
    )
    assert (second["Взят"], second["До взятия, мин (рабочее время)"]) == ("", "")


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
    await world.services.claim(waiting, TEAM_CHAT.id, person_of(OLGA))
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(OLGA, private(OLGA), await stamped(world, f"lost:{waiting}:other"))
    )
    await reply_to(world, OLGA, "Нашли дешевле")
    _, document = await export(world, "csv")
    lost = read_csv(document)[1]
    assert (lost["Итог"], lost["Причина отказа"]) == ("отказ", "Другое: Нашли дешевле")
