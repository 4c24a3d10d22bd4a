"""One lead, not two: the same client's repeat submission (same phone or e-mail) within
`duplicate_window`, while the first lead is open, joins it, over real HTTP."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.common import person_of
from storage import LeadEventRepo, LeadRepo, OutboxPurpose, TeamRecord, TeamRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT
from tests.conftest import World
from tests.dispatcher.conftest import add_member, lead_count, outbox_purposes, reply_to
from tests.dispatcher.test_lead_life import rows, tap
from tests.intake.conftest import AUTH, Client


async def post(http: Client, **fields: str) -> tuple[int, dict[str, object]]:
    response = await http.post("/leads", json=fields, headers=AUTH)
    return response.status, await response.json()


async def test_a_repeat_joins_the_open_lead_and_the_chat_hears_it(
    http: Client, world: World
) -> None:
    status, first = await post(http, name="Иван", phone="+7 912 345-67-89", message="Нужен КП")
    assert status == 201 and "duplicate" not in first
    world.clock.advance(20 * 60)
    status, again = await post(
        http, name="Иван", phone="8 (912) 345 67 89", message="Срочно!", product="CRM"
    )
    assert (status, again) == (201, {"id": first["id"], "duplicate": True})
    assert await lead_count(world) == 1
    lead_id = int(str(first["id"]))
    assert (await outbox_purposes(world, lead_id)).count("card") == 1  # no second card
    [repeated] = [e for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)
                  if e.kind == "repeated"]  # fmt: skip
    assert repeated.details == {"known": {"message": "Срочно!", "product": "CRM", "phone": (
        "8 (912) 345 67 89")}}  # fmt: skip
    # Nobody has it yet: one line in the team chat, under the card, without the phone.
    [told] = await rows(world, lead_id, OutboxPurpose.TEAM_NOTICE)
    assert told.chat_id == TEAM_CHAT.id
    assert told.text.startswith(f"🔁 Повторная заявка от клиента лида №{lead_id} (Иван).")
    assert "Срочно!" in told.text and "CRM" in told.text and "912" not in told.text


async def test_a_repeat_by_e_mail_reaches_the_owner_with_what_is_new(
    http: Client, world: World
) -> None:
    await add_member(world, await _team(world), IVAN)
    _, first = await post(http, name="Иван", email="Ivan@Example.ru")
    lead_id = int(str(first["id"]))
    await world.services.claim(lead_id, TEAM_CHAT.id, person_of(IVAN))
    _, again = await post(http, email="ivan@example.ru", phone="+7 900 111-22-33")
    assert again == {"id": lead_id, "duplicate": True}
    [told] = await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
    assert told.chat_id == IVAN.id
    assert "+7 900 111-22-33" in told.text  # the lead is Ivan's: he sees the new phone
    # The new phone finds the lead too.
    _, third = await post(http, phone="+79001112233", message="Перезвоните")
    assert third == {"id": lead_id, "duplicate": True}


async def test_an_offer_not_yet_accepted_hears_it_without_the_contacts(
    http: Client, world: World
) -> None:
    team = await _team(world)
    await add_member(world, team, IVAN)
    await reply_to(world, HEAD, "/set mode по очереди")
    _, first = await post(http, name="Иван", phone="+7 912 345-67-89")
    lead_id = int(str(first["id"]))
    await post(http, phone="+7 912 345-67-89", email="new@x.ru")
    [told] = await rows(world, lead_id, OutboxPurpose.MEMBER_NOTICE)
    assert "new@x.ru" not in told.text and "🔁" in told.text


async def test_after_the_window_or_once_closed_a_repeat_is_a_new_lead(
    http: Client, world: World
) -> None:
    team = await _team(world)
    await add_member(world, team, OLGA)
    _, first = await post(http, name="Иван", phone="+7 912 345-67-89")
    world.clock.advance(int(timedelta(hours=1, seconds=1).total_seconds()))
    _, late = await post(http, name="Иван", phone="+7 912 345-67-89")
    assert late["id"] != first["id"] and "duplicate" not in late
    # Closed leads are not joined: Olga claims the latest and wins it; a repeat is new.
    late_id = int(str(late["id"]))
    await world.services.claim(late_id, TEAM_CHAT.id, person_of(OLGA))
    await tap(world, OLGA, f"out:won:{late_id}")
    _, after = await post(http, phone="+7 912 345-67-89")
    assert after["id"] not in (first["id"], late["id"])
    # The known-client rule still sends it to the client's manager.
    lead = await LeadRepo(world.db.conn).get(int(str(after["id"])))
    assert lead is not None


async def test_with_the_window_off_every_submission_is_a_lead(http: Client, world: World) -> None:
    assert "нет" in await reply_to(world, HEAD, "/set duplicate_window нет")
    _, first = await post(http, phone="+7 912 345-67-89")
    _, second = await post(http, phone="+7 912 345-67-89")
    assert first["id"] != second["id"] and await lead_count(world) == 2


async def test_a_different_client_of_the_same_company_is_a_lead_of_their_own(
    http: Client, world: World
) -> None:
    _, first = await post(http, name="Иван", company="ООО Ромашка", phone="+7 912 000-00-01")
    _, second = await post(http, name="Ольга", company="ООО Ромашка", phone="+7 912 000-00-02")
    assert first["id"] != second["id"]


async def test_newlead_of_a_known_open_client_says_it_joined(http: Client, world: World) -> None:
    _, first = await post(http, name="Иван", phone="+7 912 345-67-89")
    answer = await reply_to(world, HEAD, "/newlead Иван, +7 912 345-67-89, ещё вопрос")
    assert answer == (
        f"Этот клиент уже есть в открытом лиде №{first['id']}: заявка добавлена в историю лида."
    )
    assert await lead_count(world) == 1


async def _team(world: World) -> TeamRecord:
    """The team the `http` fixture set up."""
    [team] = await TeamRepo(world.db.conn).all()
    return team
