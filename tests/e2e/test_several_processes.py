"""Two bot processes on one PostgreSQL database, against the fake Bot API: they split the
forms between them, one dies by SIGKILL, the other takes over the outbox, the timers and
polling; nothing is lost, nothing sent twice beyond the one message the kill may cut off."""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from storage import Database, LeadEventRepo, LeadRepo, OutboxRepo
from storage.clock_format import to_db
from tests.e2e.conftest import (
    HEAD,
    IVAN,
    OLGA,
    TEAM,
    cards_by_lead,
    command,
    set_up_team,
)
from tests.e2e.process import BotProcess, free_port
from tests.e2e.test_caddy import CADDY, CADDYFILE, caddy
from tests.e2e.test_crash import AUTH, post_leads
from tests.engines import drop_database, new_database
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres

# The promise: the survivor answers within 5 s of the leader's death. The lease
# lapses 3 s after its last renewal and the standby tries every second: 4 s at most, and
# what is left is its start of polling and the answer itself.
TAKEOVER = 5.0
SEVERAL = CADDYFILE.with_name("Caddyfile.several")


@pytest.fixture
async def shared() -> AsyncIterator[str]:
    url = await new_database()
    yield url
    await drop_database(url)


def process(tmp_path: Path, tg: FakeTelegram, url: str, name: str) -> BotProcess:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return BotProcess(folder, tg, url, name)


def reminders(tg: FakeTelegram, lead_id: int) -> int:
    return sum(1 for m in tg.chat(TEAM.id) if f"Лид №{lead_id} (" in m.text and "ждёт" in m.text)


async def test_two_processes_share_the_work_and_one_takes_over_when_the_other_dies(
    tmp_path: Path, tg: FakeTelegram, shared: str
) -> None:
    first = process(tmp_path, tg, shared, "first")
    second = process(tmp_path, tg, shared, "second")
    await first.start()  # it leads: it polls
    await second.start(polls_too=False)  # a standby serves the intake, and waits
    try:
        await set_up_team(tg)
        await command(tg, "/set claim_remind 1h", "Сохранено")

        # A burst split between the two, each form to its own process.
        keys = [f"k-{n}" for n in range(60)]
        ids: dict[str, int] = {}
        await asyncio.gather(
            post_leads(first.url, keys[:40:2], ids), post_leads(second.url, keys[1:40:2], ids)
        )
        assert len(ids) == 40
        await first.kill()
        killed = time.monotonic()

        # The survivor polls, and answers the head, within 5 s of the death.
        seen = len(tg.chat(HEAD.id))
        await tg.say(HEAD, HEAD.id, "/help")
        await tg.wait_for(lambda: len(tg.chat(HEAD.id)) > seen, timeout=30)
        took = time.monotonic() - killed
        assert took <= TAKEOVER, f"the survivor answered {took:.1f} s after the death"

        # Forms that got no answer send again, now all to the survivor; the rest arrive.
        await post_leads(second.url, keys, ids)
        assert len(ids) == 60
        await tg.wait_for(lambda: set(cards_by_lead(tg)) >= set(ids.values()), timeout=30)
        await second.until_delivered()
        shown = cards_by_lead(tg)
        assert sum(shown.values()) - len(shown) <= 1  # one kill, at most one repeated card

        # The dead process comes back, as a standby: two processes run again.
        again = process(tmp_path, tg, shared, "again")
        await again.start(polls_too=False)
        try:
            await _a_due_reminder_fires_once(tg, shared, ids[keys[-1]])
            await _three_taps_give_one_owner(tg, shared, ids[keys[0]])
            await second.until_delivered()
        finally:
            await again.stop()
    finally:
        await second.stop()
    db = await Database.open(shared)
    try:
        leads = [await LeadRepo(db.conn).get(lead_id) for lead_id in sorted(set(ids.values()))]
        assert len(leads) == 60 and all(lead and lead.card_message_id for lead in leads)
        assert await OutboxRepo(db.conn).backlog() == (0, None)
    finally:
        await db.close()


