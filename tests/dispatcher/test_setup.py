from __future__ import annotations

from aiogram.methods import SendMessage
from aiogram.types import Chat

from storage import TeamRepo
from tests.builders import HEAD, IVAN, TEAM_CHAT, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, outbox_purposes


async def test_the_head_sets_up_the_team_chat_and_gets_a_join_button(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    [welcome] = world.session.of(SendMessage)
    assert welcome.chat_id == TEAM_CHAT.id
    assert "Отдел продаж" in welcome.text
    assert welcome.reply_markup.inline_keyboard[0][0].callback_data == "join:1"
    team = await TeamRepo(world.db.conn).by_chat(TEAM_CHAT.id)
    assert team is not None and team.created_by == HEAD.id and team.language == "ru"


async def test_a_manager_cannot_set_up_the_team(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(IVAN, TEAM_CHAT, "/setup"))
    [reply] = world.session.of(SendMessage)
    assert "только руководитель" in reply.text
    assert await TeamRepo(world.db.conn).primary() is None


async def test_setup_in_a_private_chat_explains_where_to_send_it(world: World) -> None:
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), "/setup"))
    assert "групповом чате" in world.session.of(SendMessage)[0].text
    assert await TeamRepo(world.db.conn).primary() is None


async def test_setup_again_in_the_same_chat_repeats_the_welcome(world: World) -> None:
    world.session.expect_message(times=3)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    texts = [call.text for call in world.session.of(SendMessage)]
    assert "уже подключён" in texts[1]
    assert texts[0] == texts[2]


async def test_setup_after_the_group_was_renamed_uses_the_new_name(world: World) -> None:
    world.session.expect_message(times=3)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    renamed = TEAM_CHAT.model_copy(update={"title": "Продажи B2B"})
    await world.feed(text_update(HEAD, renamed, "/setup"))
    assert all("Продажи B2B" in call.text for call in world.session.of(SendMessage)[1:])
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.title == "Продажи B2B"


async def test_a_second_group_is_refused_while_one_team_exists(world: World) -> None:
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    other = Chat(id=-2002, type="group", title="Другой")
    await world.feed(text_update(HEAD, other, "/setup"))
    assert "уже работает с чатом отдела" in world.session.of(SendMessage)[1].text
    assert await TeamRepo(world.db.conn).by_chat(other.id) is None


async def test_leads_that_arrived_before_setup_are_posted_on_setup(world: World) -> None:
    early = await new_lead(world, name="Ранний")
    assert await outbox_purposes(world, early) == []
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    assert "ждавших подключения чата: 1" in world.session.of(SendMessage)[1].text
    assert await outbox_purposes(world, early) == ["card"]


async def test_the_english_speaking_head_gets_english(world: World) -> None:
    head_en = HEAD.model_copy(update={"language_code": "en"})
    world.session.expect_message()
    await world.feed(text_update(head_en, TEAM_CHAT, "/setup"))
    assert "Managers, tap “Join”" in world.session.of(SendMessage)[0].text
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.language == "en"
