"""Rules over the dispatcher: /group, /rule, /rules, /alias, /route, a group's card, the
known client, and the answer to every kind of bad input."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage
from aiogram.types import User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.actions.intake import NewLead
from bot.handlers.common import person_of
from bot.leads.fields import lead_from_pairs
from bot.routing import Mode
from bot.services.route_check import DryRun
from storage import (
    LeadEventRepo,
    LeadRepo,
    LeadSource,
    LeadStatus,
    MemberRepo,
    OutboxPurpose,
    TurnRepo,
)
from storage.delivery.lead_messages import LeadMessageRepo
from storage.team.rules import RuleRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, lead_count, make_team, reply_to, stamped
from tests.dispatcher.test_lead_life import MARIA, PETR, round_robin_team, rows, status

MEMBERS = (IVAN, OLGA, PETR, MARIA)


async def set_up(world: World) -> dict[str, int]:
    """The README's example: a round-robin team with rules by industry, channel and region."""
    team = await make_team(world)
    ids = {u.username or "": (await add_member(world, team, u)).id for u in MEMBERS}
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    for command in (
        "/group add gov @ivan @maria",
        "/group add social @olga @petr",
        "/group mode social roundrobin",
        "/rule add industry=medical,pharma -> @olga",
        "/rule add channel=instagram -> group:social",
        "/rule add region=federal -> @petr",
        "/rule add регион=Москва -> @ivan",
        "/rule add industry=government -> group:gov",
        "/alias region мск Москва",
        # The same client within the hour joins their open lead (tests/intake/test_repeats.py);
        # here every request is a lead of its own, as it is after that hour.
        "/set duplicate_window нет",
    ):
        answer = await reply_to(world, HEAD, command)
        assert "⚠" not in answer and "нет" not in answer.split()[:2], (command, answer)
    return ids


async def history(world: World, lead_id: int) -> str:
    """The history part of `/lead` (the card comes first)."""
    world.session.expect_message(times=2)
    await world.feed(text_update(HEAD, private(HEAD), f"/lead {lead_id}"))
    return str(world.session.of(SendMessage)[-1].text)


async def submit(world: World, *pairs: tuple[str, str]) -> int:
    new = NewLead(lead_from_pairs(pairs), LeadSource.HTTP)
    return (await world.services.intake.submit(new)).lead_id


async def routed(world: World, lead_id: int) -> dict[str, object]:
    events = [e for e in await LeadEventRepo(world.db.conn).for_lead(lead_id) if e.kind == "routed"]
    return dict(events[-1].details)


async def test_rules_groups_and_aliases_are_set_up_and_listed(world: World) -> None:
    await set_up(world)
    rules = await reply_to(world, HEAD, "/rules")
    assert "1. отрасль = medical, pharma → Ivan" not in rules
    assert "1. отрасль = medical, pharma → Olga" in rules
    assert "2. канал = instagram → группа social (По очереди)" in rules
    assert "3. регион = федеральный → Petr" in rules
    assert "Остальные лиды: режим отдела — По очереди." in rules
    groups = await reply_to(world, HEAD, "/groups")
    assert "• gov — Кто успел: Ivan, Maria" in groups
    assert "• social — По очереди: Olga, Petr" in groups
    assert "«мск» = «Москва»" in await reply_to(world, HEAD, "/alias")
    assert "теперь под номером 1" in await reply_to(world, HEAD, "/rule move 5 1")
    assert (await RuleRepo(world.db.conn).all_of(1))[0].field == "industry"
    assert "Правило 1 удалено" in await reply_to(world, HEAD, "/rule del 1")
    assert len(await RuleRepo(world.db.conn).all_of(1)) == 4


async def test_a_rule_naming_a_manager_who_left_is_shown_broken_and_skipped(world: World) -> None:
    ids = await set_up(world)
    await reply_to(world, HEAD, "/remove @olga")
    assert "Olga ⚠️ нет в команде, правило пропускается" in await reply_to(world, HEAD, "/rules")
    lead_id = await submit(world, ("industry", "medical"), ("name", "A"))
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.owner_id != ids["olga"]
    assert "правило 1 пропущено: Olga — нет в команде" in await history(world, lead_id)


