"""The bot token never reaches the log, even when a proxy in front of the Bot API answers
its own HTML page quoting the path; such an answer is an outage, retried, never a crash."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from tests.conftest import TOKEN
from tests.e2e.conftest import INTAKE_TOKEN, TEAM, set_up_team
from tests.e2e.process import BotProcess
from tests.fakes.faults import ProxyPage
from tests.fakes.telegram import FakeTelegram


@pytest.mark.slow
async def test_a_proxys_html_pages_are_retried_and_the_token_is_never_logged(
    tmp_path: Path, tg: FakeTelegram
) -> None:
    tg.fail("getMe", ProxyPage(502), ProxyPage(404))
    bot = BotProcess(tmp_path, tg)
    await bot.start()  # it waited out the pages instead of exiting
    try:
        await set_up_team(tg)
        tg.fail("sendMessage", ProxyPage(502), ProxyPage(502), ProxyPage(404))
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"{bot.url}/leads",
                json={"name": "Клиент"},
                headers={"Authorization": f"Bearer {INTAKE_TOKEN}"},
            ) as response,
        ):
            assert response.status == 201
        await tg.wait_message(TEAM.id, "Новый лид №", timeout=30)
    finally:
        await bot.stop()
    served = [fault for _, fault in tg.served if isinstance(fault, ProxyPage)]
    assert len(served) == 5
    log = bot.log.read_text()
    assert "not its JSON" in log  # the pages were seen, and said so
    assert TOKEN not in log and TOKEN.partition(":")[2] not in log
    assert INTAKE_TOKEN not in log
    assert "Traceback" not in log
