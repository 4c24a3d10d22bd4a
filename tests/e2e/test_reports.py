"""A head's reports end to end: the real application uploads the /stats chart and the
/export workbook to the fake Bot API as multipart files, and they open."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from matplotlib.image import imread
from openpyxl import load_workbook

from storage import Database
from storage.clock_format import to_db
from tests.e2e.conftest import HEAD, AppFactory, command, intake_for, set_up_team
from tests.fakes.telegram import FakeTelegram


async def test_a_head_gets_the_chart_and_the_export_as_files(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        for n in range(3):
            await intake.post(name=f"Клиент {n}", phone=f"+7 912 000-00-0{n}", channel="сайт")
        await command(tg, "/stats", "Распределение за 7 дней")
        await tg.wait_for(lambda: len(tg.files) == 1)
        await tg.say(HEAD, HEAD.id, "/export")
        await tg.wait_for(lambda: len(tg.files) == 2)
        await tg.say(HEAD, HEAD.id, "/export csv")
        await tg.wait_for(lambda: len(tg.files) == 3)
    chart, workbook, table = tg.files
    assert (chart.kind, chart.chat_id) == ("photo", HEAD.id)
    assert imread(io.BytesIO(chart.data)).shape[1] >= 800
    assert workbook.kind == "document" and workbook.filename.startswith("лиды_")
    assert workbook.filename.endswith(".xlsx")
    leads = load_workbook(io.BytesIO(workbook.data))["Лиды"]
    heading, *rows = [list(row) for row in leads.iter_rows(values_only=True)]
    named = [dict(zip(heading, row, strict=True)) for row in rows]
    assert [row["Имя"] for row in named] == ["Клиент 0", "Клиент 1", "Клиент 2"]
    assert {row["Канал"] for row in named} == {"сайт"}
    assert named[0]["Телефон"] == "+7 912 000-00-00"
    assert table.filename.startswith("лиды_") and table.filename.endswith(".csv")
    titles, *lines = csv.reader(io.StringIO(table.data.decode("utf-8-sig")), delimiter=";")
    # A value that starts with "+" is text for Excel: it opens the CSV with the quote.
    assert len(lines) == 3
    assert dict(zip(titles, lines[0], strict=True))["Телефон"] == "'+7 912 000-00-00"


async def test_the_monday_report_missed_while_stopped_arrives_with_its_chart_at_start(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        for n in range(2):
            await intake.post(name=f"Клиент {n}", channel="сайт")
        db_path = app.settings.database
    # A week passes while the bot is down: the leads came last week, the report is overdue.
    db = await Database.open(db_path)
    try:
        week_ago = to_db(datetime.now(UTC) - timedelta(days=7))
        await db.conn.execute("UPDATE leads SET created_at = ?", (week_ago,))
        past = to_db(datetime.now(UTC) - timedelta(minutes=5))
        await db.conn.execute("UPDATE timers SET due_at = ? WHERE kind = 'weekly_report'", (past,))
    finally:
        await db.close()
    async with app_factory():
        report = await tg.wait_message(HEAD.id, "Итоги недели")
        await tg.wait_for(lambda: len(tg.files) == 1)
    assert "Всего: получено 2 · взято 0" in report.text
    assert "• сайт: 2 · 0 · 0 · 0 · —" in report.text
    [chart] = tg.files
    assert (chart.kind, chart.chat_id) == ("photo", HEAD.id)
    assert imread(io.BytesIO(chart.data)).shape[1] >= 800
