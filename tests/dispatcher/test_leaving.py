"""Leaving the team hands work on: /remove of a manager with leads in work asks the head
what becomes of them (handed out by the routing, all to one person, or left), and each
client goes to someone, the contacts to no one but the new owner. Real updates through the
dispatcher, on a fake clock."""

from __future__ import annotations

from aiogram.methods import EditMessageReplyMarkup, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup

from bot.presentation.callbacks import LeaveCb, LeaveChoice
from storage import LeadStatus, OutboxPurpose, Pool
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, private
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_first_contact import claim, lead_of
from tests.dispatcher.test_lead_life import PETR, round_robin_team, rows, status, tap
from tests.dispatcher.test_presence import offered_to, sent_to
from tests.dispatcher.test_time import first_come_team

PHONE = "+7 912 345-67-89"
SHOWN_PHONE = "+79123456789"


def leave(member_id: int, choice: str, to: int = 0) -> str:
    return LeaveCb(member_id=member_id, choice=LeaveChoice(choice), to=to).pack()


def keyboard(world: World) -> list[list[str]]:
    """The buttons of the bot's last answer."""
    markup = world.session.of(SendMessage)[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [[b.text for b in row] for row in markup.inline_keyboard]


async def removed_with_a_lead(world: World, name: str = "ООО Ромашка") -> tuple[int, int]:
    """A first-come team; Ivan claims a lead (with a phone) and a head removes Ivan. The
    lead's number and Ivan's member number."""
    await first_come_team(world)
    lead_id = await new_lead(world, name, phone=PHONE)
    await claim(world, IVAN, lead_id)
    ivan = (await lead_of(world, lead_id)).owner_id
    assert ivan is not None
    await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    return lead_id, ivan


async def decide(world: World, data: str) -> str:
    """The head taps one of the choices; the answer to /remove is edited to say what was
    done. Returns what it says."""
    world.session.expect(EditMessageText)
    answer = await tap(world, HEAD, data)
    assert not answer.show_alert, answer.text
    return str(world.session.of(EditMessageText)[-1].text)


async def test_removing_a_manager_with_leads_in_work_asks_the_head(world: World) -> None:
    await first_come_team(world)
    leads = [await new_lead(world, f"Клиент {n}", phone=f"+7 912 345-67-{n:02d}") for n in range(2)]
    for lead_id in leads:
        await claim(world, IVAN, lead_id)
    answer = await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    assert answer == (
        f"Ivan больше не в команде. Лидов в работе: 2 (№{leads[0]}, №{leads[1]}). Кому их "
        "отдать? Пока нет решения, лиды остаются, где были."
    )
    assert keyboard(world) == [
        ["🔀 Раздать по правилам"],
        ["👤 Отдать одному человеку"],
        ["📌 Оставить как есть"],
        ["↩️ Разрешить вернуться"],
    ]
    assert [(await lead_of(world, i)).status for i in leads] == [LeadStatus.TAKEN] * 2


async def test_handed_out_by_the_rules_in_first_come_the_leads_go_back_to_the_chat(
    world: World,
) -> None:
    lead_id, ivan_id = await removed_with_a_lead(world)
    [card] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    text = await decide(world, leave(ivan_id, "route"))
    assert text.endswith("🔀 Лиды в работе розданы по правилам: 1.")
    assert text.startswith("Ivan больше не в команде")
    lead = await lead_of(world, lead_id)
    assert (lead.status, lead.pool, lead.owner_id) == (LeadStatus.NEW, Pool.CHAT, None)
    # A fresh card to claim in the team chat, with no way to reach the client.
    fresh = (await rows(world, lead_id, OutboxPurpose.CARD))[-1]
    assert fresh.chat_id == TEAM_CHAT.id and "912" not in fresh.text
    # Ivan's card says why and keeps no button; Ivan is not written to.
    [closed] = [r for r in await rows(world, lead_id, OutboxPurpose.UPDATE) if r.chat_id == IVAN.id]
    assert closed.target_id == card.id and closed.buttons == []
    assert closed.text.endswith("Вы больше не в команде отдела: лид передан дальше.")
    assert SHOWN_PHONE not in closed.text
    assert await sent_to(world, IVAN.id, OutboxPurpose.MEMBER_NOTICE) == []


async def test_handed_out_by_the_rules_in_round_robin_each_goes_to_the_next(
    world: World,
) -> None:
    ivan, olga, petr = await round_robin_team(world, IVAN, OLGA, PETR)
    leads = []
    for _ in range(2):
        lead_id = await offered_to(world, ivan, phone=True)
        await tap(world, IVAN, f"offer:accept:{lead_id}")
        leads.append(lead_id)
    await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    await decide(world, leave(ivan, "route"))
    owners = [await status(world, lead_id) for lead_id in leads]
    assert {s for s, _ in owners} == {LeadStatus.OFFERED}
    assert {o for _, o in owners} == {olga, petr}  # one each, by the turn
    cause = {olga: "passed on: Ivan has left the team", petr: "Ivan — больше не в команде"}
    for lead_id, (_, owner) in zip(leads, owners, strict=True):
        assert owner is not None
        offer = (await rows(world, lead_id, OutboxPurpose.OFFER_CARD))[-1]
        assert "+7912345" not in offer.text  # the contacts come with Accept
        assert cause[owner] in offer.text


async def test_all_to_one_person_gives_each_lead_with_its_contacts_to_them_alone(
    world: World,
) -> None:
    ivan, olga, _ = await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await offered_to(world, ivan, phone=True)
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    [ivans] = await rows(world, lead_id, OutboxPurpose.OFFER_ACCEPTED)
    assert "+7912345" in ivans.text
    await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    world.session.expect(EditMessageReplyMarkup)
    picked = await tap(world, HEAD, leave(ivan, "pick"))
    assert picked.text == "Кому отдать все лиды в работе?"
    markup = world.session.of(EditMessageReplyMarkup)[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [
        ["Olga", "Petr"],
        ["← Назад"],
    ]
    text = await decide(world, leave(ivan, "give", olga))
    assert text.endswith("👤 Лиды в работе переданы: Olga. Передано лидов: 1.")
    assert await status(world, lead_id) == (LeadStatus.TAKEN, olga)
    # Since Ivan left, the client's phone went to Olga alone.
    after = [r for r in await rows(world, lead_id, OutboxPurpose.OWNER_CARD) if r.id > ivans.id]
    shown = {
        r.chat_id
        for purpose in OutboxPurpose
        for r in await rows(world, lead_id, purpose)
        if r.id > ivans.id and "+7912345" in r.text
    }
    assert [r.chat_id for r in after] == [OLGA.id] and shown == {OLGA.id}
    assert await sent_to(world, IVAN.id, OutboxPurpose.MEMBER_NOTICE) == []


async def test_back_shows_the_choices_again(world: World) -> None:
    ivan, _ = await round_robin_team(world, IVAN, OLGA)
    await tap(world, IVAN, f"offer:accept:{await offered_to(world, ivan)}")
    await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    await tap(world, HEAD, leave(ivan, "pick"), menu=True)
    await tap(world, HEAD, leave(ivan, "back"), menu=True)
    markup = world.session.of(EditMessageReplyMarkup)[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    assert len(markup.inline_keyboard) == 4


async def test_leaving_them_keeps_them_and_a_second_tap_finds_nothing_to_decide(
    world: World,
) -> None:
    lead_id, ivan = await removed_with_a_lead(world, "A")
    assert (await decide(world, leave(ivan, "keep"))).endswith(
        "📌 Лиды в работе остаются у прежнего владельца: Ivan."
    )
    assert await status(world, lead_id) == (LeadStatus.TAKEN, ivan)
    await tap(world, IVAN, f"out:won:{lead_id}")  # closed since
    assert (await decide(world, leave(ivan, "route"))).endswith(
        "Лидов в работе уже нет: решать нечего."
    )


async def test_a_manager_back_in_the_team_keeps_their_leads(world: World) -> None:
    lead_id, ivan = await removed_with_a_lead(world, "A")
    world.session.expect(SendMessage)  # the allowance is an alert
    await tap(world, HEAD, f"rejoin:{ivan}")
    await reply_to(world, IVAN, "/join", TEAM_CHAT)
    text = await decide(world, leave(ivan, "route"))
    assert text == "Ivan снова в команде: лиды в работе остаются у прежнего владельца."
    assert await status(world, lead_id) == (LeadStatus.TAKEN, ivan)


async def test_bad_choices_get_a_clear_answer_and_change_nothing(world: World) -> None:
    ivan, _ = await round_robin_team(world, IVAN, OLGA)
    lead_id = await offered_to(world, ivan)
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    # Not to the one who left, nor to someone not in the team.
    for to in (ivan, 999):
        answer = await tap(world, HEAD, leave(ivan, "give", to))
        assert answer.show_alert
        assert answer.text == "Этого человека уже нет в команде: выберите другого."
    # A manager cannot decide (Olga reads English).
    refused = await tap(world, OLGA, leave(ivan, "route"))
    assert refused.show_alert and refused.text == "Only the head of sales can do this."
    # Nobody left to give them to.
    await reply_to(world, HEAD, "/remove @olga", private(HEAD))
    alone = await tap(world, HEAD, leave(ivan, "pick"))
    assert alone.show_alert and str(alone.text).startswith("В команде больше никого нет")
    assert await status(world, lead_id) == (LeadStatus.TAKEN, ivan)


async def test_a_manager_without_leads_in_work_is_simply_removed(world: World) -> None:
    await first_come_team(world)
    answer = await reply_to(world, HEAD, "/remove @ivan", private(HEAD))
    assert answer.startswith("Ivan больше не в команде; предложенные, но не принятые лиды")
    assert keyboard(world) == [["↩️ Разрешить вернуться"]]
