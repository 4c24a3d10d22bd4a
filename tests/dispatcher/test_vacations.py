"""Vacations, /hours, /duty and the /settings buttons through the real dispatcher, on a
fake clock that starts on Tuesday 1 December 2026 at 12:00 in Moscow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from storage import LeadRepo, LeadStatus, OutboxPurpose, TeamSettingRepo
from storage.team.vacations import VacationRepo, VacationStatus
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap
from tests.dispatcher.test_rules import submit
from tests.dispatcher.test_time import fire


async def team_with_rule(world: World) -> list[int]:
    ids = await round_robin_team(world, IVAN, OLGA, PETR)
    await reply_to(world, HEAD, "/rule add industry=medical -> @ivan")
    return ids


async def vacations(world: World) -> list[tuple[int, VacationStatus]]:
    ids = [row[0] for row in await world.db.conn.fetch_all("SELECT id FROM vacations ORDER BY id")]
    repo = VacationRepo(world.db.conn)
    found = [await repo.get(i) for i in ids]
    return [(v.member_id, v.status) for v in found if v is not None]


def team_notices(world: World) -> list[str]:
    return [str(m.text) for m in world.session.of(SendMessage) if m.chat_id == TEAM_CHAT.id]


async def test_a_vacation_from_today_sends_the_rules_leads_to_the_deputy_and_back(
    world: World,
) -> None:
    ids = await team_with_rule(world)
    answer = await reply_to(world, HEAD, "/vacation @ivan today 2026-12-14 @olga")
    assert answer == "🌴 Отпуск начался: Ivan, по 14.12.2026 включительно, замещает: Olga."
    assert await vacations(world) == [(ids[0], VacationStatus.ACTIVE)]
    lead_id = await submit(world, ("industry", "medical"))
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[1])
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert "you stand in for: Ivan" in offer.text
    await tap(world, OLGA, f"offer:accept:{lead_id}")
    # Round robin skips Ivan while away.
    other = await submit(world, ("industry", "retail"))
    assert (await status(world, other))[1] != ids[0]
    ended = await reply_to(world, HEAD, "/vacation end @ivan")
    assert ended == "✅ Отпуск закончен: Ivan снова получает лиды. Возвращено лидов: 1."
    assert await status(world, lead_id) == (LeadStatus.TAKEN, ids[0])
    owner_cards = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert owner_cards[-1].chat_id == IVAN.id
    assert "вы снова в работе; лид был у заместителя: Olga" in owner_cards[-1].text
    [told] = [r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.chat_id == OLGA.id]
    assert "Cover over: the lead went to the manager you stood in for: Ivan." in told.text
    [[started], [notice]] = await world.db.conn.fetch_all(
        "SELECT text FROM outbox WHERE purpose = 'member_notice' AND chat_id = ?", (OLGA.id,)
    )
    # Olga speaks English: the deputy hears whom they cover, until when, and which rules.
    assert started.startswith("🌴 From today you cover for Ivan, until 14.12.2026 inclusive.")
    assert "Rules that now send leads to you: 1. industry = medical." in started
    assert notice == (
        "↩️ Cover over, back at work: Ivan. The leads you worked while standing in went to "
        f"that manager: #{lead_id}."
    )
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.cover_for is None


async def test_a_vacation_starts_and_ends_at_the_teams_midnight(world: World) -> None:
    ids = await team_with_rule(world)
    await world.services.managers.set("digest", "off")  # Monday's report: not counted here
    await reply_to(world, HEAD, "/set timezone Asia/Vladivostok")
    answer = await reply_to(world, IVAN, "/vacation 2026-12-31 2027-01-01")
    assert "с 31.12.2026 по 01.01.2027" in answer and "без заместителя" in answer
    away = (TimerKind.VACATION_START, TimerKind.VACATION_END)
    start, end = [t.due_at for t in await TimerRepo(world.db.conn).pending(1, away)]
    assert start == datetime(2026, 12, 30, 14, 0, tzinfo=UTC)  # midnight in Vladivostok
    assert end == datetime(2027, 1, 1, 14, 0, tzinfo=UTC)
    world.clock.current = start - timedelta(seconds=1)
    assert await fire(world, timedelta(0)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1
    assert await vacations(world) == [(ids[0], VacationStatus.ACTIVE)]
    lead_id = await submit(world, ("industry", "medical"))
    assert (await status(world, lead_id))[1] != ids[0]  # no deputy: the rule falls through
    world.clock.current = end
    assert await fire(world, timedelta(0)) >= 1
    assert await vacations(world) == [(ids[0], VacationStatus.ENDED)]


async def test_moving_the_time_zone_moves_a_planned_vacation(world: World) -> None:
    await team_with_rule(world)
    await reply_to(world, IVAN, "/vacation 2026-12-10 2026-12-11")
    await reply_to(world, HEAD, "/set timezone America/New_York")
    kinds = {t.kind: t.due_at for t in await TimerRepo(world.db.conn).pending(1)}
    assert kinds[TimerKind.VACATION_START] == datetime(2026, 12, 10, 5, 0, tzinfo=UTC)
    assert kinds[TimerKind.VACATION_END] == datetime(2026, 12, 12, 5, 0, tzinfo=UTC)


async def test_vacations_are_listed_and_a_coming_one_can_be_cancelled(world: World) -> None:
    ids = await team_with_rule(world)
    await reply_to(world, IVAN, "/vacation 2026-12-10 2026-12-20 @olga")
    await reply_to(world, HEAD, "/vacation @petr today today")
    listed = await reply_to(world, IVAN, "/vacations")
    assert "• сейчас в отпуске — Petr: по 01.12.2026, без заместителя" in listed
    assert "• Ivan: 10.12.2026 — 20.12.2026, замещает: Olga" in listed
    cancelled = await reply_to(world, IVAN, "/vacation cancel")
    assert cancelled == "Отпуск отменён: Ivan, 10.12.2026 — 20.12.2026."
    assert (ids[0], VacationStatus.CANCELLED) in await vacations(world)
    assert TimerKind.VACATION_START not in {
        t.kind for t in await TimerRepo(world.db.conn).pending(1) if t.vacation_id == 1
    }


async def test_every_bad_vacation_gets_a_clear_answer_and_changes_nothing(world: World) -> None:
    await team_with_rule(world)
    await reply_to(world, IVAN, "/vacation 2026-12-10 2026-12-20")
    for user, command, expected in (
        (IVAN, "/vacation", "Отпуск: /vacation 2026-12-01 2026-12-14"),
        (IVAN, "/vacation 2026-12-01", "Отпуск: /vacation 2026-12-01 2026-12-14"),
        (IVAN, "/vacation 2026-13-01 2026-12-14", "Дата — 2026-12-01"),
        (HEAD, "/vacation @ivan 30.12.9999 31.12.9999", "Дата — 2026-12-01"),
        (HEAD, "/vacation @ivan 9999-12-31 9999-12-31", "Дата — 2026-12-01"),
        (IVAN, "/vacation 2026-11-01 2026-12-14", "не может начаться в прошлом"),
        (IVAN, "/vacation 2026-12-14 2026-12-01", "Последний день отпуска раньше первого"),
        (IVAN, "/vacation 2026-12-22 2028-01-01", "не дольше 366 дней"),
        (IVAN, "/vacation 2026-12-15 2026-12-25", "Отпуск в эти дни уже есть: Ivan"),
        (IVAN, "/vacation today today @ivan", "Заместитель — другой человек"),
        (IVAN, "/vacation today today @nobody", "Заместителя @nobody нет в команде"),
        (PETR, "/vacation 2026-12-12 2026-12-13 @ivan", "Заместитель в эти дни тоже в отпуске"),
        (PETR, "/vacation @ivan today today", "ставит руководитель"),
        (HEAD, "/vacation @nobody today today", "В команде нет @nobody"),
        (HEAD, "/vacation today today", "Вы не в команде отдела"),
        (IVAN, "/vacation end", "Сейчас не в отпуске: Ivan"),
        (PETR, "/vacation cancel", "Будущего отпуска нет: Petr"),
    ):
        before = await vacations(world)
        answer = await reply_to(world, user, command)
        assert expected in answer, (command, answer)
        assert await vacations(world) == before, command


async def test_hours_and_duty_are_shown_to_all_and_changed_by_a_head(world: World) -> None:
    ids = await round_robin_team(world, IVAN, OLGA)
    shown = await reply_to(world, IVAN, "/hours")
    assert (
        "Отдел работает: пн–пт, 09:00–18:00 (Europe/Moscow). "
        "В нерабочее время лиды ждут начала рабочего дня." in shown
    )
    assert (
        await reply_to(world, HEAD, "/hours @ivan 10:00-19:00")
        == "🕘 Часы работы — Ivan: 10:00-19:00."
    )
    assert "• own hours — Ivan: 10:00-19:00" in await reply_to(world, OLGA, "/hours")
    assert "Часы: 10:00-19:00" in await reply_to(world, HEAD, "/hours @ivan 19:00-10:00")
    assert "руководител" in await reply_to(world, IVAN, "/hours @ivan 08:00-17:00")
    assert (
        await reply_to(world, HEAD, "/hours @ivan team") == "🕘 Часы работы — Ivan: как у отдела."
    )
    assert await reply_to(world, HEAD, "/duty @olga on") == "🌙 Дежурство: Olga."
    duty = await reply_to(world, IVAN, "/duty")
    assert "🌙 Дежурные: Olga." in duty and "/set off_hours дежурные" in duty
    assert "Дежурство: /duty @ivan да" in await reply_to(world, HEAD, "/duty @olga maybe")
    assert ids


async def test_settings_show_every_time_setting_and_change_by_button(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), "/settings"))
    sent = world.session.of(SendMessage)[-1]
    for name in (
        "claim_remind",
        "claim_escalate",
        "accept_timeout",
        "max_passes",
        "outcome_remind",
        "handback",
        "timezone",
        "work_days",
        "work_hours",
        "off_hours",
    ):
        assert f"/set {name}" in str(sent.text)
    assert "время, чтобы принять лид: <b>10 мин</b>" in str(sent.text)
    markup = sent.reply_markup
    assert markup is not None
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert "● ждать 10 мин" in labels and "ждать 30 мин" in labels
    world.session.expect(EditMessageText)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(HEAD, private(HEAD), "set:accept_timeout:30m"))
    assert "<b>30 мин</b>" in str(world.session.of(EditMessageText)[-1].text)
    assert (await TeamSettingRepo(world.db.conn).values(1))["accept_timeout"] == "30m"
    # The current choice again: nothing to edit, and Telegram would refuse the edit.
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(HEAD, private(HEAD), "set:accept_timeout:30m"))
    assert not world.session.of(AnswerCallbackQuery)[-1].show_alert
    # A manager's tap and a forged value change nothing.
    for user, data in ((IVAN, "set:accept_timeout:5m"), (HEAD, "set:accept_timeout:forever")):
        world.session.expect(AnswerCallbackQuery)
        await world.feed(button_update(user, private(user), data))
        assert world.session.of(AnswerCallbackQuery)[-1].show_alert
    assert (await TeamSettingRepo(world.db.conn).values(1))["accept_timeout"] == "30m"


async def test_durations_and_hours_are_set_with_clear_answers(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    for command, expected in (
        ("/set claim_remind 30s", "Сохранено: напоминание в чате о невзятом лиде — 30 с."),
        ("/set accept_timeout 1h30m", "время, чтобы принять лид — 1 ч 30 мин."),
        ("/set outcome_remind нет", "Сохранено: как часто напоминать о лиде без итога — нет."),
        ("/set claim_remind soon", "Длительность — число и единица"),
        ("/set max_passes 0", "Число от 1 до 20"),
        ("/set timezone Mars/Olympus", "Часовой пояс — как в базе tz"),
        ("/set timezone europe/samara", "часовой пояс — Europe/Samara."),
        ("/set work_days weekends", "Дни: пн-пт"),
        ("/set work_hours 18:00-09:00", "Часы: 09:00-18:00"),
        ("/set off_hours sleep", "Значение: «ждать»"),
        ("/set off_hours дежурные", "лиды в нерабочее время — лиды получают дежурные."),
    ):
        assert expected in await reply_to(world, HEAD, command), command


async def test_an_offer_waiting_for_a_manager_moves_on_when_the_vacation_begins(
    world: World,
) -> None:
    ids = await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[0])
    await reply_to(world, IVAN, "/vacation today 2026-12-03")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[1])
    [closed] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert closed.chat_id == IVAN.id and "🌴 Вы в отпуске: лид передан дальше." in closed.text
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert "offered before you to: Ivan, whose vacation began" in offers[-1].text


async def test_an_offer_the_deputy_has_not_accepted_goes_back_as_an_offer(world: World) -> None:
    ids = await team_with_rule(world)
    await reply_to(world, HEAD, "/vacation @ivan today 2026-12-14 @olga")
    lead_id = await submit(world, ("industry", "medical"), ("phone", "+79001234567"))
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[1])
    await reply_to(world, HEAD, "/vacation end @ivan")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[0])
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert [o.chat_id for o in offers] == [OLGA.id, IVAN.id]
    assert "вы снова в работе; лид был у заместителя: Olga" in offers[-1].text
    assert "900" not in offers[-1].text  # still an offer: no contacts before Accept
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert await status(world, lead_id) == (LeadStatus.TAKEN, ids[0])
    [accepted] = await rows(world, lead_id, OutboxPurpose.OFFER_ACCEPTED)
    assert "+79001234567" in accepted.text
    assert "вы снова в работе; лид был у заместителя: Olga" in accepted.text
