from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, GetMe, SendMessage
from aiogram.types import Chat

from bot.routing import Mode
from bot.team_settings import MODE
from storage import TeamRepo, TeamSettingRepo
from tests.builders import BOT, HEAD, IVAN, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import make_team, new_lead, outbox_purposes, reply_to


async def test_the_head_sets_up_the_team_chat_and_gets_a_join_button(world: World) -> None:
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    welcome, hours = world.session.of(SendMessage)
    assert "Как работает отдел? Сейчас: пн–пт 09:00–18:00" in hours.text
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
    world.session.expect_message(times=4)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    texts = [call.text for call in world.session.of(SendMessage)]
    assert "уже подключён" in texts[2]
    assert texts[0] == texts[3]  # the hours are asked once


async def test_setup_after_the_group_was_renamed_uses_the_new_name(world: World) -> None:
    world.session.expect_message(times=4)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    renamed = TEAM_CHAT.model_copy(update={"title": "Продажи B2B"})
    await world.feed(text_update(HEAD, renamed, "/setup"))
    assert all("Продажи B2B" in call.text for call in world.session.of(SendMessage)[2:])
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.title == "Продажи B2B"


async def test_a_second_group_is_refused_while_one_team_exists(world: World) -> None:
    world.session.expect_message(times=3)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    other = Chat(id=-2002, type="group", title="Другой")
    await world.feed(text_update(HEAD, other, "/setup"))
    assert "уже работает с чатом отдела" in world.session.of(SendMessage)[2].text
    assert await TeamRepo(world.db.conn).by_chat(other.id) is None


async def test_leads_that_arrived_before_setup_are_posted_on_setup(world: World) -> None:
    early = await new_lead(world, name="Ранний")
    assert await outbox_purposes(world, early) == []
    world.session.expect_message(times=3)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    assert "ждавших подключения чата: 1" in world.session.of(SendMessage)[1].text
    assert await outbox_purposes(world, early) == ["card"]


async def test_the_english_speaking_head_gets_english(world: World) -> None:
    head_en = HEAD.model_copy(update={"language_code": "en"})
    world.session.expect_message(times=2)
    await world.feed(text_update(head_en, TEAM_CHAT, "/setup"))
    assert "Managers, tap “Join”" in world.session.of(SendMessage)[0].text
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.language == "en"


async def test_setup_asks_how_the_team_works_and_a_head_answers_with_a_tap(
    world: World,
) -> None:
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, TEAM_CHAT, "/setup"))
    hours = world.session.of(SendMessage)[1]
    choices = [b.callback_data for row in hours.reply_markup.inline_keyboard for b in row]
    assert choices == ["week:always", "week:weekdays", "week:later"]
    assert "лид ждёт начала рабочего дня" in hours.text and "руководитель сразу" in hours.text
    # A manager's tap changes nothing.
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, "week:always"))
    assert "только руководитель" in (world.session.of(AnswerCallbackQuery)[0].text or "")
    assert await TeamSettingRepo(world.db.conn).values(1) == {}
    world.session.expect(EditMessageText)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(HEAD, TEAM_CHAT, "week:always"))
    [edited] = world.session.of(EditMessageText)
    assert edited.text.startswith("🕘 Отдел работает: ежедневно 00:00–24:00.")
    stored = await TeamSettingRepo(world.db.conn).values(1)
    assert (stored["work_days"], stored["work_hours"]) == ("mon-sun", "00:00-24:00")


OTHER_GROUP = Chat(id=-3003, type="supergroup", title="Флудилка")


async def test_a_command_in_a_group_that_is_no_teams_touches_no_team(world: World) -> None:
    await make_team(world)
    await reply_to(world, HEAD, "/set mode round_robin")
    world.session.expect(GetMe, BOT)  # a command naming a bot: is it this one?
    for command in ("/stats", "/set mode first_come", "/team", "/rules", "/mode@leads_test_bot"):
        answer = await reply_to(world, HEAD, command, OTHER_GROUP)
        assert answer.startswith("Этот чат не подключён к боту"), (command, answer)
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.ROUND_ROBIN
    # A command for another bot in that group is not ours to answer.
    await world.feed(text_update(HEAD, OTHER_GROUP, "/stats@other_bot"))
    assert not [m for m in world.session.of(SendMessage) if "/stats@other_bot" in str(m.text)]
    assert len(world.session.of(SendMessage)) == 6
