"""Routing rules end to end: the real application, the fake Bot API server and real HTTP
requests to the intake. The article's modes 4 to 6 and their hard cases."""

from __future__ import annotations

from typing import Any

from storage import Database, LeadRepo, LeadStatus, Pool
from tests.e2e.conftest import (
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    Intake,
    command,
    intake_for,
    set_up_team,
)
from tests.e2e.test_lead_life import MARIA, PETR, join
from tests.fakes.telegram import FakeTelegram

# Member ids, in the order set_up_team and join add them.
IVAN_ID, OLGA_ID, PETR_ID, MARIA_ID = 1, 2, 3, 4


async def owner(db: Database, lead_id: int) -> int | None:
    lead = await LeadRepo(db.conn).get(lead_id)
    assert lead is not None
    return lead.owner_id


async def post(intake: Intake, n: int, **fields: Any) -> int:
    """A lead with its own phone, so no two leads are one known client by accident."""
    created = await intake.post(name=f"Клиент {n}", phone=f"+7 913 000-{n:02d}-00", **fields)
    return int(created["id"])


async def team_of_four(tg: FakeTelegram) -> None:
    await set_up_team(tg)
    await join(tg, PETR, MARIA)


async def test_a_combined_set_up_routes_thirty_varied_leads(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await team_of_four(tg)
        await command(tg, "/group add med @olga @petr", "Группа med создана")
        await command(tg, "/group mode med roundrobin", "Группа med: По очереди")
        await command(tg, "/rule add industry=medical,pharma -> group:med", "Правило 1")
        await command(tg, "/rule add region=federal -> @ivan", "Правило 2")
        await command(tg, "/rule add регион=Казань -> @maria", "Правило 3")
        await command(tg, "/alias region kzn Казань", "«kzn» значит «Казань»")
        expected: dict[int, int | None] = {}
        med_turn = [OLGA_ID, PETR_ID]
        med = 0
        for n in range(30):
            match n % 6:
                case 0 | 1:
                    industry = "Medical" if n % 6 == 0 else " PHARMA"
                    lead = await post(intake, n, industry=industry, region="Казань")
                    expected[lead] = med_turn[med % 2]
                    med += 1
                case 2:
                    lead = await post(intake, n, region="Казань, Москва")
                    expected[lead] = IVAN_ID
                case 3:
                    federal = n % 4 == 3
                    lead = await post(intake, n, region="KZN", federal="да" if federal else "нет")
                    expected[lead] = IVAN_ID if federal else MARIA_ID
                case 4:
                    lead = await post(intake, n, region="Москва", industry="фарма")
                    expected[lead] = None  # no rule names it: the team's first come
                case _:
                    lead = await post(intake, n, region=" казань ")
                    expected[lead] = MARIA_ID
        for lead, member in expected.items():
            assert await owner(app.db, lead) == member, (lead, member)
        for lead, member in expected.items():
            if member is None:
                stored = await LeadRepo(app.db.conn).get(lead)
                assert stored is not None and (stored.status, stored.pool) == (
                    LeadStatus.NEW,
                    Pool.CHAT,
                )
                await tg.wait_message(TEAM.id, f"№{lead}")
        olga_offer = await tg.wait_message(OLGA.id, "rule 1: industry = medical, group med")
        assert "+7" not in olga_offer.text
        await tg.wait_message(MARIA.id, "правило 3: регион = Казань")
        await tg.wait_message(IVAN.id, "правило 2: регион = федеральный")


async def test_a_known_client_by_phone_e_mail_and_company_goes_to_the_same_manager(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await team_of_four(tg)
        await command(tg, "/set mode round_robin", "Сохранено")
        # Each request a lead of its own, as after the hour in which a repeat joins the first.
        await command(tg, "/set duplicate_window нет", "Сохранено")
        by_phone = (await intake.post(name="A", phone="+7 912 000-00-01"))["id"]
        by_mail = (await intake.post(name="B", email="Client@Mail.ru"))["id"]
        by_company = (await intake.post(company="ООО «Ромашка»", message="счёт"))["id"]
        assert [await owner(app.db, i) for i in (by_phone, by_mail, by_company)] == [
            IVAN_ID,
            OLGA_ID,
            PETR_ID,
        ]
        again = [
            (await intake.post(name="A2", phone="8 (912) 000 00 01"))["id"],
            (await intake.post(name="B2", email="client@mail.RU"))["id"],
            (await intake.post(company="Ромашка АО", message="ещё"))["id"],
        ]
        assert [await owner(app.db, i) for i in again] == [IVAN_ID, OLGA_ID, PETR_ID]
        await tg.wait_message(IVAN.id, f"известный клиент: тот же телефон, что у лида №{by_phone}")
        await tg.wait_message(OLGA.id, f"known client: same e-mail as lead #{by_mail}")
        await tg.wait_message(
            PETR.id, f"известный клиент: та же компания, что у лида №{by_company}"
        )
        # The turn went on meanwhile: the next new client goes to the next manager.
        fresh = (await intake.post(name="C", phone="+7 912 000-00-09"))["id"]
        assert await owner(app.db, fresh) == MARIA_ID


async def test_registered_or_operating_region_both_ways(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await team_of_four(tg)
        await command(tg, "/rule add region=Москва -> @ivan", "Правило 1")
        await command(tg, "/rule add region=Казань -> @olga", "Правило 2")
        works_in_kazan = {"region": "Казань", "Регион регистрации": "Москва"}
        operating = await post(intake, 1, **works_in_kazan)
        assert await owner(app.db, operating) == OLGA_ID
        await command(tg, "/set region_basis registered", "Сохранено")
        registered = await post(intake, 2, **works_in_kazan)
        assert await owner(app.db, registered) == IVAN_ID
        offer = await tg.wait_message(IVAN.id, f"Лид №{registered}")
        assert "Москва" in offer.text and "Казань" in offer.text  # the other one is on the card
        await command(tg, "/set region_basis operating", "Сохранено")
        assert await owner(app.db, await post(intake, 3, **works_in_kazan)) == OLGA_ID


async def test_a_franchise_brand_is_one_client_or_each_entity_alone(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await team_of_four(tg)
        await command(tg, "/set mode round_robin", "Сохранено")

        async def outlet(n: int) -> int:
            created = await intake.post(
                company=f"ООО Кофе-{n}", brand="Шоколадница", inn=f"77000000{n:02d}"
            )
            return int(created["id"])

        first, second = await outlet(1), await outlet(2)
        assert [await owner(app.db, first), await owner(app.db, second)] == [IVAN_ID, OLGA_ID]
        await command(tg, "/set franchise brand", "Сохранено")
        third = await outlet(3)
        assert await owner(app.db, third) == OLGA_ID  # the brand's latest manager
        await tg.wait_message(OLGA.id, f"same brand as lead #{second}")
        await command(tg, "/set franchise entity", "Сохранено")
        assert await owner(app.db, await outlet(4)) == PETR_ID
