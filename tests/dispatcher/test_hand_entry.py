from __future__ import annotations

from datetime import UTC, datetime

from aiogram.types import Contact, MessageOriginHiddenUser, MessageOriginUser
from aiogram.types import User as TgUser

from bot.routing import Mode
from bot.team_settings import MODE
from storage import LeadRepo, LeadSource
from tests.builders import HEAD, IVAN, TEAM_CHAT, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import lead_count, make_team, outbox_purposes, reply_to

CLIENT = TgUser(id=777, is_bot=False, first_name="Пётр", last_name="Клиентов")
WHEN = datetime(2026, 12, 1, tzinfo=UTC)


async def test_the_head_adds_a_lead_by_hand(world: World) -> None:
    await make_team(world)
    text = await reply_to(world, HEAD, "/newlead Иван, ООО Ромашка, +7 912 345-67-89, нужен расчёт")
    assert text == "Лид №1 создан и передан на распределение."
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None and lead.source is LeadSource.COMMAND
    assert lead.fields.phone == "+7 912 345-67-89"
    assert await outbox_purposes(world, 1) == ["card"]


async def test_a_lead_added_before_setup_waits_for_it(world: World) -> None:
    text = await reply_to(world, HEAD, "/newlead Иван +7 912 345-67-89")
    assert "появится в чате отдела" in text
    assert await lead_count(world) == 1


async def test_newlead_without_text_shows_an_example(world: World) -> None:
    assert "например" in await reply_to(world, HEAD, "/newlead")
    assert await lead_count(world) == 0


async def test_a_manager_cannot_add_leads(world: World) -> None:
    await make_team(world)
    assert "только руководитель" in await reply_to(world, IVAN, "/newlead Иван +7 912 345-67-89")
    assert await lead_count(world) == 0


async def test_a_forwarded_message_becomes_a_lead_from_its_author(world: World) -> None:
    await make_team(world)
    origin = MessageOriginUser(date=WHEN, sender_user=CLIENT)
    text = await reply_to(
        world, HEAD, "Добрый день, нужен станок. 8 912 000-11-22", forward_origin=origin
    )
    assert text == "Лид №1 создан и передан на распределение."
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None
    assert (lead.fields.name, lead.fields.phone, lead.contact_user_id) == (
        "Пётр Клиентов",
        "8 912 000-11-22",
        777,
    )
    assert lead.source is LeadSource.FORWARD


async def test_a_forward_from_a_hidden_account_keeps_the_name_it_shows(world: World) -> None:
    await make_team(world)
    origin = MessageOriginHiddenUser(date=WHEN, sender_user_name="Скрытый Клиент")
    await reply_to(world, HEAD, "Перезвоните", forward_origin=origin)
    lead = await LeadRepo(world.db.conn).get(1)
    assert (
        lead is not None and lead.fields.name == "Скрытый Клиент" and lead.contact_user_id is None
    )


async def test_a_shared_contact_becomes_a_lead(world: World) -> None:
    await make_team(world)
    world.session.expect_message()
    contact = Contact(phone_number="+79120001122", first_name="Мария", last_name="К", user_id=888)
    from aiogram.types import Update

    from tests.builders import message

    msg = message(HEAD, private(HEAD), "", contact=contact).model_copy(update={"text": None})
    await world.feed(Update(update_id=9999, message=msg))
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None and (lead.fields.name, lead.fields.phone) == ("Мария К", "+79120001122")


async def test_a_manager_forwarding_a_message_is_refused(world: World) -> None:
    await make_team(world)
    origin = MessageOriginUser(date=WHEN, sender_user=CLIENT)
    assert "только руководитель" in await reply_to(world, IVAN, "Клиент", forward_origin=origin)
    assert await lead_count(world) == 0


async def test_a_forwarded_message_that_starts_like_a_command_is_a_lead_not_a_command(
    world: World,
) -> None:
    await make_team(world)
    origin = MessageOriginUser(date=WHEN, sender_user=CLIENT)
    text = await reply_to(world, HEAD, "/set mode round_robin", forward_origin=origin)
    assert text == "Лид №1 создан и передан на распределение."
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None and lead.fields.message == "/set mode round_robin"
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.FIRST_COME


async def test_a_command_forwarded_into_the_team_chat_changes_nothing(world: World) -> None:
    await make_team(world)
    origin = MessageOriginUser(date=WHEN, sender_user=HEAD)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/set mode round_robin", forward_origin=origin))
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.FIRST_COME
    assert await lead_count(world) == 0