async def test_a_first_come_groups_card_is_claimed_by_its_members_only(world: World) -> None:
    ids = await set_up(world)
    lead_id = await submit(world, ("industry", "Government"), ("name", "Минздрав"))
    [card] = await rows(world, lead_id, OutboxPurpose.CARD)
    assert card.chat_id == TEAM_CHAT.id and "👥 Для группы: gov" in card.text
    refused = await press(world, OLGA, f"claim:{lead_id}")
    assert refused.show_alert and "group gov" in str(refused.text)
    assert (await LeadRepo(world.db.conn).get(lead_id)).status is LeadStatus.NEW  # type: ignore[union-attr]
    won = await press(world, MARIA, f"claim:{lead_id}")
    assert not won.show_alert
    assert (await LeadRepo(world.db.conn).get(lead_id)).owner_id == ids["maria"]  # type: ignore[union-attr]


async def test_a_deleted_groups_card_is_anyones(world: World) -> None:
    ids = await set_up(world)
    lead_id = await submit(world, ("industry", "government"), ("name", "Минздрав"))
    await reply_to(world, HEAD, "/rule del 5")
    assert "удалена" in await reply_to(world, HEAD, "/group del gov")
    assert not (await press(world, OLGA, f"claim:{lead_id}")).show_alert
    assert (await LeadRepo(world.db.conn).get(lead_id)).owner_id == ids["olga"]  # type: ignore[union-attr]


async def press(world: World, user: User, data: str) -> AnswerCallbackQuery:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, TEAM_CHAT, await stamped(world, data)))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    return answer


async def test_the_reason_names_the_rule_and_the_group_turn(world: World) -> None:
    ids = await set_up(world)
    first = await submit(world, ("channel", "Instagram"), ("name", "A"))
    second = await submit(world, ("channel", "instagram"), ("name", "B"))
    owners = [(await LeadRepo(world.db.conn).get(i)).owner_id for i in (first, second)]  # type: ignore[union-attr]
    assert owners == [ids["olga"], ids["petr"]]
    [offer] = await rows(world, second, OutboxPurpose.OFFER_CARD)
    assert (
        "правило 2: канал = instagram, группа social, очередь в группе (предыдущий лид отдан: Olga)"
        in (offer.text)
    )
    # The team's own turn did not move: the first lead by mode goes to the first manager.
    other = await submit(world, ("industry", "retail"), ("name", "C"))
    assert (await LeadRepo(world.db.conn).get(other)).owner_id == ids["ivan"]  # type: ignore[union-attr]


async def test_a_known_client_goes_to_their_manager_and_else_the_reason_says_who(
    world: World,
) -> None:
    ids = await set_up(world)
    first = await submit(world, ("phone", "+7 900 123-45-67"), ("name", "A"), ("industry", "x"))
    assert (await LeadRepo(world.db.conn).get(first)).owner_id == ids["ivan"]  # type: ignore[union-attr]
    again = await submit(world, ("phone", "8 (900) 1234567"), ("industry", "medical"))
    assert (await LeadRepo(world.db.conn).get(again)).owner_id == ids["ivan"]  # type: ignore[union-attr]
    [offer] = await rows(world, again, OutboxPurpose.OFFER_CARD)
    assert f"известный клиент: тот же телефон, что у лида №{first}" in offer.text
    await reply_to(world, HEAD, "/pause @ivan")
    third = await submit(world, ("phone", "+79001234567"), ("industry", "medical"))
    assert (await LeadRepo(world.db.conn).get(third)).owner_id == ids["olga"]  # type: ignore[union-attr]
    told = await history(world, third)
    assert "правило 1: отрасль = medical" in told
    assert f"известный клиент (тот же телефон, что у лида №{again}), ведёт: Ivan — пауза" in told
    await reply_to(world, HEAD, "/set known_client off")
    await reply_to(world, HEAD, "/resume @ivan")
    fourth = await submit(world, ("phone", "+79001234567"), ("industry", "medical"))
    assert (await LeadRepo(world.db.conn).get(fourth)).owner_id == ids["olga"]  # type: ignore[union-attr]


