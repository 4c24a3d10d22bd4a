"""Every button checks who taps, which lead, its state and the message before it changes
anything: a forged or stale tap gets an alert, and no message or lead changes."""

from __future__ import annotations

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    SendMessage,
)
from aiogram.types import Chat, User

from bot.delivery.telegram.markup import to_markup
from bot.routing import Mode
from storage import LeadRepo, OutboxPurpose, OutboxRecord, OutboxRepo
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import IVAN, OLGA, STRANGER, TEAM_CHAT, button_update, private
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, stamped


def kinds(lead_id: int, member_id: int) -> list[str]:
    """Every kind of button the bot puts on a lead's messages, for one lead."""
    return [
        f"claim:{lead_id}",
        f"offer:accept:{lead_id}",
        f"offer:return:{lead_id}",
        f"ret:{lead_id}:",
        f"ret:{lead_id}:busy",
        f"out:won:{lead_id}",
        f"out:lost:{lead_id}",
        f"lost:{lead_id}:",
        f"lost:{lead_id}:competitor",
        f"asg:{lead_id}:{member_id}",
    ]


async def deliver_all(world: World) -> None:
    """Send everything pending, so that every message has its Telegram message id."""
    repo = OutboxRepo(world.db.conn)
    while pending := await repo.pending():
        world.session.expect_message(SendMessage, times=len(pending))
        world.session.expect_message(EditMessageText, times=len(pending))
        await world.worker.deliver_due()
        world.session.withdraw(SendMessage)
        world.session.withdraw(EditMessageText)


class Story:
    """Round robin, Ivan and Olga: lead A offered to Ivan, B offered to Olga, C taken by
    Ivan; a first-come lead D waits in the team chat. Everything delivered."""

    def __init__(self, world: World) -> None:
        self.world = world

    async def set_up(self) -> None:
        world = self.world
        team = await make_team(world)
        self.ivan = (await add_member(world, team, IVAN)).id
        self.olga = (await add_member(world, team, OLGA)).id
        await world.services.managers.set_mode(Mode.ROUND_ROBIN)
        self.a = await new_lead(world, "Клиент A", phone="+79120000001")
        self.b = await new_lead(world, "Клиент B", phone="+79120000002")
        self.c = await new_lead(world, "Клиент C", phone="+79120000003")
        await world.services.managers.set_mode(Mode.FIRST_COME)
        self.d = await new_lead(world, "Клиент D", phone="+79120000004")
        await deliver_all(world)
        world.session.expect(AnswerCallbackQuery)
        await world.feed(
            button_update(IVAN, private(IVAN), await stamped(world, f"offer:accept:{self.c}"))
        )
        await deliver_all(world)

    async def message(self, lead_id: int, chat_id: int) -> OutboxRecord:
        """The newest message the bot sent about the lead in that chat."""
        rows = await LeadMessageRepo(self.world.db.conn).for_lead(lead_id)
        sent = [r for r in rows if r.chat_id == chat_id and r.message_id is not None]
        return sent[-1]

    async def snapshot(self) -> object:
        leads = LeadRepo(self.world.db.conn)
        states = [await leads.get(i) for i in (self.a, self.b, self.c, self.d)]
        outbox = await OutboxRepo(self.world.db.conn).backlog()
        return [(s.status, s.owner_id) for s in states if s], outbox


async def forged_tap(world: World, user: User, chat: Chat, row: OutboxRecord, data: str) -> None:
    markup = to_markup(row.buttons) if row.buttons else None
    assert row.message_id is not None
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, chat, data, row.message_id, markup))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    assert answer.show_alert, data
    assert world.session.of(EditMessageReplyMarkup) == [], data


@pytest.fixture
async def story(world: World) -> Story:
    told = Story(world)
    await told.set_up()
    return told


async def test_a_stranger_in_the_team_chat_changes_nothing_with_any_button(
    world: World, story: Story
) -> None:
    card = await story.message(story.d, TEAM_CHAT.id)
    before = await story.snapshot()
    for lead_id in (story.a, story.c, story.d):
        for data in kinds(lead_id, story.ivan):
            await forged_tap(world, STRANGER, TEAM_CHAT, card, data)
    assert await story.snapshot() == before


async def test_the_owner_cannot_turn_the_team_card_into_their_own_menu(
    world: World, story: Story
) -> None:
    card = await story.message(story.d, TEAM_CHAT.id)
    before = await story.snapshot()
    for data in (f"out:lost:{story.c}", f"lost:{story.c}:", f"offer:return:{story.a}",
                 f"ret:{story.a}:"):  # fmt: skip
        await forged_tap(world, IVAN, TEAM_CHAT, card, data)
    assert await story.snapshot() == before


async def test_a_manager_who_does_not_hold_the_lead_changes_nothing(
    world: World, story: Story
) -> None:
    own_offer = await story.message(story.b, OLGA.id)  # Olga's real card, of another lead
    before = await story.snapshot()
    for lead_id in (story.a, story.c):
        for data in kinds(lead_id, story.olga):
            await forged_tap(world, OLGA, private(OLGA), own_offer, data)
    assert await story.snapshot() == before


async def test_the_holder_cannot_press_one_leads_button_on_another_leads_message(
    world: World, story: Story
) -> None:
    taken_card = await story.message(story.c, IVAN.id)  # Ivan's card of lead C
    before = await story.snapshot()
    for data in kinds(story.a, story.ivan):  # lead A is offered to Ivan too
        await forged_tap(world, IVAN, private(IVAN), taken_card, data)
    assert await story.snapshot() == before


async def test_a_real_button_on_a_message_too_old_to_show_still_works(
    world: World, story: Story
) -> None:
    offer = await story.message(story.a, IVAN.id)
    assert offer.message_id is not None
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(
            IVAN,
            private(IVAN),
            await stamped(world, f"offer:accept:{story.a}"),
            offer.message_id,
            inaccessible=True,
        )
    )
    lead = await LeadRepo(world.db.conn).get(story.a)
    assert lead is not None and lead.owner_id == story.ivan and lead.status.value == "taken"


async def test_a_menu_opens_only_on_the_holders_own_card(world: World, story: Story) -> None:
    offer = await story.message(story.a, IVAN.id)
    assert offer.message_id is not None and offer.purpose is OutboxPurpose.OFFER_CARD
    world.session.expect(EditMessageReplyMarkup)
    world.session.expect(AnswerCallbackQuery)
    data = await stamped(world, f"offer:return:{story.a}")
    markup = to_markup(offer.buttons or [])
    await world.feed(button_update(IVAN, private(IVAN), data, offer.message_id, markup))
    [menu] = world.session.of(EditMessageReplyMarkup)
    assert menu.message_id == offer.message_id
