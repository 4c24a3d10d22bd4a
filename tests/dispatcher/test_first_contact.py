"""The first contact with the client: 📞 on the owner's card, its reminder (a new message
that rings), the timeout that hands the lead on, working hours, and the outcomes that imply
a contact. Real updates through the dispatcher, on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup
from aiogram.types import User

from storage import LeadEventRepo, LeadRepo, LeadStatus, OutboxMethod, OutboxPurpose, Pool
from storage.work.lead_records import LeadRecord
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, stamped
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap
from tests.dispatcher.test_time import MINUTE, fire, first_come_team, put

CONTACTED = "📞 Есть контакт"


async def lead_of(world: World, lead_id: int) -> LeadRecord:
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    return lead


async def claim(world: World, user: User, lead_id: int) -> None:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))


def labels(buttons: object) -> list[list[str]]:
    assert isinstance(buttons, list)
    return [[b.text for b in row] for row in buttons]


async def test_contact_is_recorded_once_and_every_card_says_so(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    await claim(world, IVAN, lead_id)
    [card] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert labels(card.buttons) == [[CONTACTED], ["🏆 Сделка", "❌ Отказ"]]
    world.clock.current += 4 * MINUTE
    answer = await tap(world, IVAN, f"cnt:{lead_id}")
    assert answer.text == f"Лид №{lead_id}: контакт с клиентом отмечен." and not answer.show_alert
    lead = await lead_of(world, lead_id)
    assert lead.contacted_at == world.clock.now() and lead.contacted_by == lead.owner_id
    # The owner's card: the contact shown, Won and Lost kept, 📞 gone.
    [edited] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert edited.target_id == card.id and edited.method is OutboxMethod.EDIT
    assert "📞 С клиентом связались через 4 мин после заявки" in edited.text
    assert "+79123456789" in edited.text
    assert labels(edited.buttons) == [["🏆 Сделка", "❌ Отказ"]]
    # The team chat's card: who took it, and that the client was reached; no contacts.
    team_card = (await rows(world, lead_id, OutboxPurpose.CARD_CLAIMED))[-1]
    assert team_card.chat_id == TEAM_CHAT.id
    assert "📞 С клиентом связались через 4 мин после заявки" in team_card.text
    assert "912" not in team_card.text
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert [e.kind for e in events].count("contacted") == 1
    # A second tap (an old card) changes nothing and says so.
    again = await tap(world, IVAN, f"cnt:{lead_id}")
    assert again.show_alert
    assert (await lead_of(world, lead_id)).contacted_at == lead.contacted_at
    assert [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)] == [
        e.kind for e in events
    ]


async def test_only_the_owner_marks_a_contact(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "A")
    offered = await tap(world, IVAN, f"cnt:{lead_id}")  # not accepted yet
    assert offered.show_alert
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    answer = await tap(world, OLGA, f"cnt:{lead_id}")
    assert answer.show_alert
    assert answer.text == f"Lead #{lead_id} is already being worked by Ivan, taken today at 12:00."
    assert (await lead_of(world, lead_id)).contacted_at is None


async def test_the_reminder_rings_and_its_button_goes_once_the_client_is_reached(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert await fire(world, 5 * MINUTE - timedelta(seconds=1)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.CONTACT_REMINDER)
    assert reminder.method is OutboxMethod.SEND and reminder.chat_id == IVAN.id
    assert reminder.text.startswith(
        f"📞 Лид №{lead_id} (ООО Ромашка) у вас уже 5 мин, а связи с клиентом ещё нет."
    )
    assert labels(reminder.buttons) == [[CONTACTED], ["🏆 Сделка", "❌ Отказ"]]
    await tap(world, IVAN, f"cnt:{lead_id}")
    edits = [
        r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.target_id == reminder.id
    ]
    assert [labels(e.buttons) for e in edits] == [[["🏆 Сделка", "❌ Отказ"]]]
    # Reached: nothing about the contact is pending any more, the outcome reminder is.
    kinds = {t.kind for t in await TimerRepo(world.db.conn).for_lead(lead_id)}
    assert kinds == {TimerKind.OUTCOME_REMIND}


async def test_in_english_the_reminder_and_button_are_english(world: World) -> None:
    await round_robin_team(world, OLGA, IVAN)  # Olga reads English
    lead_id = await new_lead(world, "A")
    await tap(world, OLGA, f"offer:accept:{lead_id}")
    await fire(world, 5 * MINUTE)
    [reminder] = await rows(world, lead_id, OutboxPurpose.CONTACT_REMINDER)
    assert reminder.text.startswith(f"📞 Lead #{lead_id} (A) has been yours for 5 min")
    assert labels(reminder.buttons)[0] == ["📞 Reached the client"]


async def test_a_first_come_lead_not_called_in_time_goes_back_to_the_chat(world: World) -> None:
    await first_come_team(world)
    await put(world, contact_timeout="15m")
    lead_id = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    await claim(world, IVAN, lead_id)
    [card] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert await fire(world, 5 * MINUTE) == 1  # the reminder
    assert await fire(world, 10 * MINUTE - timedelta(seconds=1)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1  # the timeout
    lead = await lead_of(world, lead_id)
    assert (lead.status, lead.pool, lead.owner_id) == (LeadStatus.NEW, Pool.CHAT, None)
    # A fresh card to claim in the team chat; the old one says the lead came back.
    cards = await rows(world, lead_id, OutboxPurpose.CARD)
    assert len(cards) == 2 and all(c.chat_id == TEAM_CHAT.id for c in cards)
    [returned] = await rows(world, lead_id, OutboxPurpose.CARD_RETURNED)
    assert "Ivan" in returned.text
    # Ivan's card and reminder say what happened and keep no button.
    closed = [r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.chat_id == IVAN.id]
    assert {r.target_id for r in closed} >= {card.id}
    assert all(r.buttons == [] for r in closed)
    [on_card] = [r for r in closed if r.target_id == card.id]
    assert "📵 Связи с клиентом не было 15 мин: лид передан дальше." in on_card.text
    [told] = await rows(world, lead_id, OutboxPurpose.HEAD_NOTICE)
    assert told.chat_id == HEAD.id
    assert told.text == (
        f"📵 Лид №{lead_id}: нет связи с клиентом за 15 мин (менеджер — Ivan). "
        "Дальше: в чате отдела, взять может любой."
    )
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    [back] = [e for e in events if e.kind == "returned"]
    assert (back.reason, back.details["after"]) == ("no_contact", "15m")


async def test_a_round_robin_lead_not_called_in_time_goes_to_the_next_manager(
    world: World,
) -> None:
    _, olga, _ = await round_robin_team(world, IVAN, OLGA, PETR)
    await put(world, contact_timeout="15m", contact_remind="off")
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert await fire(world, 15 * MINUTE) == 1  # no reminder: straight to the timeout
    assert await status(world, lead_id) == (LeadStatus.OFFERED, olga)
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert [o.chat_id for o in offers] == [IVAN.id, OLGA.id]
    assert "the client was not reached within 15 min: Ivan" in offers[1].text


async def test_clients_not_reached_count_as_passes_before_the_heads_decide(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    await put(world, contact_timeout="15m", contact_remind="off", max_passes="2")
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await fire(world, 15 * MINUTE)  # Ivan did not call: Olga
    await tap(world, OLGA, f"offer:accept:{lead_id}")
    await fire(world, 15 * MINUTE)  # nor did Olga: the heads choose
    lead = await lead_of(world, lead_id)
    assert (lead.status, lead.pool) == (LeadStatus.NEW, Pool.HEADS)
    [ask] = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert ask.text.startswith(
        f"📵 Лид №{lead_id}: нет связи с клиентом за 15 мин (менеджер — Olga). Передач было: 2"
    )


async def test_the_contact_clock_runs_on_working_time(world: World) -> None:
    await first_come_team(world)
    world.clock.current = datetime(2026, 12, 4, 14, 58, tzinfo=UTC)  # Friday 17:58 in Moscow
    lead_id = await new_lead(world, "A")
    await claim(world, IVAN, lead_id)
    timers = await TimerRepo(world.db.conn).for_lead(lead_id)
    [remind] = [t for t in timers if t.kind is TimerKind.CONTACT_REMIND]
    assert remind.due_at == datetime(2026, 12, 7, 6, 3, tzinfo=UTC)  # Monday 09:03 in Moscow


async def test_outcomes_that_imply_a_contact_record_one(world: World) -> None:
    await round_robin_team(world, IVAN)
    won, competitor, no_answer = [await new_lead(world, n) for n in ("A", "B", "C")]
    for lead_id in (won, competitor, no_answer):
        await tap(world, IVAN, f"offer:accept:{lead_id}")
    world.clock.current += 7 * MINUTE
    await tap(world, IVAN, f"out:won:{won}")
    await tap(world, IVAN, f"lost:{competitor}:competitor")
    await tap(world, IVAN, f"lost:{no_answer}:no_answer")
    now = world.clock.now()
    assert (await lead_of(world, won)).contacted_at == now  # a deal means a conversation
    assert (await lead_of(world, competitor)).contacted_at == now  # so does "bought elsewhere"
    assert (await lead_of(world, no_answer)).contacted_at is None  # "did not answer" never does


async def test_the_back_button_of_the_lost_menu_keeps_the_contact_button(world: World) -> None:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"lost:{lead_id}:", menu=True)
    [menu] = world.session.of(EditMessageReplyMarkup)
    rows_shown = [[b.text for b in row] for row in menu.reply_markup.inline_keyboard]
    assert rows_shown == [[CONTACTED], ["🏆 Сделка", "❌ Отказ"]]
