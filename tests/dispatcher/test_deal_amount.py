"""Won asks what the deal was worth: the owner's next message says it ("150к", "1,5 млн"),
or "Без суммы" closes the question; /stats and the workbook sum the deals."""

from __future__ import annotations

import io

from aiogram.methods import SendMessage, SendPhoto
from openpyxl import load_workbook

from bot.i18n import Translator
from storage import LeadEventRepo, LeadRepo, OutboxMethod, OutboxPurpose
from tests.builders import HEAD, HEAD_PERSON, IVAN, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_lead_life import round_robin_team, rows, tap

NBSP = "\u00a0"


async def won(world: World) -> int:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "ООО Ромашка", channel="сайт")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"out:won:{lead_id}")
    return lead_id


async def amount_of(world: World, lead_id: int) -> int | None:
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    return lead.won_amount


async def test_won_asks_the_amount_and_the_next_message_answers_it(world: World) -> None:
    lead_id = await won(world)
    [ask] = [r for r in await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
             if r.text.startswith("💰")]  # fmt: skip
    assert ask.method is OutboxMethod.SEND and ask.chat_id == IVAN.id  # a new message: it rings
    assert ask.text.startswith(f"💰 Сумма сделки по лиду №{lead_id}?")
    assert ask.buttons is not None and [b.text for b in ask.buttons[0]] == ["Без суммы"]
    # Not an amount: said so, and the question stays for another try.
    bad = await reply_to(world, IVAN, "много")
    assert bad.startswith(f"Не получилось прочитать сумму по лиду №{lead_id}.")
    assert await amount_of(world, lead_id) is None
    good = await reply_to(world, IVAN, "1,5 млн")
    assert good == f"💰 Лид №{lead_id}: сумма сделки — 1{NBSP}500{NBSP}000."
    assert await amount_of(world, lead_id) == 1_500_000
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert [e.details for e in events if e.kind == "amount"] == [{"amount": 1_500_000}]
    # /stats: the deals block; the workbook: the sum beside each manager.
    stats = await stats_text(world)
    assert f"• Ivan: 1 · 1 · 1{NBSP}500{NBSP}000 · 1{NBSP}500{NBSP}000 · 100{NBSP}%" in stats
    summary = await summary_rows(world)
    assert summary["Ivan"][-2:] == (1_500_000, 1_500_000)


async def test_no_amount_closes_the_question(world: World) -> None:
    lead_id = await won(world)
    answer = await tap(world, IVAN, f"amt:{lead_id}", menu=True)
    assert answer.text == f"Лид №{lead_id}: без суммы."
    # The next message is no answer now: it is what it is (here, words the bot ignores).
    assert await world.services.reason_notes.asked(IVAN.id) is False
    assert await amount_of(world, lead_id) is None


async def test_undo_forgets_the_question_and_its_button(world: World) -> None:
    lead_id = await won(world)
    [ask] = [r for r in await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
             if r.text.startswith("💰")]  # fmt: skip
    await tap(world, IVAN, f"undo:{lead_id}")
    assert await world.services.reason_notes.asked(IVAN.id) is False
    edits = [r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.target_id == ask.id]
    assert [e.buttons for e in edits] == [[]]


async def stats_text(world: World) -> str:
    world.session.expect_message()
    world.session.expect(SendPhoto)
    await world.feed(text_update(HEAD, private(HEAD), "/stats"))
    return str(world.session.of(SendMessage)[-1].text)


async def summary_rows(world: World) -> dict[str, tuple[object, ...]]:
    exported = await world.services.exports.export(HEAD_PERSON, "", Translator("ru"))
    sheet = load_workbook(io.BytesIO(exported.data))["Итоги"]
    return {str(r[0]): r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
