"""A request with the right token that still makes no lead is kept and reported to the heads:
at once, then at most once an hour per reason, with what it sent."""

from __future__ import annotations

import json

from storage import OutboxPurpose, OutboxRepo, RefusalRepo
from tests.builders import HEAD
from tests.conftest import World
from tests.dispatcher.conftest import lead_count
from tests.intake.conftest import AUTH, Client

FORM_SITE = {**AUTH, "Origin": "https://romashka.ru", "Content-Type": "application/json"}


async def head_notices(world: World) -> list[str]:
    return [
        str(row[0])
        for row in await world.db.conn.fetch_all(
            "SELECT text FROM outbox WHERE chat_id = ? AND purpose = ? ORDER BY id",
            (HEAD.id, OutboxPurpose.HEAD_NOTICE.value),
        )
    ]


async def test_a_refused_request_is_kept_and_the_heads_are_told_in_russian(
    http: Client, world: World
) -> None:
    body = json.dumps({"utm_source": "yandex", "formid": "form-77"}).encode()
    response = await http.post("/leads", data=body, headers=FORM_SITE)
    assert response.status == 400
    [kept] = await RefusalRepo(world.db.conn).latest()
    assert kept.reason == "empty" and kept.status == 400 and kept.origin == "romashka.ru"
    assert kept.reported_at == world.clock.now()
    assert kept.body_sample == body.decode() and kept.at == world.clock.now()
    [notice] = await head_notices(world)
    assert "Форма с romashka.ru прислала заявки, из которых не получилось сделать лид: 1" in (
        notice
    )
    assert "в заявке нет ни одного заполненного поля, только служебные" in notice
    assert "form-77" in notice
    assert "nothing to make" not in notice  # our English error text stays out of it
    assert await lead_count(world) == 0


async def test_refusals_are_reported_at_most_once_an_hour_per_reason(
    http: Client, world: World
) -> None:
    for _ in range(3):
        await http.post("/leads", data=b"{}", headers=FORM_SITE)
        world.clock.advance(60)
    await http.post("/leads", data=b"<a>A</a>", headers={**AUTH, "Content-Type": "text/xml"})
    notices = await head_notices(world)
    assert len(notices) == 2  # the first "empty", and the first wrong content type
    assert len(await RefusalRepo(world.db.conn).unreported()) == 2

    assert await world.services.refusals.report_due() == 0  # within the hour: nothing
    world.clock.advance(3600)
    assert await world.services.refusals.report_due() == 1
    notices = await head_notices(world)
    assert len(notices) == 3
    assert "не получилось сделать лид: 2" in notices[-1]
    assert await RefusalRepo(world.db.conn).unreported() == []
    assert await world.services.refusals.report_due() == 0


async def test_the_first_kilobyte_of_an_oversized_body_is_kept(http: Client, world: World) -> None:
    body = b'{"message": "' + b"x" * (70 * 1024) + b'"}'
    response = await http.post("/leads", data=body, headers=FORM_SITE)
    assert response.status == 413
    [kept] = await RefusalRepo(world.db.conn).latest()
    assert kept.reason == "too_large" and kept.body_sample == body[:1024].decode()


async def test_a_wrong_token_is_not_a_form_of_ours_and_is_not_kept(
    http: Client, world: World
) -> None:
    response = await http.post("/leads", data=b"{}", headers={"Content-Type": "application/json"})
    assert response.status == 401
    assert await RefusalRepo(world.db.conn).latest() == []
    assert await OutboxRepo(world.db.conn).backlog() == (0, None)


async def test_tildas_connection_check_gets_ok_and_stores_nothing(
    http: Client, world: World
) -> None:
    response = await http.post("/leads", data={"test": "test"}, headers=AUTH)
    assert (response.status, await response.text()) == (200, "ok")
    assert await lead_count(world) == 0
    assert await RefusalRepo(world.db.conn).latest() == []


async def test_health_counts_the_refusals_of_the_last_day(http: Client, world: World) -> None:
    await http.post("/leads", data=b"{}", headers=FORM_SITE)
    world.clock.advance(2 * 86400)
    await http.post("/leads", data=b"[1", headers=FORM_SITE)
    body = await (await http.get("/health")).json()
    assert body["intake_refused_last_day"] == 1
