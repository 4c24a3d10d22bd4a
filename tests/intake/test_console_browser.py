"""The console in a real browser: Debian's headless Chromium opens the page with launch data
signed as Telegram signs it, a head pauses a manager and taps a mode, and the next lead
follows both. The page, its API and the services are the real ones, on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.routing import Mode
from bot.team_settings import MODE
from storage import LeadStatus, MemberRepo
from tests.browser import CHROMIUM, browser_tab
from tests.builders import HEAD, IVAN, OLGA
from tests.conftest import World
from tests.console_page import page_address, serve_stand_in
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to
from tests.dispatcher.test_lead_life import status
from tests.dispatcher.test_rules import submit
from tests.intake.test_console import console_app, signed

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run does)")


def text_of(selector: str) -> str:
    return f"document.querySelector({json.dumps(selector)})?.textContent"


CHECKED = 'document.querySelector("[data-mode={}]")?.getAttribute("aria-checked")'


async def test_a_head_pauses_a_manager_and_taps_a_mode_and_the_next_lead_follows(
    world: World,
) -> None:
    team = await make_team(world)
    ivan_id = (await add_member(world, team, IVAN)).id
    await add_member(world, team, OLGA)
    app = console_app(world)
    serve_stand_in(app)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        assert client.server.port is not None
        address = page_address(client.server.port, signed(HEAD.id, world.clock.now()))
        async with browser_tab(address) as tab:
            # The team first: a tap pauses Ivan, as /pause @ivan would.
            ivan = f'[data-member="{ivan_id}"]'
            state = text_of(f"{ivan} .state")
            assert await tab.wait_for(state) == "🟢 лидов в работе нет"
            title = await tab.evaluate(text_of("#title"))
            assert title == "Пульт отдела · Отдел продаж"
            await tab.click(f'{ivan} button[data-pause="true"]')
            assert await tab.wait_for(f'{state} === "⏸ пауза" && {state}') == "⏸ пауза"
            # Then the settings: a tap changes the mode.
            await tab.click("#tab-settings")
            assert await tab.wait_for(CHECKED.format("first_come")) == "true"
            await tab.click('[data-mode="least_loaded"]')
            assert await tab.wait_for(text_of("#note")) == "Сохранено: Меньше всего в работе."
            assert await tab.evaluate(CHECKED.format("least_loaded")) == "true"
            assert await tab.evaluate(CHECKED.format("first_come")) == "false"
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.LEAST_LOADED
    paused = await MemberRepo(world.db.conn).by_id(ivan_id)
    assert paused is not None and paused.paused_at is not None
    # The next lead follows both: offered (no card to claim), and not to Ivan, paused.
    lead_id = await new_lead(world, "ООО Ромашка")
    state, owner = await status(world, lead_id)
    assert state is LeadStatus.OFFERED and owner not in (None, ivan_id)


async def test_a_head_drags_a_rule_above_another_and_the_next_lead_follows(
    world: World,
) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    olga_id = (await add_member(world, team, OLGA)).id
    await reply_to(world, HEAD, "/rule add industry=medical -> @ivan")
    await reply_to(world, HEAD, "/rule add industry=medical -> @olga")
    app = console_app(world)
    serve_stand_in(app)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        assert client.server.port is not None
        launch = signed(HEAD.id, world.clock.now())
        async with browser_tab(page_address(client.server.port, launch) + "#rules") as tab:
            first = text_of("#rule-list li:first-child span:last-child")
            assert await tab.wait_for(first) == "1. отрасль = medical → Ivan"
            await tab.drag('[data-rule="2"] .handle', '[data-rule="1"]')
            assert await tab.wait_for(text_of("#note")) == "Правило 2 теперь под номером 1."
            assert await tab.evaluate(first) == "1. отрасль = medical → Olga"
    # As /rule move 2 1 would have left it: the next medical lead goes to Olga.
    lead_id = await submit(world, ("industry", "medical"))
    assert await status(world, lead_id) == (LeadStatus.OFFERED, olga_id)