async def test_a_known_client_whose_manager_left_is_routed_on_and_says_so(world: World) -> None:
    await set_up(world)
    first = await submit(world, ("email", "a@b.ru"), ("industry", "x"))
    await world.services.accept(first, person_of(IVAN))  # taken leads stay
    await reply_to(world, HEAD, "/remove @ivan")
    again = await submit(world, ("email", "A@B.RU"), ("industry", "medical"))
    told = await history(world, again)
    assert f"(тот же e-mail, что у лида №{first}), ведёт: Ivan — нет в команде" in told


async def test_route_answers_without_changing_anything(world: World) -> None:
    ids = await set_up(world)
    before = await lead_count(world)
    answer = await reply_to(world, HEAD, "/route industry=pharma region=мск phone=+79001234567")
    assert "ничего не изменено" in answer
    assert "Лид получит: Olga" in answer and "правило 1: отрасль = pharma" in answer
    federal = await reply_to(world, HEAD, "/route region=Казань, Москва")
    assert "Лид получит: Petr" in federal and "правило 3: регион = федеральный" in federal
    gov = await reply_to(world, HEAD, "/route industry=government")
    assert "для группы gov, взять смогут: Ivan, Maria" in gov
    await reply_to(world, HEAD, "/pause @olga")
    paused = await reply_to(world, HEAD, "/route industry=medical")
    assert "правило 1 пропущено: Olga — пауза" in paused and "Лид получит: Ivan" in paused
    assert "→ Olga ⏸ пауза: лиды идут дальше по списку" in await reply_to(world, HEAD, "/rules")
    assert await lead_count(world) == before
    # Twice the same question, the same answer: no turn moved.
    assert await reply_to(world, HEAD, "/route industry=retail") == await reply_to(
        world, HEAD, "/route industry=retail"
    )
    assert ids


async def test_a_dry_run_in_round_robin_moves_no_turn(world: World) -> None:
    ids = await round_robin_team(world, IVAN, OLGA, PETR)
    turn = await TurnRepo(world.db.conn).get(1)
    for _ in range(3):
        assert "Лид получит: Ivan" in await reply_to(world, HEAD, "/route industry=retail")
    assert await TurnRepo(world.db.conn).get(1) == turn
    lead_id = await submit(world, ("industry", "retail"))
    assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[0])
    assert "Лид получит: Olga" in await reply_to(world, HEAD, "/route industry=retail")


async def test_every_bad_command_gets_a_clear_answer_and_changes_nothing(world: World) -> None:
    await set_up(world)
    before = await reply_to(world, HEAD, "/rules"), await reply_to(world, HEAD, "/groups")
    for command, expected in (
        ("/rule", "Правила распределения:"),
        ("/rule add industry=medical", "Правила распределения:"),
        ("/rule add phone=+7900 -> @ivan", "не на «phone»"),
        ("/rule add industry= , -> @ivan", "хотя бы одно значение"),
        ("/rule add industry=x -> @nobody", "Менеджера @nobody нет в команде"),
        ("/rule add industry=x -> group:nope", "Группы nope нет"),
        ("/rule del 9", "Правила 9 нет: всего правил — 5"),
        ("/rule del x", "Правила x нет"),
        ("/rule move 1 99", "Правила 99 нет"),
        ("/group add bad! @ivan", "Имя группы"),
        ("/group add sales @nobody", "Менеджера @nobody нет в команде"),
        ("/group mode gov head_decides", "Режим группы"),
        ("/group mode nope roundrobin", "Группы nope нет"),
        ("/group del social", "Группа social нужна правилам: 2"),
        ("/group", "Группы менеджеров для правил"),
        ("/alias region", "Другие написания"),
        ("/alias region МСК мск", "Это одно и то же значение"),
        ("/alias phone 8 +7", "не на «phone»"),
        ("/alias del region нет", "Написания «нет» нет"),
        ('/alias region "мск Москва', "Другие написания"),
        ("/route", "Напишите поля лида"),
        ("/set region_basis somewhere", "фактический"),
        ("/set franchise chain", "«юрлицо»"),
    ):
        answer = await reply_to(world, HEAD, command)
        assert expected in answer, (command, answer)
    assert (await reply_to(world, HEAD, "/rules"), await reply_to(world, HEAD, "/groups")) == before
    for command in ("/rule add industry=x -> @ivan", "/rules", "/group add x @ivan", "/route a=b"):
        assert "руковод" in await reply_to(world, IVAN, command)
    assert len(await RuleRepo(world.db.conn).all_of(1)) == 5


