"""The Monday report: last week's /stats, text and picture, to each head through the outbox,
on Monday at 09:00 in the team's zone; `digest` turns it off and on. Fake clock throughout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.methods import AnswerCallbackQuery, SendMessage, SendPhoto

from bot.i18n import Translator
from bot.periods import last_week
from bot.presentation.reports.stats import stats_chart, stats_text
from storage import OutboxMethod, OutboxPurpose, OutboxRecord, OutboxRepo, TeamRepo
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped

# The fake clock starts on Tuesday 1 December 2026 at 12:00 in Moscow (09:00 UTC).
MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY_9_MSK = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
NEXT_MONDAY_9_MSK = datetime(2026, 12, 14, 6, 0, tzinfo=UTC)


async def planned(world: World) -> list[datetime]:
    return [t.due_at for t in await TimerRepo(world.db.conn).pending(1, (TimerKind.WEEKLY_REPORT,))]


async def reports(world: World) -> list[OutboxRecord]:
    ids = [
        row[0]
        for row in await world.db.conn.fetch_all(
            "SELECT id FROM outbox WHERE purpose = ? ORDER BY id", (OutboxPurpose.WEEKLY_REPORT,)
        )
    ]
    repo = OutboxRepo(world.db.conn)
    found = [await repo.get(i) for i in ids]
    return [r for r in found if r is not None]


async def at(world: World, when: datetime) -> int:
    world.clock.current = when
    return await world.services.timers.fire_due(when)


async def deliver_all(world: World) -> None:
    while await world.worker.deliver_due():
        pass


async def claim(world: World, user: object, lead_id: int) -> None:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))  # type: ignore[arg-type]


async def test_on_monday_morning_each_head_gets_last_weeks_figures_and_chart(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    assert await planned(world) == [MONDAY_9_MSK]  # planned when the team was set up
    first = await new_lead(world, "ООО Ромашка", channel="yandex")
    second = await new_lead(world, "ООО Лютик")
    await claim(world, IVAN, first)
    await claim(world, OLGA, second)
    await at(world, MONDAY_9_MSK - timedelta(seconds=1))  # Friday's outcome reminders
    assert await reports(world) == []
    assert await at(world, MONDAY_9_MSK) == 1
    text, photo = await reports(world)
    assert (text.chat_id, text.method) == (HEAD.id, OutboxMethod.SEND)
    assert text.text.startswith("📊 <b>Итоги недели</b> (30.11.2026 — 06.12.2026)\n")
    row = (
        "получено 1 · взято 1 (в работе 1, сделок 0, отказов 0) · не взято 0 · "
        "конверсия 0\u00a0% · до взятия меньше секунды"
    )
    assert f"<b>Ivan</b>: {row}" in text.text and f"<b>Olga</b>: {row}" in text.text
    assert "<b>Всего</b>: получено 2 · взято 2 (в работе 2, сделок 0, отказов 0)" in text.text
    assert text.text.endswith("Не присылать итоги по понедельникам: <code>/set digest нет</code>")
    assert (photo.chat_id, photo.method) == (HEAD.id, OutboxMethod.SEND_PHOTO)
    assert photo.text == "📊 Итоги недели в цифрах: 30.11 — 06.12.2026"
    # The picture plots the text's own figures.
    stored = await TeamRepo(world.db.conn).by_id(team.id)
    assert stored is not None
    period = last_week(MONDAY_9_MSK, MOSCOW)
    async with world.db.reading() as u:
        settings = await world.services.reports.settings(u, stored)
        figures = await world.services.reports.figures(u, stored, settings, period)
    tr = Translator("ru")
    assert text.text.startswith(stats_text(figures, tr))
    chart = stats_chart(figures, tr)
    assert chart.in_work == (1, 1) and len(chart.managers) == 2
    assert await planned(world) == [NEXT_MONDAY_9_MSK]
    # Through the outbox like any message: the text, then the picture, once. (The week's
    # cards and reminders are not this test's business: marked as sent.)
    await world.db.conn.execute("UPDATE outbox SET status = 'sent' WHERE purpose <> ?",
                                (OutboxPurpose.WEEKLY_REPORT,))  # fmt: skip
    world.session.expect_message()
    world.session.expect_message(SendPhoto)
    await deliver_all(world)
    [sent_photo] = world.session.of(SendPhoto)
    assert sent_photo.chat_id == HEAD.id and sent_photo.caption == photo.text
    assert "Итоги недели" in world.session.of(SendMessage)[-1].text
    assert tuple(await world.db.conn.fetch_one("SELECT COUNT(*) FROM outbox_files") or ()) == (
        0,
    )  # the picture is not kept once sent


async def test_a_week_without_leads_is_reported_as_text_without_a_picture(world: World) -> None:
    await make_team(world)
    assert await at(world, MONDAY_9_MSK) == 1
    [text] = await reports(world)
    assert "За период лидов нет." in text.text


async def test_digest_off_cancels_the_report_and_on_plans_it_again(world: World) -> None:
    await make_team(world)
    answer = await reply_to(world, HEAD, "/set digest нет")
    assert answer == "Сохранено: итоги недели руководителям — нет."
    assert await planned(world) == []
    assert await at(world, MONDAY_9_MSK) == 0
    assert await reports(world) == []
    world.clock.current = MONDAY_9_MSK + timedelta(hours=1)
    answer = await reply_to(world, HEAD, "/set digest еженедельно")
    assert answer == "Сохранено: итоги недели руководителям — по понедельникам в 09:00."
    assert await planned(world) == [NEXT_MONDAY_9_MSK]
    assert "Значение: «еженедельно» или «нет»." in await reply_to(world, HEAD, "/set digest иногда")
    assert await planned(world) == [NEXT_MONDAY_9_MSK]


async def test_the_report_goes_at_nine_in_the_teams_own_zone(world: World) -> None:
    await make_team(world)
    await reply_to(world, HEAD, "/set timezone Asia/Vladivostok")
    # Monday 09:00 in Vladivostok is Sunday 23:00 UTC.
    assert await planned(world) == [datetime(2026, 12, 6, 23, 0, tzinfo=UTC)]
    assert await at(world, datetime(2026, 12, 6, 23, 0, tzinfo=UTC)) == 1
    [text] = await reports(world)
    assert "(30.11.2026 — 06.12.2026)" in text.text


async def test_a_report_missed_while_the_bot_was_stopped_goes_out_at_start(world: World) -> None:
    await make_team(world)
    wednesday = MONDAY_9_MSK + timedelta(days=2)
    world.clock.current = wednesday
    # What the scheduler does at start: an overdue report is kept, not moved on.
    await world.services.timers.plan_reports(wednesday)
    assert await planned(world) == [MONDAY_9_MSK]
    assert await world.services.timers.fire_due(wednesday) == 1
    [text] = await reports(world)
    assert "(30.11.2026 — 06.12.2026)" in text.text  # last week still, not this one
    assert await planned(world) == [NEXT_MONDAY_9_MSK]
    await world.services.timers.plan_reports(wednesday)
    assert await planned(world) == [NEXT_MONDAY_9_MSK]  # one pending, never two
