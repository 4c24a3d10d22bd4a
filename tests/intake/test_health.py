from __future__ import annotations

from bot.services.health import NO_HEADS
from tests.conftest import World
from tests.intake.conftest import AUTH, Client


async def test_health_reports_the_database_telegram_and_the_queue(
    http: Client, world: World
) -> None:
    await http.post("/leads", json={"name": "A"}, headers=AUTH)
    world.clock.advance(12)
    response = await http.get("/health")
    assert response.status == 200
    body = await response.json()
    assert body["database"] is True
    assert body["telegram"] is False  # nothing has talked to Telegram in this test
    assert body["status"] == "degraded"
    assert body["queue"] == {"pending": 1, "oldest_seconds": 12.0}


async def test_health_counts_the_heads_and_warns_when_there_is_none(
    http: Client, world: World
) -> None:
    body = await (await http.get("/health")).json()
    assert body["heads_of_sales"] == 1 and body["warnings"] == []
    world.services.roles.admin_ids = frozenset()  # ADMIN_IDS left empty
    body = await (await http.get("/health")).json()
    assert body["heads_of_sales"] == 0
    assert body["warnings"] == [NO_HEADS] and "ADMIN_IDS is empty" in NO_HEADS