async def test_group_members_can_be_taken_out_and_a_group_deleted_when_unused(
    world: World,
) -> None:
    await set_up(world)
    assert "Из группы gov убраны: Ivan" in await reply_to(world, HEAD, "/group del gov @ivan")
    assert "• gov — Кто успел: Maria" in await reply_to(world, HEAD, "/groups")
    assert "В группу gov добавлены: Olga" in await reply_to(world, HEAD, "/group add gov @olga")
    await reply_to(world, HEAD, "/rule del 5")
    assert "Группа gov удалена" in await reply_to(world, HEAD, "/group del gov")
    assert "gov" not in await reply_to(world, HEAD, "/groups")


pauses = st.frozensets(st.sampled_from(("ivan", "olga", "petr", "maria")))
fields = st.tuples(
    st.sampled_from(("medical", "Pharma", "government", "retail", "")),
    st.sampled_from(("instagram", "vk", "")),
    st.sampled_from(("Москва", "мск", "Казань, Москва", "Казань", "")),
    st.sampled_from(("+79000000001", "89000000001", "+79000000002", "")),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.tuples(pauses, fields), min_size=1, max_size=4))
async def test_route_equals_the_real_decision(
    world: World, steps: list[tuple[frozenset[str], tuple[str, str, str, str]]]
) -> None:
    if await lead_count(world) == 0 and not await RuleRepo(world.db.conn).all_of(1):
        await set_up(world)
    ids = {m.full_name.casefold(): m.id for m in await MemberRepo(world.db.conn).active(1)}
    for paused, (industry, channel, region, phone) in steps:
        async with world.db.unit():
            for name, member_id in ids.items():
                now = world.clock.now()
                await MemberRepo(world.db.conn).set_paused(member_id, name in paused, now)
        pairs = [
            (k, v)
            for k, v in (("industry", industry), ("channel", channel), ("region", region))
            if v
        ]
        pairs += [("phone", phone)] if phone else [("name", "Клиент")]
        run = await world.services.routes.dry_run(" ".join(f"{k}={v}" for k, v in pairs))
        assert isinstance(run, DryRun)
        lead_id = await submit(world, *pairs)
        assert await routed(world, lead_id) == run.details
        lead = await LeadRepo(world.db.conn).get(lead_id)
        assert lead is not None and lead.owner_id == run.decision.member_id


async def test_a_returned_card_keeps_the_rule_it_came_by_not_the_turn(world: World) -> None:
    await set_up(world)
    lead_id = await submit(world, ("industry", "medical"), ("name", "Клиника"))
    world.session.expect(EditMessageReplyMarkup)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(OLGA, private(OLGA), await stamped(world, f"offer:return:{lead_id}"))
    )
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(OLGA, private(OLGA), await stamped(world, f"ret:{lead_id}:busy"))
    )
    [closed] = [
        r
        for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
        if r.purpose is OutboxPurpose.UPDATE and r.chat_id == OLGA.id
    ]
    assert "Why you: rule 1: industry = medical" in closed.text
    assert "your turn" not in closed.text and "returned, reason: Too many leads" in closed.text
