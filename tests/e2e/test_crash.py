"""SIGKILL the real bot process in the middle of work, start it again on the same database:
no lead lost, none without a card, no lead with two owners."""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from storage import Database, LeadEventRepo, LeadRepo, MemberRepo, OutboxRepo
from tests.e2e.conftest import (
    CARD_TITLE,
    INTAKE_TOKEN,
    IVAN,
    OLGA,
    TEAM,
    cards_by_lead,
    set_up_team,
)
from tests.e2e.process import BotProcess
from tests.fakes.telegram import FakeTelegram

OWNER_DM = re.compile(r"Лид №(\d+) — ваш")
AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}


@pytest.fixture
async def bot(
    tmp_path: Path, tg: FakeTelegram, database_target: Path | str
) -> AsyncIterator[BotProcess]:
    process = BotProcess(tmp_path, tg, database_target)
    await process.start()
    try:
        yield process
    finally:
        await process.stop()


async def post_leads(
    url: str, keys: list[str], ids: dict[str, int], halfway: asyncio.Event | None = None
) -> None:
    """Post each lead as a website form would; stop at the first failure (the bot is down)."""
    async with aiohttp.ClientSession() as http:
        for key in keys:
            try:
                async with http.post(
                    f"{url}/leads",
                    json={"name": f"Клиент {key}"},
                    headers={**AUTH, "Idempotency-Key": key},
                ) as response:
                    assert response.status in {200, 201}, await response.text()
                    lead_id = (await response.json())["id"]
            except aiohttp.ClientError:
                return
            assert ids.setdefault(key, lead_id) == lead_id  # a retry names the same lead
            if halfway is not None and len(ids) >= len(keys) // 2:
                halfway.set()
            await asyncio.sleep(0)


async def test_a_kill_while_leads_arrive_loses_none_and_repeats_at_most_one_card(
    tg: FakeTelegram, bot: BotProcess
) -> None:
    await set_up_team(tg)
    keys = [f"form-{n}" for n in range(200)]
    ids: dict[str, int] = {}
    halfway = asyncio.Event()
    posting = asyncio.create_task(post_leads(bot.url, keys, ids, halfway))
    await asyncio.wait_for(halfway.wait(), timeout=30)  # cards are going out meanwhile
    await bot.kill()
    await posting
    assert len(ids) < 200

    await bot.start()
    await post_leads(bot.url, keys, ids)  # forms that got no answer send again
    assert len(ids) == 200
    await bot.until_delivered()
    await bot.stop()

    shown = cards_by_lead(tg)
    assert sum(shown.values()) - len(shown) <= 1  # one kill, at most one repeated card
    db = await Database.open(bot.database)
    try:
        leads = [await LeadRepo(db.conn).get(lead_id) for lead_id in sorted(set(ids.values()))]
        assert len(leads) == 200 and all(lead and lead.card_message_id for lead in leads)
        assert await OutboxRepo(db.conn).backlog() == (0, None)
    finally:
        await db.close()


async def test_a_kill_during_a_burst_of_claims_leaves_no_lead_with_two_owners(
    tg: FakeTelegram, bot: BotProcess
) -> None:
    await set_up_team(tg)
    ids: dict[str, int] = {}
    await post_leads(bot.url, [f"c-{n}" for n in range(40)], ids)
    await tg.wait_for(lambda: len(cards_by_lead(tg)) == 40, timeout=30)
    answered_before = len(tg.callback_answers)
    for sent in tg.chat(TEAM.id):
        if CARD_TITLE.search(sent.text):
            await tg.tap(IVAN, sent)
            await tg.tap(OLGA, sent)
    await tg.wait_for(lambda: len(tg.callback_answers) >= answered_before + 30, timeout=30)
    await bot.kill()

    await bot.start()  # taps the dead process had not confirmed come again
    await tg.wait_for(lambda: tg.pending_updates() == 0, timeout=30)
    await tg.wait_for(lambda: len(owner_dms(tg)) == 40, timeout=30)
    await tg.wait_for(
        lambda: all("В работе у" in s.text for s in tg.chat(TEAM.id) if CARD_TITLE.search(s.text))
    )
    await bot.stop()

    dms = owner_dms(tg)
    db = await Database.open(bot.database)
    try:
        for lead_id in ids.values():
            lead = await LeadRepo(db.conn).get(lead_id)
            assert lead is not None and lead.owner_id is not None, "a tap was lost"
            owner = await MemberRepo(db.conn).by_id(lead.owner_id)
            assert owner is not None
            events = await LeadEventRepo(db.conn).for_lead(lead_id)
            assert [e.member_id for e in events if e.kind == "claimed"] == [owner.id]
            assert dms[lead_id] == {owner.user_id}, f"lead {lead_id} went to {dms[lead_id]}"
            card = next(s for s in tg.chat(TEAM.id) if f"№{lead_id}" in s.text)
            assert owner.full_name in card.text
    finally:
        await db.close()


def owner_dms(tg: FakeTelegram) -> dict[int, set[int]]:
    """Lead id -> the users whose private chat got its contacts."""
    recipients: dict[int, set[int]] = defaultdict(set)
    for user in (IVAN, OLGA):
        for sent in tg.chat(user.id):
            if match := OWNER_DM.search(sent.text):
                recipients[int(match.group(1))].add(user.id)
    return recipients
