"""/my, /lead, /stats and what a head sets per manager: answers and refusals."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, GetMe, SendMessage, SendPhoto
from aiogram.types import User

from bot.routing import Mode
from storage import MemberRepo
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
from tests.dispatcher.test_membership import BOT_USER


async def claim(world: World, user: object, lead_id: int) -> None:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))  # type: ignore[arg-type]


async def test_my_lists_open_leads_with_age_and_state(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    first = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    await claim(world, IVAN, first)
    world.clock.advance(3600 * 2 + 60)
    text = await reply_to(world, IVAN, "/my")
    assert f"№{first} · ООО Ромашка · 2 ч 1 мин · в работе" in text
    assert "+7" not in text
    assert await reply_to(world, OLGA, "/my") == "No open leads."


async def test_my_for_someone_outside_the_team(world: World) -> None:
    await make_team(world)
    assert "только участники" in await reply_to(world, STRANGER, "/my")


async def test_lead_shows_the_history_to_the_head_and_to_its_owner_only(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    await claim(world, IVAN, lead_id)
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, private(HEAD), f"/lead {lead_id}"))
    card, history = (m.text for m in world.session.of(SendMessage)[-2:])
    assert "+79123456789" in card and "в работе · у кого: Ivan" in card
    assert history.startswith("🕓 <b>История</b>\n")
    assert "поступил · форма на сайте" in history
    assert "взят из чата · Ivan · «Взять лид» нажато раньше всех" in history
    world.session.expect_message(times=2)
    await world.feed(text_update(IVAN, private(IVAN), f"/lead {lead_id}"))
    assert "+79123456789" in world.session.of(SendMessage)[-2].text
    assert await reply_to(world, OLGA, f"/lead {lead_id}") == (
        "There is no such lead, or it is not yours."
    )
    assert await reply_to(world, HEAD, "/lead abc") == "Номер лида: /lead 12."
    assert await reply_to(world, HEAD, "/lead 424242") == "Такого лида нет, или этот лид не ваш."


async def test_stats_counts_per_manager_and_per_channel(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    channels = ["yandex", "Яндекс Директ", "YANDEX", None]
    leads = [await new_lead(world, f"C{n}", channel=channels[n]) for n in range(4)]
    for lead_id in leads[::2]:  # Ivan's
        world.session.expect(AnswerCallbackQuery)
        await world.feed(
            button_update(IVAN, private(IVAN), await stamped(world, f"offer:accept:{lead_id}"))
        )
    world.clock.advance(60)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(IVAN, private(IVAN), await stamped(world, f"out:won:{leads[0]}"))
    )
    assert "<b>Ivan</b>: received 2 · taken 2" in await reply_to(world, OLGA, "/stats")
    await reply_to(world, HEAD, '/alias channel yandex "Яндекс Директ"')
    world.session.expect_message()
    world.session.expect(SendPhoto)
    await world.feed(text_update(HEAD, private(HEAD), "/stats"))
    [text] = [m.text for m in world.session.of(SendMessage)][-1:]
    # Olga's two offers wait for Accept: offered is "not taken", not "in work".
    assert (
        "<b>Ivan</b>: получено 2 · взято 2 (в работе 1, сделок 1, отказов 0) · не взято 0 · "
        "конверсия 50\u00a0% · до взятия меньше секунды"
    ) in text
    assert (
        "<b>Olga</b>: получено 2 · взято 0 (в работе 0, сделок 0, отказов 0) · не взято 2 · "
        "конверсия — · до взятия —"
    ) in text
    assert (
        "<b>Всего</b>: получено 4 · взято 2 (в работе 1, сделок 1, отказов 0) · не взято 2 · "
        "конверсия 50\u00a0%"
    ) in text
    # "yandex", "Яндекс Директ" and "YANDEX" are one channel, named as the head named it.
    assert "• Яндекс Директ: 3 · 2 · 1 · 0 · 50\u00a0%" in text
    assert "• канал не указан: 1 · 0 · 0 · 0 · —" in text
    # Reaching the client: the deal counts as a contact a minute in; the other lead of
    # Ivan's has none yet. Olga has nothing to call: no line.
    pct = "50\u00a0%"
    assert f"• Ivan: 1 мин · {pct} · {pct} · {pct} · 1\n" in text
    assert "• Olga:" not in text
    assert f"• <b>Всего</b>: 1 мин · {pct} · {pct} · {pct} · 1\n" in text
    assert text.endswith(
        "По каналам:\n• Яндекс Директ: 1 мин · 50\u00a0% · 50\u00a0% · 50\u00a0% · 1"
    )
    [photo] = world.session.of(SendPhoto)
    assert photo.chat_id == HEAD.id
    assert "30 дней" in await reply_to_with_photo(world, HEAD, "/stats месяц")
    usage = (
        "Период: /stats сегодня, /stats неделя, /stats месяц или две даты: "
        "/stats 01.11.2026 30.11.2026."
    )
    assert await reply_to(world, HEAD, "/stats year") == usage
    # Days past what a calendar holds are a typo, not "something went wrong".
    for far in ("31.12.9999 31.12.9999", "01.01.0001 02.01.0001", "9999-12-31 9999-12-31"):
        assert await reply_to(world, HEAD, f"/stats {far}") == usage, far
    assert "только участники" in await reply_to(world, STRANGER, "/stats")


async def reply_to_with_photo(world: World, user: User, text: str) -> str:
    world.session.expect_message()
    world.session.expect(SendPhoto)
    await world.feed(text_update(user, private(user), text))
    return str(world.session.of(SendMessage)[-1].text)


async def test_stats_take_a_period_of_days_in_the_teams_time(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    early = await new_lead(world, "Ноябрь")  # 1 December, 12:00 Moscow
    world.clock.advance(86400 * 2)
    await new_lead(world, "Декабрь")
    text = await reply_to_with_photo(world, HEAD, "/stats 01.12.2026 01.12.2026")
    assert text.startswith("📊 <b>Распределение с 01.12.2026 по 01.12.2026</b>")
    assert "<b>Ivan</b>: получено 1 ·" in text and early == 1
    today = await reply_to_with_photo(world, HEAD, "/stats сегодня")
    assert today.startswith("📊 <b>Распределение за сегодня</b> (03.12.2026)")
    assert "<b>Всего</b>: получено 1 ·" in today
    for bad in ("/stats 30.11.2026 01.11.2026", "/stats 2026-13-01..2026-13-02", "/stats вчера"):
        assert (await reply_to(world, HEAD, bad)).startswith("Период:"), bad


async def test_weight_cap_and_skills_are_set_by_a_head_and_checked(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    assert await reply_to(world, HEAD, "/weight @ivan 2") == "Вес в очереди: Ivan — 2."
    assert "от 1 до 10" in await reply_to(world, HEAD, "/weight @ivan 11")
    assert "от 1 до 10" in await reply_to(world, HEAD, "/weight @ivan")
    assert await reply_to(world, HEAD, "/cap @ivan 15") == "Лимит открытых лидов: Ivan — 15."
    assert "от 0 до 1000" in await reply_to(world, HEAD, "/cap @ivan many")
    assert await reply_to(world, HEAD, f"/skills {ivan.id} CRM, 1С, CRM") == (
        "Навыки: Ivan — CRM, 1С."
    )
    assert "Такого участника нет" in await reply_to(world, HEAD, "/weight @nobody 2")
    assert (
        await reply_to(world, IVAN, "/weight @ivan 10") == "Это может только руководитель отдела."
    )
    member = await MemberRepo(world.db.conn).by_id(ivan.id)
    assert member is not None and (member.weight, member.cap, member.skills) == (
        2,
        15,
        ("CRM", "1С"),
    )


async def test_team_shows_who_is_paused_and_what_a_head_set(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    await reply_to(world, IVAN, "/pause")
    await reply_to(world, HEAD, "/weight @ivan 3")
    await reply_to(world, HEAD, "/cap @ivan 5")
    await reply_to(world, HEAD, "/skills @ivan CRM")
    text = await reply_to(world, HEAD, "/team")
    assert f"{ivan.id}. Ivan (@ivan) · ⏸ пауза · вес 3 · лимит 5 · навыки: CRM" in text


def test_a_long_history_keeps_its_latest_lines_within_one_message() -> None:
    from bot.handlers.leads.views import latest_lines

    lines = ["header", *(f"event {n:04d}" for n in range(1000))]
    shown = latest_lines(lines)
    assert shown.startswith("header\n…\n") and shown.endswith("event 0999")
    assert len(shown) <= 3500 + len("header\n…\n")
    assert latest_lines(["header", "one", "two"]) == "header\none\ntwo"


async def test_lead_in_a_group_shows_no_card_only_a_link_to_the_private_chat(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    await claim(world, IVAN, lead_id)
    world.session.expect(GetMe, BOT_USER)  # asked once, then known
    for user in (HEAD, IVAN):
        world.session.expect_message()
        await world.feed(text_update(user, TEAM_CHAT, f"/lead {lead_id}"))
        reply = world.session.of(SendMessage)[-1]
        assert reply.chat_id == TEAM_CHAT.id
        assert "+7912" not in reply.text and "Ромашка" not in reply.text
        assert "только в личном чате" in reply.text
        button = reply.reply_markup.inline_keyboard[0][0]
        assert button.url == f"https://t.me/leads_test_bot?start=lead-{lead_id}"
    world.session.expect_message(times=2)
    await world.feed(text_update(IVAN, private(IVAN), f"/start lead-{lead_id}"))
    assert "+79123456789" in world.session.of(SendMessage)[-2].text


async def test_a_manager_a_lead_is_only_offered_to_sees_no_contacts_until_accepting(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+79123456789")
    world.session.expect_message(times=2)
    await world.feed(text_update(IVAN, private(IVAN), f"/lead {lead_id}"))
    card = world.session.of(SendMessage)[-2].text
    assert "Ромашка" in card and "+7912" not in card and "345" not in card
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(IVAN, private(IVAN), await stamped(world, f"offer:accept:{lead_id}"))
    )
    world.session.expect_message(times=2)
    await world.feed(text_update(IVAN, private(IVAN), f"/lead {lead_id}"))
    assert "+79123456789" in world.session.of(SendMessage)[-2].text


@pytest.mark.parametrize("command", ["/vacations", "/hours", "/duty"])
async def test_the_roster_is_not_for_strangers(world: World, command: str) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    refused = await reply_to(world, STRANGER, command)
    assert "только участники команды" in refused
    assert "Ivan" not in refused
    assert "только участники" not in await reply_to(world, IVAN, command)
    assert "только участники" not in await reply_to(world, HEAD, command)
