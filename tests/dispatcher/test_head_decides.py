"""The head decides: a card per head with a button per manager, /assign, and the refusals."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import User

from bot.handlers.common import person_of
from bot.routing import Mode
from storage import (
    LeadEventRepo,
    LeadRepo,
    LeadStatus,
    OutboxPurpose,
    OutboxRecord,
)
from storage.delivery.lead_messages import LeadMessageRepo
from storage.work.timers import TimerKind, TimerRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped

SECOND_HEAD = User(id=101, is_bot=False, first_name="Boris", language_code="ru")


async def rows(world: World, lead_id: int, purpose: OutboxPurpose) -> list[OutboxRecord]:
    return [
        r for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id) if r.purpose is purpose
    ]


async def tap(world: World, user: User, data: str) -> AnswerCallbackQuery:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, private(user), await stamped(world, data)))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    return answer


async def head_team(world: World) -> tuple[int, int]:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    world.services.roles.set_added(frozenset({SECOND_HEAD.id}))
    await world.services.managers.set_mode(Mode.HEAD_DECIDES)
    return ivan.id, olga.id


async def test_each_head_gets_the_card_with_a_button_per_manager(world: World) -> None:
    ivan, olga = await head_team(world)
    await reply_to(world, HEAD, "/skills @olga CRM, интеграция 1С")
    await reply_to(world, HEAD, "/cap @ivan 10")
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    async with world.db.unit():
        await world.db.conn.execute(
            "UPDATE leads SET product = 'Интеграция 1с' WHERE id = ?", (lead_id,)
        )
    second = await new_lead(world, "Б")
    cards = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert sorted(c.chat_id for c in cards) == [HEAD.id, SECOND_HEAD.id]
    assert "+7" not in cards[0].text and "Кому отдать лид" in cards[0].text
    assert cards[0].buttons is not None
    assert [b.text for row in cards[0].buttons for b in row] == ["Ivan · 0/10", "Olga · 0"]
    [later] = (await rows(world, second, OutboxPurpose.HEAD_ASK))[:1]
    assert later.buttons is not None
    assert [b.data for row in later.buttons for b in row] == [
        await stamped(world, f"asg:{second}:{ivan}"),
        await stamped(world, f"asg:{second}:{olga}"),
    ]
    assert all(len((b.data or "").split(":")) == 4 for row in later.buttons for b in row)
    assert (await LeadRepo(world.db.conn).get(lead_id)).status is LeadStatus.NEW  # type: ignore[union-attr]


async def test_the_skill_match_is_marked_and_listed_first(world: World) -> None:
    _, olga = await head_team(world)
    await reply_to(world, HEAD, "/skills @olga CRM")
    from bot.actions.intake import NewLead
    from storage import LeadFields, LeadSource

    submitted = await world.services.intake.submit(
        NewLead(LeadFields(name="A", product="Внедрение CRM"), LeadSource.HTTP)
    )
    [card, _] = await rows(world, submitted.lead_id, OutboxPurpose.HEAD_ASK)
    assert card.buttons is not None
    assert card.buttons[0][0].text == "⭐ Olga · 0"
    assert card.buttons[0][0].data == await stamped(world, f"asg:{submitted.lead_id}:{olga}")


async def test_two_heads_tapping_make_one_assignment(world: World) -> None:
    ivan, olga = await head_team(world)
    lead_id = await new_lead(world, "A", phone="+79123456789")
    first = await tap(world, HEAD, f"asg:{lead_id}:{ivan}")
    assert first.text == f"Лид №{lead_id} назначен: Ivan." and not first.show_alert
    second = await tap(world, SECOND_HEAD, f"asg:{lead_id}:{olga}")
    assert second.show_alert and second.text == f"Лид №{lead_id} уже назначен: Ivan."
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.owner_id) == (LeadStatus.TAKEN, ivan)
    [owner] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert owner.chat_id == IVAN.id and "+79123456789" in owner.text
    assert "Почему вам: решение руководителя: Anna Head" in owner.text
    done = await rows(world, lead_id, OutboxPurpose.HEAD_ASK_DONE)
    asks = await rows(world, lead_id, OutboxPurpose.HEAD_ASK)
    assert sorted(d.target_id or 0 for d in done) == sorted(a.id for a in asks)
    assert all("Назначено: Ivan (решение руководителя: Anna Head)" in d.text for d in done)
    [announce] = await rows(world, lead_id, OutboxPurpose.ANNOUNCE)
    assert announce.text == f"№{lead_id} A → Ivan · решение руководителя"


async def test_a_manager_tapping_a_heads_button_is_refused(world: World) -> None:
    ivan, _ = await head_team(world)
    lead_id = await new_lead(world, "A")
    answer = await tap(world, IVAN, f"asg:{lead_id}:{ivan}")
    assert answer.show_alert and answer.text == "Это может только руководитель отдела."
    assert (await LeadRepo(world.db.conn).get(lead_id)).status is LeadStatus.NEW  # type: ignore[union-attr]


async def test_assign_reassigns_a_claimed_lead_and_tells_everyone(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    lead_id = await new_lead(world, "A", phone="+79123456789")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    answer = await reply_to(world, HEAD, f"/assign {lead_id} @olga")
    assert answer == f"Лид №{lead_id} назначен: Olga."
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.owner_id == olga.id
    [card] = await rows(world, lead_id, OutboxPurpose.CARD_ASSIGNED)
    assert "В работе у: <b>Olga</b> (решение руководителя: Anna Head)" in card.text
    notices = await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
    assert [n.chat_id for n in notices] == [IVAN.id]
    assert "Теперь лид у: Olga" in notices[0].text
    [old_card] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert old_card.chat_id == IVAN.id and old_card.buttons == [] and "+7" not in old_card.text
    stale = await tap(world, IVAN, f"out:won:{lead_id}")
    assert stale.show_alert
    assert stale.text == f"Лид №{lead_id} уже в работе у: Olga, взят сегодня в 12:00."
    assert await reply_to(world, HEAD, f"/assign {lead_id} {olga.id}") == (
        f"Лид №{lead_id} и так у: Olga."
    )
    assert ivan


async def test_a_stale_accept_after_a_reassignment_is_refused(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    lead_id = await new_lead(world, "A")
    await reply_to(world, HEAD, f"/assign {lead_id} @olga")
    answer = await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert answer.show_alert
    assert answer.text == f"Лид №{lead_id} уже в работе у: Olga, взят сегодня в 12:00."


async def test_assign_refusals(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, "A")
    assert await reply_to(world, IVAN, f"/assign {lead_id} @ivan") == (
        "Это может только руководитель отдела."
    )
    assert "Кому отдать лид" in await reply_to(world, HEAD, "/assign")
    assert "Кому отдать лид" in await reply_to(world, HEAD, "/assign 99999999999999999999 @ivan")
    assert await reply_to(world, HEAD, "/assign 999 @ivan") == "Лида №999 нет."
    assert "Такого менеджера" in await reply_to(world, HEAD, f"/assign {lead_id} @nobody")
    await reply_to(world, HEAD, f"/assign {lead_id} @ivan")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, private(IVAN), await stamped(world, f"out:won:{lead_id}")))
    assert await reply_to(world, HEAD, f"/assign {lead_id} @ivan") == (
        f"Лид №{lead_id} уже закрыт, переназначать нечего."
    )


async def test_mode_menu_marks_the_current_mode_and_switches(world: World) -> None:
    await make_team(world)
    world.session.expect_message()
    await world.feed(text_update(HEAD, TEAM_CHAT, "/mode"))
    [menu] = world.session.of(SendMessage)
    labels = [row[0].text for row in menu.reply_markup.inline_keyboard]
    assert labels == ["● Кто успел", "По очереди", "Решает руководитель", "Меньше всего в работе"]
    world.session.expect_message(EditMessageText)
    answer = await tap(world, HEAD, "mode:round_robin")
    assert answer.text == "Режим переключён: По очереди. Так распределяются новые лиды."
    [edited] = world.session.of(EditMessageText)
    assert [row[0].text for row in edited.reply_markup.inline_keyboard][1] == "● По очереди"
    _, settings = await world.services.managers.settings()
    assert "По очереди" in await reply_to(world, HEAD, "/settings")
    refused = await tap(world, IVAN, "mode:first_come")
    assert refused.show_alert
    assert settings


async def test_set_changes_one_setting_and_refuses_bad_values(world: World) -> None:
    await make_team(world)
    assert "Сохранено: лимит открытых лидов на менеджера" in await reply_to(
        world, HEAD, "/set cap 10"
    )
    assert "лимит открытых лидов на менеджера: <b>10</b>" in await reply_to(
        world, HEAD, "/settings"
    )
    assert "число от 1 до 1000" in await reply_to(world, HEAD, "/set cap lots")
    assert "«да» или «нет»" in await reply_to(world, HEAD, "/set announce maybe")
    assert "Такой настройки нет" in await reply_to(world, HEAD, "/set colour red")
    assert "/set cap 10" in await reply_to(world, HEAD, "/set")
    assert await reply_to(world, IVAN, "/set cap 1") == "Это может только руководитель отдела."
    _, settings = await world.services.managers.settings()
    from bot.team_settings import CAP

    assert settings[CAP] == 10


async def test_a_manager_at_the_cap_cannot_claim_and_the_lead_stays_free(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await reply_to(world, HEAD, "/set cap 1")
    first, second = await new_lead(world, "A"), await new_lead(world, "B")
    answers = []
    for lead_id in (first, second):
        world.session.expect(AnswerCallbackQuery)
        await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
        answers.append(world.session.of(AnswerCallbackQuery)[-1])
    assert [bool(a.show_alert) for a in answers] == [False, True]
    assert "лимит" in (answers[1].text or "")
    lead = await LeadRepo(world.db.conn).get(second)
    assert lead is not None and lead.status is LeadStatus.NEW
    assert "как у отдела" in await reply_to(world, HEAD, "/cap @ivan off")
    assert ivan


async def test_reopen_puts_a_closed_lead_back_with_its_manager(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    await tap(world, IVAN, f"out:won:{lead_id}")
    assert (await LeadRepo(world.db.conn).get(lead_id)).status is LeadStatus.WON  # type: ignore[union-attr]
    answer = await reply_to(world, HEAD, f"/reopen {lead_id}")
    assert answer == f"Лид №{lead_id} снова в работе у: Ivan."
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.owner_id) == (LeadStatus.TAKEN, ivan.id)
    assert lead.closed_at is None
    asked, notice = await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
    assert asked.text.startswith("💰")  # what the deal was worth: closed with the deal
    assert await world.services.reason_notes.asked(IVAN.id) is False
    assert notice.chat_id == IVAN.id
    assert notice.text.startswith(f"🔁 Лид №{lead_id} снова в работе у вас")
    cards = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert [c.chat_id for c in cards] == [IVAN.id, IVAN.id]
    assert "+79123456789" in cards[-1].text and "решение руководителя: Anna Head" in cards[-1].text
    assert cards[-1].buttons is not None  # Won / Lost again
    [timer] = await TimerRepo(world.db.conn).for_lead(lead_id)
    assert timer.kind is TimerKind.OUTCOME_REMIND
    history = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert [e.kind for e in history][-2:] == ["won", "reopened"]
    # Lost in the end: /stats counts the lead once, by how it ended.
    await world.services.close(lead_id, person_of(IVAN), won=False)
    stats = await world.services.reports.stats(person_of(HEAD), "сегодня")
    assert stats.figures is not None
    count = {member.id: count for member, count in stats.figures.members}[ivan.id]
    assert (count.received, count.won, count.lost) == (1, 0, 1)


async def test_reopen_refusals_change_nothing(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    open_lead = await new_lead(world, "Открытый")
    closed = await new_lead(world, "Закрытый")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{closed}")))
    await tap(world, IVAN, f"out:won:{closed}")
    before = await LeadMessageRepo(world.db.conn).for_lead(closed)
    for command, expected in (
        ("/reopen", "Какой лид вернуть в работу: /reopen 12."),
        ("/reopen abc", "Какой лид вернуть в работу: /reopen 12."),
        (f"/reopen {closed} {closed}", "Какой лид вернуть в работу: /reopen 12."),
        ("/reopen 999", "Лида №999 нет."),
        (f"/reopen {open_lead}", f"Лид №{open_lead} не закрыт: возвращать в работу нечего."),
    ):
        assert await reply_to(world, HEAD, command) == expected, command
    assert (
        await reply_to(world, IVAN, f"/reopen {closed}") == "Это может только руководитель отдела."
    )
    await reply_to(world, HEAD, "/remove @ivan")
    gone = await reply_to(world, HEAD, f"/reopen {closed}")
    assert gone == (
        f"Лид №{closed} закрыт менеджером, которого больше нет в команде: "
        "вернуть лид в работу некому."
    )
    assert await LeadMessageRepo(world.db.conn).for_lead(closed) == before
    assert (await LeadRepo(world.db.conn).get(closed)).status is LeadStatus.WON  # type: ignore[union-attr]
