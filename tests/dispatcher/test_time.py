"""Time on a fake clock: reminders and escalation, accept timeouts, outcome reminders,
working hours, duty. The firing code is called with the fake clock's `now`; nothing sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.handlers.common import person_of
from storage import (
    LeadEventRepo,
    LeadRepo,
    LeadStatus,
    MemberRepo,
    OutboxPurpose,
    OutboxRecord,
    OutboxRepo,
    Pool,
    TeamSettingRepo,
)
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap

# The fake clock starts on Tuesday 1 December 2026 at 12:00 in Moscow.
MINUTE = timedelta(minutes=1)


async def fire(world: World, after: timedelta) -> int:
    world.clock.current += after
    return await world.services.timers.fire_due(world.clock.now())


async def put(world: World, **settings: str) -> None:
    repo = TeamSettingRepo(world.db.conn)
    async with world.db.unit():
        for name, value in settings.items():
            await repo.put(1, name, value, world.clock.now())


async def first_come_team(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)


async def test_an_unclaimed_card_gets_a_reminder_then_the_heads_are_told(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    assert await fire(world, 4 * MINUTE + 59 * timedelta(seconds=1)) == 0
    assert await fire(world, timedelta(seconds=1)) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.CARD_REMINDER)
    assert reminder.chat_id == TEAM_CHAT.id
    assert reminder.text == f"⏰ Лид №{lead_id} (ООО Ромашка) ждёт уже 5 мин. Кто возьмёт?"
    assert await rows(world, lead_id, OutboxPurpose.HEAD_ASK) == []
    assert await fire(world, 14 * MINUTE) == 0
    assert await fire(world, MINUTE) == 1
    [ask] = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert ask.chat_id == HEAD.id
    assert ask.text.startswith(f"⏰ Лид №{lead_id} так и не взят из чата за 20 мин.")
    assert "912" not in ask.text  # the heads' card keeps the contacts hidden too
    assert ask.buttons is not None
    assert [b.text.split(" · ")[0] for row in ask.buttons for b in row] == ["Ivan", "Olga"]
    assert await status(world, lead_id) == (LeadStatus.NEW, None)  # still claimable
    assert await TimerRepo(world.db.conn).for_lead(lead_id) == []  # nothing more is pending


async def test_a_timer_fires_once_however_often_it_is_woken(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "A")
    world.clock.current += 5 * MINUTE
    now = world.clock.now()
    fired = [await world.services.timers.fire_due(now) for _ in range(3)]
    assert fired == [1, 0, 0]
    assert len(await rows(world, lead_id, OutboxPurpose.CARD_REMINDER)) == 1


async def test_a_claimed_card_is_not_reminded(world: World) -> None:
    await first_come_team(world)
    lead_id = await new_lead(world, "A")
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    assert await fire(world, 5 * MINUTE) == 1  # Ivan's reminder to call the client
    assert await rows(world, lead_id, OutboxPurpose.CARD_REMINDER) == []
    [reminder] = await rows(world, lead_id, OutboxPurpose.CONTACT_REMINDER)
    assert reminder.chat_id == IVAN.id


async def test_reminders_count_working_time_only(world: World) -> None:
    await first_come_team(world)
    world.clock.current = datetime(2026, 12, 4, 14, 58, tzinfo=UTC)  # Friday 17:58 in Moscow
    lead_id = await new_lead(world, "A")
    [timer] = await TimerRepo(world.db.conn).for_lead(lead_id)
    assert timer.kind is TimerKind.CLAIM_REMIND
    assert timer.due_at == datetime(2026, 12, 7, 6, 3, tzinfo=UTC)  # Monday 09:03 in Moscow


async def test_an_offer_not_accepted_in_time_goes_to_the_next_manager(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await new_lead(world, "ООО Ромашка")
    assert await fire(world, 9 * MINUTE) == 0
    assert await fire(world, MINUTE) == 1
    assert (await status(world, lead_id))[0] is LeadStatus.OFFERED
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert [o.chat_id for o in offers] == [IVAN.id, OLGA.id]
    assert "not accepted within 10 min: Ivan" in offers[1].text  # Olga reads English
    [closed] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert (
        closed.chat_id == IVAN.id and "⏳ Не принят за 10 мин: лид передан дальше." in closed.text
    )
    [told] = [n for n in await rows(world, lead_id, OutboxPurpose.HEAD_NOTICE)]
    assert told.text == f"⏳ Лид №{lead_id} не принят за 10 мин: Ivan. Дальше: лид получает Olga."
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert [(e.kind, e.reason) for e in events if e.kind == "returned"] == [("returned", "timeout")]


async def test_after_max_passes_the_lead_goes_to_the_heads_and_then_the_chat(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA, PETR)
    await put(world, max_passes="2")
    lead_id = await new_lead(world, "A")
    assert await fire(world, 10 * MINUTE) == 1  # Ivan -> Olga
    assert await fire(world, 10 * MINUTE) == 1  # Olga -> the heads, not Petr
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert [o.chat_id for o in offers] == [IVAN.id, OLGA.id]
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.pool) == (LeadStatus.NEW, Pool.HEADS)
    [ask] = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert ask.text.startswith(
        f"⏳ Лид №{lead_id} не принят за 10 мин: Olga. Передач по очереди было: 2 — дальше "
        "решает руководитель.\n\n🧭 <b>Кому отдать лид"
    )
    assert ask.text.count("Кому отдать") == 1  # the card asks once
    # The card says it all: no separate line about the same timeout.
    notices = await rows(world, lead_id, OutboxPurpose.HEAD_NOTICE)
    assert len(notices) == 1 and "Дальше: лид получает Olga" in notices[0].text
    # No head chooses within claim_remind + claim_escalate: anyone in the chat may take it.
    assert await fire(world, 20 * MINUTE) == 1
    [card] = await rows(world, lead_id, OutboxPurpose.CARD)
    assert card.chat_id == TEAM_CHAT.id
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.pool is Pool.CHAT


async def test_an_accepted_lead_is_not_passed_on(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"cnt:{lead_id}")
    assert await fire(world, 10 * MINUTE) == 0
    assert await status(world, lead_id) == (LeadStatus.TAKEN, 1)


async def test_a_lead_without_outcome_is_reminded_every_three_working_days(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await world.services.managers.set("digest", "off")  # Monday's report: not counted here
    lead_id = await new_lead(world, "ООО Ромашка")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"cnt:{lead_id}")
    # Accepted on Tuesday at noon: three working days later is Friday at noon.
    assert await fire(world, timedelta(days=3) - MINUTE) == 0
    assert await fire(world, MINUTE) == 1
    [reminder] = await rows(world, lead_id, OutboxPurpose.OUTCOME_REMINDER)
    assert reminder.chat_id == IVAN.id
    assert reminder.text.startswith(f"🔔 Лид №{lead_id} (ООО Ромашка) у вас уже 3 дн.")
    assert reminder.buttons is not None
    assert [b.text for b in reminder.buttons[0]] == ["🏆 Сделка", "❌ Отказ"]
    # Friday noon + 3 working days = Wednesday noon, not Monday.
    assert await fire(world, timedelta(days=4, hours=23)) == 0
    assert await fire(world, timedelta(hours=1)) == 1
    await tap(world, IVAN, f"out:won:{lead_id}")
    assert await TimerRepo(world.db.conn).for_lead(lead_id) == []


async def test_outside_hours_a_round_robin_lead_waits_and_is_routed_at_opening(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    world.clock.current = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # Friday 19:00 in Moscow
    lead_id = await new_lead(world, "ООО Ромашка")
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.pool) == (LeadStatus.NEW, Pool.HOURS)
    assert await rows(world, lead_id, OutboxPurpose.OFFER_CARD) == []
    # Monday 09:00 in Moscow: the team opens, and the heads get last week's report.
    assert await fire(world, timedelta(days=2, hours=14) - MINUTE) == 0
    assert await fire(world, MINUTE) == 2  # the opening, and the heads' weekly report
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert offer.chat_id == IVAN.id
    summary = [r for r in await world_outbox(world) if r.purpose is OutboxPurpose.TEAM_NOTICE]
    assert len(summary) == 1 and summary[0].chat_id == TEAM_CHAT.id
    assert "Лиды за нерабочее время: 1." in summary[0].text
    assert f"№{lead_id} ООО Ромашка — лид получает Ivan" in summary[0].text


async def test_outside_hours_first_come_cards_are_still_posted(world: World) -> None:
    await first_come_team(world)
    world.clock.current = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # Saturday
    waiting = await new_lead(world, "A")
    [card] = await rows(world, waiting, OutboxPurpose.CARD)
    assert card.chat_id == TEAM_CHAT.id
    claimed = await new_lead(world, "B")
    await world.services.claim(claimed, TEAM_CHAT.id, person_of(IVAN))
    world.clock.current = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # Monday 09:00 in Moscow
    await world.services.timers.fire_due(world.clock.now())
    [summary] = [r for r in await world_outbox(world) if r.purpose is OutboxPurpose.TEAM_NOTICE]
    assert "Лиды за нерабочее время: 2." in summary.text
    assert f"№{waiting} A — ждёт в чате отдела" in summary.text
    assert f"№{claimed} B — в работе: Ivan" in summary.text


async def test_with_duty_the_manager_on_duty_gets_the_lead_at_night(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await put(world, off_hours="duty")
    async with world.db.unit():
        await world_members(world).set_duty(2, True)
    world.clock.current = datetime(2026, 12, 4, 20, 0, tzinfo=UTC)  # Friday 23:00 in Moscow
    lead_id = await new_lead(world, "A")
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert offer.chat_id == OLGA.id
    # On duty the accept clock runs at night: ten wall minutes, not Monday morning.
    [timer] = await TimerRepo(world.db.conn).for_lead(lead_id)
    assert timer.due_at == world.clock.now() + 10 * MINUTE


async def test_a_manager_with_own_hours_is_skipped_before_them(world: World) -> None:
    ids = await round_robin_team(world, IVAN, OLGA)
    async with world.db.unit():
        await world_members(world).set_hours(ids[0], "13:00-19:00")
    lead_id = await new_lead(world, "A")  # 12:00 in Moscow
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert offer.chat_id == OLGA.id
    [routed] = [
        e for e in await LeadEventRepo(world.db.conn).for_lead(lead_id) if e.kind == "routed"
    ]
    assert routed.details["passed"] == [["Ivan", "off_hours"]]


async def world_outbox(world: World) -> list[OutboxRecord]:
    ids = [row[0] for row in await world.db.conn.fetch_all("SELECT id FROM outbox ORDER BY id")]
    repo = OutboxRepo(world.db.conn)
    found = [await repo.get(i) for i in ids]
    return [r for r in found if r is not None]


def world_members(world: World) -> MemberRepo:
    return MemberRepo(world.db.conn)


async def test_turning_reminders_off_silences_timers_already_set(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    offered = await new_lead(world, "A")
    await put(world, mode="first_come")
    posted = await new_lead(world, "B")
    await put(world, accept_timeout="off", claim_remind="off")
    assert await fire(world, 5 * MINUTE) == 1  # the card's reminder: silent, escalation next
    assert await rows(world, posted, OutboxPurpose.CARD_REMINDER) == []
    assert await fire(world, 5 * MINUTE) == 1  # the offer's timeout: it stays with Ivan
    assert await status(world, offered) == (LeadStatus.OFFERED, 1)
    assert await fire(world, 15 * MINUTE) == 1  # the escalation still reaches the heads
    assert len(await rows(world, posted, OutboxPurpose.HEAD_ASK)) == 1
    row = await world.db.conn.fetch_one("SELECT COUNT(*) FROM timers WHERE error IS NOT NULL")
    assert row is not None and row[0] == 0


async def test_a_lead_held_at_night_is_told_to_the_heads_once_then_counted(
    world: World,
) -> None:
    """With the default hours a round-robin lead at 04:52 waits for the morning: the heads
    hear of it at once, and the next leads of the night turn that message into a count."""
    await round_robin_team(world, IVAN, OLGA)
    world.clock.current = datetime(2026, 12, 2, 1, 52, tzinfo=UTC)  # Wednesday 04:52 Moscow
    first = await new_lead(world, "ООО Ромашка")
    [notice] = [r for r in await world_outbox(world) if r.purpose is OutboxPurpose.HOURS_NOTICE]
    assert notice.chat_id == HEAD.id and notice.target_id is None
    assert notice.text.startswith(f"🌙 Лид №{first} ждёт начала рабочего дня (пн–пт 09:00–18:00)")
    assert "/set work_hours" in notice.text
    second = await new_lead(world, "ООО Лютик")
    third = await new_lead(world, "ООО Василёк")
    told = [r for r in await world_outbox(world) if r.purpose is OutboxPurpose.HOURS_NOTICE]
    assert [r.method for r in told] == ["send", "edit", "edit"]
    assert {r.target_id for r in told[1:]} == {notice.id}
    assert told[-1].text.startswith(
        f"🌙 Ждут начала рабочего дня (пн–пт 09:00–18:00): лидов — 3, последний — №{third}."
    )
    assert second != third
    # Morning: all three go out; the next night starts a new message.
    world.clock.current = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)
    await world.services.timers.fire_due(world.clock.now())
    world.clock.current = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)  # 23:00 Moscow
    await new_lead(world, "ООО Мак")
    told = [r for r in await world_outbox(world) if r.purpose is OutboxPurpose.HOURS_NOTICE]
    assert [r.method for r in told] == ["send", "edit", "edit", "send"]


async def test_the_morning_summary_lists_only_leads_from_closed_time_since_the_last_opening(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await world.services.managers.set("digest", "off")
    world.clock.current = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # Saturday noon in Moscow
    weekend = await new_lead(world, "ООО Суббота")
    world.clock.current = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # Monday 09:00
    assert await world.services.timers.fire_due(world.clock.now()) == 1  # the weekend's
    world.clock.current = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # Monday 13:00, working
    midday = await new_lead(world, "ООО Полдень")
    world.clock.current = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # Monday 19:00, closed
    evening = await new_lead(world, "ООО Вечер")
    # At 20:00 the head keeps the team open till 22:00: the evening lead's opening is now.
    world.clock.current = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
    await reply_to(world, HEAD, "/set work_hours 09:00-22:00")
    await world.services.timers.fire_due(world.clock.now())
    summaries = [
        r.text for r in await world_outbox(world) if r.purpose is OutboxPurpose.TEAM_NOTICE
    ]
    # Each night's leads once, and a lead of working hours in none.
    assert [sum(f"№{lead} " in text for text in summaries) for lead in (weekend, evening)] == [
        1,
        1,
    ], summaries
    assert all(f"№{midday} " not in text for text in summaries), summaries
