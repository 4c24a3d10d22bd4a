"""The console in a real browser: Debian's headless Chromium opens the page with launch data
signed as Telegram signs it, a head taps a mode, and the next lead follows it. The page, its
API and the services are the real ones, on 127.0.0.1."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.routing import Mode
from bot.team_settings import MODE
from storage import LeadStatus
from tests.browser import CHROMIUM, browser_tab
from tests.builders import HEAD, IVAN, OLGA
from tests.conftest import World
from tests.console_page import page_address, serve_stand_in
from tests.dispatcher.conftest import add_member, make_team, new_lead
from tests.dispatcher.test_lead_life import status
from tests.intake.test_console import console_app, signed

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run does)")

CHECKED = 'document.querySelector("[data-mode={}]")?.getAttribute("aria-checked")'


async def test_a_head_taps_a_mode_and_the_next_lead_follows_it(world: World) -> None:
    team = await make_team(world)
    for user in (IVAN, OLGA):
        await add_member(world, team, user)
    app = console_app(world)
    serve_stand_in(app)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        assert client.server.port is not None
        address = page_address(client.server.port, signed(HEAD.id, world.clock.now()))
        async with browser_tab(address) as tab:
            assert await tab.wait_for(CHECKED.format("first_come")) == "true"
            title = await tab.evaluate('document.getElementById("title").textContent')
            assert title == "Пульт отдела · Отдел продаж"
            await tab.click('[data-mode="least_loaded"]')
            note = 'document.getElementById("note").textContent'
            assert await tab.wait_for(note) == "Сохранено: Меньше всего в работе."
            assert await tab.evaluate(CHECKED.format("least_loaded")) == "true"
            assert await tab.evaluate(CHECKED.format("first_come")) == "false"
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.LEAST_LOADED
    lead_id = await new_lead(world, "ООО Ромашка")
    state, owner = await status(world, lead_id)
    assert state is LeadStatus.OFFERED and owner is not None  # no longer a card to claim
