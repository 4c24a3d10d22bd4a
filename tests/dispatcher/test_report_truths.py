"""What a head read wrong in the reports, each fixed and pinned: a lead a deputy handed back
counted once, the deputy's take under the deputy; time to take in working hours; an empty
period in words. On a fake clock that starts on Tuesday 1 December 2026 at 12:00 in Moscow
(09:00 to 18:00, Monday to Friday)."""

from __future__ import annotations

import io
from datetime import timedelta

from aiogram.methods import SendMessage, SendPhoto
from openpyxl import load_workbook

from bot.handlers.common import person_of
from bot.i18n import Translator
from tests.builders import HEAD, HEAD_PERSON, IVAN, OLGA, TEAM_CHAT, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, tap
from tests.dispatcher.test_rules import submit
from tests.dispatcher.test_vacations import team_with_rule

RU = Translator("ru")


def row_of(text: str, name: str) -> str:
    [line] = [line for line in text.split("\n") if line.startswith(f"<b>{name}</b>:")]
    return line


async def stats(world: World, period: str = "сегодня") -> str:
    world.session.expect_message()
    world.session.expect(SendPhoto)
    await world.feed(text_update(HEAD, private(HEAD), f"/stats {period}"))
    return str(world.session.of(SendMessage)[-1].text)


async def test_a_lead_the_deputy_handed_back_counts_once_and_the_take_is_the_deputys(
    world: World,
) -> None:
    await team_with_rule(world)  # industry=medical goes to Ivan
    await reply_to(world, HEAD, "/vacation @ivan today 2026-12-14 @olga")
    lead_id = await submit(world, ("industry", "medical"))
    world.clock.advance(7 * 60)
    await tap(world, OLGA, f"offer:accept:{lead_id}")
    ended = await reply_to(world, HEAD, "/vacation end @ivan")
    assert ended.endswith("Возвращено лидов: 1.")
    text = await stats(world)
    # With Ivan now, once: not counted for Olga too.
    assert row_of(text, "Ivan").startswith("<b>Ivan</b>: получено 1 · взято 1 (в работе 1,")
    assert row_of(text, "Ivan").endswith("до взятия —")
    assert row_of(text, "Olga").startswith("<b>Olga</b>: получено 0 · взято 0")
    assert row_of(text, "Olga").endswith("до взятия 7 мин")
    assert row_of(text, "Всего").startswith("<b>Всего</b>: получено 1 · взято 1")
    # The workbook says the same: the lead is Ivan's, the take is Olga's.
    exported = await world.services.exports.export(HEAD_PERSON, "сегодня", RU)
    book = load_workbook(io.BytesIO(exported.data))
    heading, row = [list(r) for r in book["Лиды"].iter_rows(values_only=True)]
    lead = dict(zip(heading, row, strict=True))
    assert (lead["Менеджер"], lead["Кем взят впервые"]) == ("Ivan", "Olga")
    assert lead["До взятия, мин (рабочее время)"] == 7.0
    summary = {r[0]: r[1:] for r in book["Итоги"].iter_rows(min_row=2, values_only=True)}
    # Nobody has called the client yet: Ivan's, as the lead is Ivan's now.
    not_reached, nothing = (None, 0, 0, 0, 1, None, None), (None, None, None, None, 0, None, None)
    assert summary["Ivan"] == (1, 1, 1, 0, 0, 0, 0, None, *not_reached)
    assert summary["Olga"] == (0, 0, 0, 0, 0, 0, None, 7.0, *nothing)
    assert summary["Petr"] == (0, 0, 0, 0, 0, 0, None, None, *nothing)
    assert summary["Всего"] == (1, 1, 1, 0, 0, 0, 0, 7.0, *not_reached)


async def test_time_to_take_counts_working_hours_only(world: World) -> None:
    """A lead that came at 23:00 and was taken at 09:05 the next morning took 5 minutes."""
    team = await make_team(world)
    await add_member(world, team, IVAN)
    world.clock.advance(11 * 3600)  # 23:00 in Moscow
    lead_id = await new_lead(world, "Ночной клиент")
    world.clock.advance(10 * 3600 + 5 * 60)  # 09:05
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    text = await stats(world, "неделя")
    assert row_of(text, "Ivan").endswith("до взятия 5 мин")
    assert "в рабочих часах отдела" in text  # and it says so
    exported = await world.services.exports.export(HEAD_PERSON, "неделя", RU)
    heading, row = [list(r) for r in load_workbook(io.BytesIO(exported.data))["Лиды"].values]
    assert dict(zip(heading, row, strict=True))["До взятия, мин (рабочее время)"] == 5.0
    # The head moves the hours later: the night's take keeps the hours it was taken under.
    world.clock.advance(3600)
    assert (await world.services.managers.set("work_hours", "10:00-19:00")).outcome.value == "done"
    assert row_of(await stats(world, "неделя"), "Ivan").endswith("до взятия 5 мин")


async def test_an_empty_period_is_said_in_words_without_a_picture(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await add_member(world, team, PETR)
    answer = await reply_to(world, HEAD, "/stats 01.01.2026 31.01.2026")
    assert answer == "📊 <b>Распределение с 01.01.2026 по 31.01.2026</b>\nЗа период лидов нет."
    assert world.session.of(SendPhoto) == []  # no chart whose axes run from −0.04 to 0.04
    await new_lead(world, "Клиент")
    week = timedelta(days=7)
    world.clock.advance(week.total_seconds())
    assert (await reply_to(world, HEAD, "/stats сегодня")).endswith("За период лидов нет.")
