"""What a new head of sales saw go wrong in a lead's life, each pinned by a test: stale
reminders, clocks started too early or quoting the wrong time, durations that did not move
timers, a vacation skipping the deputy, and cards that still read as before."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import EditMessageText, SendMessage

from bot.actions.intake import NewLead
from bot.handlers.common import person_of
from storage import (
    LeadFields,
    LeadRepo,
    LeadSource,
    LeadStatus,
    OutboxPurpose,
    OutboxRepo,
    OutboxStatus,
)
from storage.delivery.lead_messages import LeadMessageRepo
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, bot_status_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap
from tests.dispatcher.test_rules import submit
from tests.dispatcher.test_time import MINUTE, fire, first_come_team


async def deliver(world: World, sends: int, edits: int = 0) -> None:
    world.session.expect_message(times=sends)
    if edits:
        world.session.expect_message(EditMessageText, times=edits)
    while await world.worker.deliver_due():
        pass


def sent_to(world: World, chat_id: int) -> list[str]:
    return [str(m.text) for m in world.session.of(SendMessage) if m.chat_id == chat_id]


async def test_a_reminder_queued_before_a_claim_is_never_posted(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    await deliver(world, sends=1)  # the card
    assert await fire(world, 5 * MINUTE) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.CARD_REMINDER)
    assert reminder.status is OutboxStatus.PENDING  # Telegram's pace held it back
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    await deliver(world, sends=1, edits=1)  # Ivan's card with the contacts; "taken by Ivan"
    assert [t for t in sent_to(world, TEAM_CHAT.id) if "ждёт уже" in t] == []
    dropped = await OutboxRepo(world.db.conn).get(reminder.id)
    assert dropped is not None and dropped.status is OutboxStatus.DROPPED
    assert f"lead {lead_id} is taken now" in (dropped.last_error or "")


async def test_an_offer_to_a_manager_who_went_away_meanwhile_is_never_sent(
    world: World,
) -> None:
    ids = await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка")
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert offer.chat_id == IVAN.id and offer.status is OutboxStatus.PENDING
    await reply_to(world, IVAN, "/vacation today 2026-12-03")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[1])
    # Olga's offer and the team chat's three lines go (the first alone, then it turns into
    # the chat's digest with the other two); Ivan's offer and its edit do not.
    world.session.expect_message(times=2)
    world.session.expect_message(EditMessageText)
    while await world.worker.deliver_due():
        pass
    [digest] = world.session.of(EditMessageText)
    assert digest.chat_id == TEAM_CHAT.id and digest.text.count("\n") == 3
    assert [t for t in sent_to(world, IVAN.id) if "Ромашка" in t] == []
    assert [o.status for o in await rows(world, lead_id, OutboxPurpose.OFFER_CARD)] == [
        OutboxStatus.DROPPED,
        OutboxStatus.SENT,
    ]
    [update] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert update.status is OutboxStatus.DROPPED


async def test_the_claim_reminder_counts_from_when_the_card_reached_the_chat(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    world.clock.current += 3 * MINUTE  # the chat was slow: the card went up 3 min later
    await deliver(world, sends=1)
    assert await fire(world, 2 * MINUTE) == 0  # 5 min after intake, 2 after the card
    assert await fire(world, 3 * MINUTE - timedelta(seconds=1)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.CARD_REMINDER)
    assert "ждёт уже 5 мин." in reminder.text
    # The escalation counts from the card too: 5 + 15 minutes after it went up.
    assert await fire(world, 15 * MINUTE - timedelta(seconds=1)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1
    [ask, *_] = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert "так и не взят из чата за 20 мин." in ask.text


async def test_a_reminder_says_how_long_the_card_waited_not_todays_setting(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    world.clock.current += 3 * MINUTE
    assert (await reply_to(world, HEAD, "/set claim_remind 30s")).startswith("Сохранено")
    # The reminder is due 30 s after the card now, so at once; it says 3 minutes, not 30 s.
    assert await fire(world, timedelta(0)) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.CARD_REMINDER)
    assert "ждёт уже 3 мин." in reminder.text


async def test_a_timeout_says_how_long_the_offer_waited(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await new_lead(world, "ООО Ромашка")
    world.clock.current += 7 * MINUTE
    await reply_to(world, HEAD, "/set accept_timeout 5m")
    assert await fire(world, timedelta(0)) == 1
    assert (await status(world, lead_id))[0] is LeadStatus.OFFERED
    [told] = await rows(world, lead_id, OutboxPurpose.HEAD_NOTICE)
    assert told.text.startswith(f"⏳ Лид №{lead_id} не принят за 7 мин: Ivan.")
    [closed] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert "⏳ Не принят за 7 мин: лид передан дальше." in closed.text


async def test_a_longer_duration_moves_a_reminder_already_set(world: World) -> None:
    await first_come_team(world)
    await reply_to(world, HEAD, "/set outcome_remind 45s")
    lead_id = await new_lead(world, "ООО Ромашка")
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    await reply_to(world, HEAD, "/set outcome_remind 3d")
    assert await fire(world, MINUTE) == 0
    assert await rows(world, lead_id, OutboxPurpose.OUTCOME_REMINDER) == []
    timers = await TimerRepo(world.db.conn).for_lead(lead_id)
    [timer] = [t for t in timers if t.kind is TimerKind.OUTCOME_REMIND]
    # Three working days after the claim on Tuesday at noon: Friday at noon, in Moscow.
    assert timer.due_at - world.clock.now() == timedelta(days=3) - MINUTE


async def test_turning_the_reminder_off_sends_the_card_straight_to_the_escalation(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    await reply_to(world, HEAD, "/set claim_remind off")
    [timer] = await TimerRepo(world.db.conn).for_lead(lead_id)
    assert timer.kind is TimerKind.CLAIM_ESCALATE
    assert timer.due_at - world.clock.now() == 15 * MINUTE


async def test_an_offer_pending_when_the_vacation_starts_goes_to_the_deputy(world: World) -> None:
    ids = await round_robin_team(world, IVAN, OLGA, PETR)
    await reply_to(world, HEAD, "/rule add industry=medical -> @ivan")
    lead_id = await submit(world, ("industry", "medical"))
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[0])
    await reply_to(world, HEAD, "/vacation @ivan today 2026-12-14 @olga")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[1])
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert "you stand in for: Ivan" in offers[-1].text  # Olga reads English
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.cover_for == ids[0]  # it goes back to Ivan later


async def test_a_lead_reassigned_away_is_not_new_in_the_former_owners_chat(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    await reply_to(world, HEAD, f"/assign {lead_id} @olga")
    [old_card] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert old_card.chat_id == IVAN.id
    assert old_card.text.startswith(f"📋 <b>Лид №{lead_id}</b>")
    assert "Новый лид" not in old_card.text


async def test_a_returned_offer_drops_the_instruction_to_accept(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await new_lead(world, "ООО Ромашка")
    await tap(world, IVAN, f"offer:return:{lead_id}", menu=True)
    await tap(world, IVAN, f"ret:{lead_id}:profile")
    [update] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert update.text.startswith(f"📋 <b>Лид №{lead_id}</b>")  # no longer "for you"
    assert "Примите лид" not in update.text
    assert update.text.endswith("↩️ Лид возвращён, причина: Не мой профиль. Лид уходит дальше.")


async def test_a_timed_out_offer_drops_the_instruction_to_accept(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await new_lead(world, "ООО Ромашка")
    assert await fire(world, 10 * MINUTE) == 1
    [update] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert "Примите лид" not in update.text and "Не принят за 10 мин" in update.text


async def test_a_heads_card_decided_elsewhere_drops_the_key_to_its_buttons(
    world: World,
) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    assert await fire(world, 5 * MINUTE) == 1  # the reminder
    assert await fire(world, 15 * MINUTE) == 1  # the heads are asked
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    [done] = await rows(world, lead_id, OutboxPurpose.HEAD_ASK_DONE)
    assert "⭐" not in done.text and "Ivan" in done.text


async def test_a_card_assigned_away_before_it_was_shown_holds_up_nothing(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка")
    await reply_to(world, HEAD, f"/assign {lead_id} @ivan")
    # The card, and the edit saying who has the lead, are never sent; the rest of the
    # team chat's queue goes on behind them, a claimable card before a line.
    later = await new_lead(world, "ООО Лютик")
    await deliver(world, sends=3)  # Ivan's contacts, the next card, the line "→ Ivan"
    assert [t.split("\n")[0] for t in sent_to(world, TEAM_CHAT.id)] == [
        f"🔥 <b>Новый лид №{later}</b>",
        f"№{lead_id} ООО Ромашка → Ivan · решение руководителя",
    ]
    statuses = [r.status for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id)]
    assert OutboxStatus.PENDING not in statuses


async def test_a_long_lead_handed_to_the_heads_reaches_them_whole(world: World) -> None:
    await first_come_team(world)
    await world.feed(bot_status_update(IVAN, TEAM_CHAT, "member", "kicked"))  # paused
    request = "Нужна интеграция. " * 200  # longer than a card shows
    submitted = await world.services.intake.submit(
        NewLead(
            LeadFields(name="ООО Ромашка", phone="+79123456789", message=request), LeadSource.HTTP
        )
    )
    heads = await rows(world, submitted.lead_id, OutboxPurpose.HEAD_NOTICE)
    assert len(heads) >= 3  # the notice with the card, then the request in full
    world.session.expect_message(times=len(heads) + 1)  # and the notice of the pause
    while await world.worker.deliver_due():
        pass
    after = await rows(world, submitted.lead_id, OutboxPurpose.HEAD_NOTICE)
    assert {r.status for r in after} == {OutboxStatus.SENT}
    last = [str(m.text) for m in world.session.of(SendMessage) if m.chat_id == HEAD.id][-1]
    assert f"({len(heads) - 1} из {len(heads) - 1})" in last
