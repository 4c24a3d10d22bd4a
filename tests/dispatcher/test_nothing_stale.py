"""Nothing stale: once a lead has an outcome, moves to someone else or is reopened, no message
about it keeps buttons that no longer apply, and a tap that still comes on an old one says
what became of the lead."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import AnswerCallbackQuery

from storage import OutboxMethod, OutboxPurpose, OutboxRecord
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to, stamped
from tests.dispatcher.test_lead_life import round_robin_team, rows, tap
from tests.dispatcher.test_time import fire, first_come_team

THREE_DAYS = timedelta(days=3)


async def edits_of(world: World, row: OutboxRecord) -> list[OutboxRecord]:
    return [
        r
        for r in await LeadMessageRepo(world.db.conn).for_lead(row.lead_id or 0)
        if r.method is OutboxMethod.EDIT and r.target_id == row.id
    ]


async def reminded(world: World) -> tuple[int, OutboxRecord]:
    """Ivan accepted a lead three working days ago and was reminded of it."""
    await round_robin_team(world, IVAN, OLGA)
    await world.services.managers.set("digest", "off")
    lead_id = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"cnt:{lead_id}")
    assert await fire(world, THREE_DAYS) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.OUTCOME_REMINDER)
    return lead_id, reminder


async def test_an_outcome_takes_the_buttons_off_its_reminders_and_says_what_it_was(
    world: World,
) -> None:
    lead_id, reminder = await reminded(world)
    await tap(world, IVAN, f"out:won:{lead_id}")
    [edit] = await edits_of(world, reminder)
    assert edit.buttons == [] and edit.chat_id == IVAN.id
    assert edit.text.startswith(reminder.text) and edit.text.endswith("🏆 Итог: сделка.")
    # The owner's card keeps only its undo (its edit before, when 📞 was tapped, kept Won/Lost).
    contacted, card = [
        r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.id != edit.id
    ]
    assert contacted.buttons is not None and len(contacted.buttons) == 1
    assert card.target_id == contacted.target_id
    assert card.buttons is not None and [b.text for b in card.buttons[0]] == ["↩️ Отменить итог"]
    # A tap on the reminder's old Lost button, still shown by a slow client.
    answer = await tap(world, IVAN, f"out:lost:{lead_id}")
    assert answer.show_alert
    assert answer.text == f"Лид №{lead_id} уже закрыт: сделка, Ivan, сегодня в 12:00."


async def test_a_reassigned_lead_leaves_no_live_button_with_its_former_owner(
    world: World,
) -> None:
    lead_id, reminder = await reminded(world)
    await reply_to(world, HEAD, f"/assign {lead_id} @olga")
    [edit] = await edits_of(world, reminder)
    assert edit.buttons == []
    answer = await tap(world, IVAN, f"out:won:{lead_id}")
    assert answer.show_alert and answer.text is not None
    assert answer.text.startswith(f"Лид №{lead_id} уже в работе у: Olga")


async def test_a_reopened_lead_takes_the_undo_off_its_closed_card(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"out:won:{lead_id}")
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    undo_shown = (await edits_of(world, offer))[-1]
    assert undo_shown.buttons and undo_shown.buttons[0][0].text == "↩️ Отменить итог"
    world.clock.advance(600)  # past the undo window: a head reopens it
    await reply_to(world, HEAD, f"/reopen {lead_id}")
    retired = (await edits_of(world, offer))[-1]
    assert retired.buttons == [] and "🏆 Итог: сделка." in retired.text
    [fresh] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert fresh.buttons and [b.text for b in fresh.buttons[0]] == ["🏆 Сделка", "❌ Отказ"]


async def test_the_team_card_is_new_only_while_the_lead_waits(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    [card] = await rows(world, lead_id, OutboxPurpose.CARD)
    assert card.text.startswith(f"🔥 <b>Новый лид №{lead_id}</b>")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    [taken] = await rows(world, lead_id, OutboxPurpose.CARD_CLAIMED)
    assert taken.text.startswith(f"📋 <b>Лид №{lead_id}</b>")
    await reply_to(world, HEAD, f"/assign {lead_id} @olga")
    [moved] = await rows(world, lead_id, OutboxPurpose.CARD_ASSIGNED)
    assert moved.text.startswith(f"📋 <b>Лид №{lead_id}</b>") and "Новый лид" not in moved.text
    await tap(world, OLGA, f"out:won:{lead_id}")
    [closed] = await rows(world, lead_id, OutboxPurpose.CARD_CLOSED)
    assert closed.text.startswith(f"🏁 <b>Лид №{lead_id} закрыт</b>")
    assert closed.buttons == []
