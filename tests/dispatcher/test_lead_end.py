"""A lead's end, done right: its owner may undo Won or Lost for five minutes (then a head
reopens it), and a lead lost for "another reason" asks for the reason in words, which goes
into the lead's history and the export."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage

from bot.lifecycle.states import UNDO_WINDOW
from storage import LeadEventRepo, LeadStatus, OutboxPurpose
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to, stamped
from tests.dispatcher.test_lead_life import round_robin_team, rows, status, tap
from tests.dispatcher.test_time import first_come_team


async def taken(world: World) -> int:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    return lead_id


async def test_the_owner_undoes_a_mistaken_outcome_within_five_minutes(world: World) -> None:
    lead_id = await taken(world)
    await tap(world, IVAN, f"out:won:{lead_id}")
    world.clock.advance(UNDO_WINDOW.total_seconds())
    assert (await tap(world, OLGA, f"undo:{lead_id}")).show_alert  # not hers to undo
    answer = await tap(world, IVAN, f"undo:{lead_id}")
    assert answer.text == f"Итог отменён: лид №{lead_id} снова в работе."
    assert await status(world, lead_id) == (LeadStatus.TAKEN, 1)
    # The card says so (the question of the deal's amount, after it, loses its button).
    *_, card, question = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert question.text.startswith("💰") and question.buttons == []
    assert card.text.endswith("↩️ Итог отменён: лид снова в работе.")
    assert card.buttons is not None
    assert [b.text for row in card.buttons for b in row] == ["🏆 Сделка", "❌ Отказ"]
    again = await tap(world, IVAN, f"undo:{lead_id}")
    assert again.show_alert and again.text == f"Лид №{lead_id} уже ваш: взят сегодня в 12:00."
    events = [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)]
    assert events[-2:] == ["won", "undone"]
    # Closed again, it waits for its outcome reminder like any taken lead did.
    assert (
        await tap(world, IVAN, f"out:won:{lead_id}")
    ).text == f"Лид №{lead_id}: сделка. Поздравляю!"


async def test_after_five_minutes_the_button_goes_and_a_head_reopens(world: World) -> None:
    lead_id = await taken(world)
    await tap(world, IVAN, f"out:won:{lead_id}")
    world.clock.advance(UNDO_WINDOW.total_seconds() + 1)
    world.session.expect(EditMessageReplyMarkup)
    late = await tap(world, IVAN, f"undo:{lead_id}")
    assert late.show_alert and late.text == (
        "Отменить итог можно только в первые 5 минут. Вернуть лид в работу может "
        f"руководитель: /reopen {lead_id}."
    )
    [removed] = world.session.of(EditMessageReplyMarkup)
    assert removed.reply_markup is None
    assert await status(world, lead_id) == (LeadStatus.WON, 1)


async def test_another_reason_is_asked_for_and_kept_in_the_history(world: World) -> None:
    lead_id = await taken(world)
    await tap(world, IVAN, f"lost:{lead_id}:other")
    assert await status(world, lead_id) == (LeadStatus.LOST, 1)
    [question] = [
        r
        for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
        if r.purpose is OutboxPurpose.MEMBER_NOTICE
    ]
    assert question.chat_id == IVAN.id
    assert question.text.startswith(f"✍️ Лид №{lead_id}: отказ по другой причине. По какой?")
    # A command is a command, not an answer; the next words are.
    assert "руководител" in await reply_to(world, IVAN, "/replay по очереди")
    saved = await reply_to(world, IVAN, "Нашли <дешевле> у соседей")
    assert saved == f"Записано в историю лида №{lead_id}: «Нашли &lt;дешевле&gt; у соседей»."
    [note] = [
        e for e in await LeadEventRepo(world.db.conn).for_lead(lead_id) if e.kind == "lost_note"
    ]
    assert note.details == {"text": "Нашли <дешевле> у соседей"} and note.reason == "other"
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, private(HEAD), f"/lead {lead_id}"))
    history = world.session.of(SendMessage)[-1].text
    assert "причина отказа · Ivan · «Нашли &lt;дешевле&gt; у соседей»" in history
    # Asked once: the next message is not taken for an answer.
    assert "Записано" not in await reply_to(world, IVAN, "спасибо")


async def test_undoing_a_lost_lead_withdraws_the_question(world: World) -> None:
    lead_id = await taken(world)
    await tap(world, IVAN, f"lost:{lead_id}:other")
    await tap(world, IVAN, f"undo:{lead_id}")
    assert "Записано" not in await reply_to(world, IVAN, "передумали, работаем")
    events = [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)]
    assert "lost_note" not in events


async def test_the_team_card_says_whose_lead_was_lost_and_why_in_their_words(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    world.session.expect(EditMessageReplyMarkup)
    await tap(world, IVAN, f"out:lost:{lead_id}")
    await tap(world, IVAN, f"lost:{lead_id}:other")
    cards = await rows(world, lead_id, OutboxPurpose.CARD_CLOSED)
    assert cards[-1].text.endswith("❌ Отказ — другое. Менеджер: <b>Ivan</b>.")
    await reply_to(world, IVAN, "Нашли дешевле у соседей")
    cards = await rows(world, lead_id, OutboxPurpose.CARD_CLOSED)
    assert cards[-1].text.endswith("❌ Отказ — «Нашли дешевле у соседей». Менеджер: <b>Ivan</b>.")
    assert "В работе" not in cards[-1].text


async def test_a_return_for_another_reason_asks_which_and_the_next_manager_reads_it(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")  # offered to Ivan
    await tap(world, IVAN, f"offer:return:{lead_id}", menu=True)
    await tap(world, IVAN, f"ret:{lead_id}:other")
    [question] = [
        r
        for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
        if r.purpose is OutboxPurpose.MEMBER_NOTICE and r.chat_id == IVAN.id
    ]
    assert question.text.startswith(f"✍️ Лид №{lead_id} возвращён по другой причине. По какой?")
    saved = await reply_to(world, IVAN, "Клиент из Владивостока, мы туда не возим")
    assert saved.startswith(f"Записано в историю лида №{lead_id}")
    told = [
        r
        for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
        if r.purpose is OutboxPurpose.MEMBER_NOTICE and r.chat_id == OLGA.id
    ]
    assert [r.text for r in told] == [
        f"ℹ️ Lead #{lead_id}: why it was given back (Ivan) — "
        "“Клиент из Владивостока, мы туда не возим”."
    ]
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, private(HEAD), f"/lead {lead_id}"))
    history = world.session.of(SendMessage)[-1].text
    assert "причина возврата · Ivan · «Клиент из Владивостока, мы туда не возим»" in history