async def _a_due_reminder_fires_once(tg: FakeTelegram, url: str, lead_id: int) -> None:
    """The reminder's moment comes (written as another program would): the leader hears
    of it and fires it; the standby does not."""
    db = await Database.open(url)
    try:
        past = to_db(datetime.now(UTC) - timedelta(minutes=1))
        moved = await db.conn.execute(
            "UPDATE timers SET due_at = ? WHERE lead_id = ? AND kind = 'claim_remind' "
            "AND fired_at IS NULL AND cancelled_at IS NULL",
            (past, lead_id),
        )
        assert moved == 1
        await tg.wait_for(lambda: reminders(tg, lead_id) >= 1, timeout=15)
        for _ in range(100):  # until the row says it fired, whoever fired it
            row = await db.conn.fetch_one(
                "SELECT COUNT(*) FROM timers WHERE lead_id = ? AND kind = 'claim_remind' "
                "AND fired_at IS NOT NULL",
                (lead_id,),
            )
            if row is not None and row[0] == 1:
                break
            await asyncio.sleep(0.1)
    finally:
        await db.close()
    assert reminders(tg, lead_id) == 1


async def _three_taps_give_one_owner(tg: FakeTelegram, url: str, lead_id: int) -> None:
    [card] = [m for m in tg.chat(TEAM.id) if m.text.split("\n")[0].endswith(f"№{lead_id}")]
    answered = len(tg.callback_answers)
    await asyncio.gather(tg.tap(IVAN, card), tg.tap(OLGA, card), tg.tap(IVAN, card))
    await tg.wait_for(lambda: len(tg.callback_answers) >= answered + 3, timeout=15)
    db = await Database.open(url)
    try:
        lead = await LeadRepo(db.conn).get(lead_id)
        assert lead is not None and lead.owner_id is not None
        claims = [e for e in await LeadEventRepo(db.conn).for_lead(lead_id) if e.kind == "claimed"]
        assert [e.member_id for e in claims] == [lead.owner_id]
    finally:
        await db.close()


@pytest.mark.skipif(CADDY is None, reason="caddy is not installed (.ci/run does)")
async def test_behind_caddy_a_form_never_sees_a_process_die(
    tmp_path: Path, tg: FakeTelegram, shared: str
) -> None:
    """deploy/Caddyfile.several in front of two processes: forms are spread over both, and
    after one is killed every form still gets its 201, from the other."""
    first = process(tmp_path, tg, shared, "first")
    second = process(tmp_path, tg, shared, "second")
    await first.start()
    await second.start(polls_too=False)
    more = {"FIRST": f"127.0.0.1:{first.port}", "SECOND": f"127.0.0.1:{second.port}"}
    try:
        await set_up_team(tg)
        async with caddy(free_port(), first.port, tmp_path / "caddy", SEVERAL, more) as (
            url,
            tls,
        ):
            statuses = await _post_through(url, tls, [f"c-{n}" for n in range(20)])
            assert statuses == [201] * 20
            served = [_served(first), _served(second)]
            assert all(count > 0 for count in served), f"one process took all: {served}"
            await first.kill()
            statuses = await _post_through(url, tls, [f"d-{n}" for n in range(20)])
            assert statuses == [201] * 20
        await tg.wait_for(lambda: len(cards_by_lead(tg)) == 40, timeout=30)
    finally:
        await second.stop()


async def _post_through(url: str, tls: ssl.SSLContext, keys: list[str]) -> list[int]:
    statuses = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=tls)) as http:
        for key in keys:
            async with http.post(
                f"{url}/leads",
                json={"name": f"Клиент {key}"},
                headers={**AUTH, "Idempotency-Key": key},
            ) as response:
                statuses.append(response.status)
    return statuses


def _served(bot: BotProcess) -> int:
    return bot.log.read_text(encoding="utf-8").count("intake: lead ")
