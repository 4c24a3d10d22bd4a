"""What a head of sales reads in the first week: answers that name what changed, help
that helps, and no English inside Russian."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.handlers.commands import HEAD_PRIVATE
from bot.handlers.common import person_of
from bot.i18n import Translator
from bot.team_settings import ALL, AnySetting, TeamSettings
from storage import OutboxPurpose
from tests.builders import (
    HEAD,
    IVAN,
    OLGA,
    STRANGER,
    TEAM_CHAT,
    button_update,
    private,
    text_update,
)
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped
from tests.dispatcher.test_lead_life import round_robin_team, rows, tap

# A value each setting takes, written as a Russian head would write it.
RUSSIAN_VALUES = {
    "mode": "по очереди",
    "cap": "10",
    "announce": "нет",
    "known_client": "нет",
    "region_basis": "юридический",
    "franchise": "бренд",
    "claim_remind": "10 мин",
    "claim_escalate": "1 ч",
    "accept_timeout": "30 мин",
    "max_passes": "5",
    "outcome_remind": "2 дн",
    "contact_remind": "3 мин",
    "contact_timeout": "15 мин",
    "auto_pause": "3",
    "duplicate_window": "2 ч",
    "handback": "нет",
    "timezone": "Asia/Yekaterinburg",
    "work_days": "пн-сб",
    "work_hours": "10:00-19:00",
    "off_hours": "дежурные",
    "digest": "нет",
}


def test_every_setting_has_a_russian_value_here() -> None:
    assert set(RUSSIAN_VALUES) == {s.name for s in ALL}


@pytest.mark.parametrize("setting", ALL, ids=lambda s: s.name)
async def test_every_set_answer_is_one_line_naming_the_setting_and_its_new_value(
    world: World, setting: AnySetting
) -> None:
    await make_team(world)
    name = setting.name
    answer = await reply_to(world, HEAD, f"/set {name} {RUSSIAN_VALUES[name]}")
    tr = Translator("ru")
    parsed = TeamSettings({name: setting.normalized(RUSSIAN_VALUES[name])})
    value = setting.shown(parsed, tr)
    assert answer == f"Сохранено: {tr('setting.' + name)} — {value}.", answer
    assert "\n" not in answer
    again = await reply_to(world, HEAD, f"/set {name} {RUSSIAN_VALUES[name]}")
    assert again.startswith("Так и есть: ") and again.endswith(f" — {value}.")


async def test_a_head_who_is_not_a_manager_sees_the_teams_open_work_with_my(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    waiting = await new_lead(world, "ООО Ромашка")
    taken = await new_lead(world, "ООО Лютик")
    await world.services.claim(taken, TEAM_CHAT.id, person_of(IVAN))
    world.clock.advance(3600)
    answer = await reply_to(world, HEAD, "/my")
    assert answer.startswith("📂 <b>Открытые лиды отдела: 2</b>")
    assert f"№{waiting} · ООО Ромашка · 1 ч · ждёт распределения" in answer
    assert f"№{taken} · ООО Лютик · 1 ч · в работе: Ivan" in answer
    assert "Состав команды видят только" not in answer
    # A manager still sees their own.
    assert "Ваши открытые лиды: 1" in await reply_to(world, IVAN, "/my")


async def test_a_heads_lead_view_is_not_yours_and_says_where_the_lead_is(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, "ООО Ромашка")
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    world.session.expect_message(times=4)
    await world.feed(text_update(HEAD, private(HEAD), f"/lead {lead_id}"))
    await world.feed(text_update(IVAN, private(IVAN), f"/lead {lead_id}"))
    head_view, history, own_view, _ = (m.text for m in world.session.of(SendMessage))
    assert head_view.startswith(f"📋 <b>Лид №{lead_id}</b>")
    assert "ваш" not in head_view and "Почему вам" not in head_view
    assert "Сейчас: в работе · у кого: Ivan" in head_view
    # The history speaks of the manager, not to the head reading it.
    assert "взят из чата · Ivan · «Взять лид» нажато раньше всех в чате отдела" in history
    assert "вы " not in history and "ваш" not in history
    assert "распределён · в чате отдела для всех" in history
    assert own_view.startswith(f"📋 <b>Лид №{lead_id} — ваш</b>")


async def test_a_manager_is_never_told_how_to_become_a_head(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    for command, chat in (("/start", private(IVAN)), ("/help", private(IVAN))):
        assert "ADMIN_IDS" not in await reply_to(world, IVAN, command, chat)
    assert await reply_to(world, IVAN, "/setup", TEAM_CHAT) == (
        "Подключить чат может только руководитель отдела продаж."
    )
    # Someone not in the team yet is told to ask the head, and nothing about .env either.
    guest = await reply_to(world, STRANGER, "/start", private(STRANGER))
    assert "попросите руководителя" in guest and "ADMIN_IDS" not in guest


async def test_the_heads_help_lists_every_head_command_by_task(world: World) -> None:
    await make_team(world)
    text = await reply_to(world, HEAD, "/help")
    for command in (*HEAD_PRIVATE, "setup"):
        if command == "start":
            continue
        assert f"/{command}" in text, command
    assert "POST" not in text and "/leads" not in text
    for task in ("Подключение и команда", "Как раздавать лиды", "Время", "Откуда приходят"):
        assert task in text


async def test_a_vacation_notice_fits_first_come(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await reply_to(world, HEAD, "/vacation @ivan today 2026-12-14 @olga")
    [[notice]] = await world.db.conn.fetch_all(
        "SELECT text FROM outbox WHERE purpose = 'team_notice'"
    )
    assert "по очереди" not in notice
    assert "может взять любой" in notice


async def test_open_lists_the_teams_open_work_and_hands_a_lead_out_in_two_taps(
    world: World,
) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    first = await new_lead(world, "ООО Ромашка")
    second = await new_lead(world, "ООО Лютик")
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), "/open"))
    [listing] = world.session.of(SendMessage)
    assert listing.text.startswith("📂 <b>Открытые лиды отдела: 2</b>")
    assert listing.text.endswith("Кнопка с номером — отдать лид менеджеру.")
    buttons = [b.callback_data for row in listing.reply_markup.inline_keyboard for b in row]
    assert buttons == [
        await stamped(world, f"open:{first}"),
        await stamped(world, f"open:{second}"),
    ]
    # A manager's tap changes nothing.
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(IVAN, private(IVAN), await stamped(world, f"give:{first}:{ivan.id}"))
    )
    assert world.session.of(AnswerCallbackQuery)[-1].show_alert
    world.session.expect_message()
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(HEAD, private(HEAD), await stamped(world, f"open:{first}")))
    whom = world.session.of(SendMessage)[-1]
    assert whom.text == f"➡️ Кому отдать лид №{first}?"
    names = [b.text for row in whom.reply_markup.inline_keyboard for b in row]
    assert names == ["Ivan", "Olga"]
    world.session.expect_message(EditMessageText)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(HEAD, private(HEAD), await stamped(world, f"give:{first}:{ivan.id}"))
    )
    assert world.session.of(EditMessageText)[-1].text == f"Лид №{first} назначен: Ivan."
    async with world.db.reading() as repos:
        lead = await repos.leads.get(first)
    assert lead is not None and lead.owner_id == ivan.id


async def test_a_manager_whose_telegram_is_english_gets_english_cards_from_then_on(
    world: World,
) -> None:
    # Ivan joined while his Telegram was in Russian; he has switched it to English since.
    await round_robin_team(world, IVAN)
    first = await new_lead(world, "ООО Ромашка")
    [offer] = await rows(world, first, OutboxPurpose.OFFER_CARD)
    assert offer.text.startswith("📨 <b>Лид №")
    ivan_en = IVAN.model_copy(update={"language_code": "en-GB"})
    my = await reply_to(world, ivan_en, "/my")  # anything he does shows his Telegram as it is
    assert "№" not in my and f"#{first}" in my
    second = await new_lead(world, "ООО Лютик")
    [offer] = await rows(world, second, OutboxPurpose.OFFER_CARD)
    assert offer.text.startswith(f"📨 <b>Lead #{second} for you</b>")
    assert offer.buttons is not None and offer.buttons[0][0].text == "✅ Accept"
    await tap(world, ivan_en, f"offer:accept:{second}")
    [accepted] = await rows(world, second, OutboxPurpose.OFFER_ACCEPTED)
    assert "Why you:" in accepted.text and "Почему вам" not in accepted.text
