"""Screenshots of the head's console, light and dark, for the README and for a person to look
at: the real page and API on 127.0.0.1, a team in a throwaway database, and Debian's headless
Chromium (`tests/console_page.py` stands in for Telegram's script, which cannot load offline).

    python docs/console/shoot.py        # writes docs/console/*.png
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aiohttp.test_utils import TestServer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.routing import Mode  # noqa: E402
from storage import Database  # noqa: E402
from tests.builders import HEAD, HEAD_PERSON, IVAN, OLGA  # noqa: E402
from tests.conftest import make_world  # noqa: E402
from tests.console_page import DARK, page_address, serve_stand_in  # noqa: E402
from tests.dispatcher.conftest import add_member, make_team, new_lead  # noqa: E402
from tests.dispatcher.test_lead_life import PETR  # noqa: E402
from tests.fakes.clock import FakeClock  # noqa: E402
from tests.intake.test_console import console_app, signed  # noqa: E402

OUT = Path(__file__).parent
THEMES: dict[str, dict[str, str]] = {"light": {}, "dark": DARK}


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "leads.db")
        world = make_world(Path(folder), db, FakeClock())
        team = await make_team(world)
        for user in (IVAN, OLGA, PETR):
            await add_member(world, team, user)
        await world.services.managers.set_mode(Mode.ROUND_ROBIN)
        # A team with something to show: leads in work, a pause, a vacation, a weight.
        for n in range(3):
            await new_lead(world, f"Клиент {n}")
        head = HEAD_PERSON
        await world.services.managers.pause(head, "@olga", paused=True)
        await world.services.managers.set_weight(head, "@petr", "2")
        await world.services.managers.set_skills(head, "@ivan", "CRM, медицина")
        await world.services.vacations.plan(head, "@petr today 2026-12-14 @ivan")
        for rule in (
            "industry=medical -> @ivan",
            "region=Москва, Московская область -> @olga",
            "channel=avito -> @petr",
        ):
            await world.services.rules.add_rule(head, rule)
        app = console_app(world)
        serve_stand_in(app)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        assert server.port is not None
        try:
            shots = (
                ("team", HEAD, "", 640),
                ("rules", HEAD, "#rules", 640),
                ("settings", HEAD, "#settings", 1700),
                ("manager", IVAN, "", 360),
            )
            for screen, user, anchor, height in shots:
                for name, colours in THEMES.items():
                    launch = signed(user.id, world.clock.now(), language="ru")
                    address = page_address(server.port, launch, colours) + anchor
                    target = OUT / f"{screen}-{name}.png"
                    await asyncio.to_thread(_screenshot, address, target, height)
        finally:
            await server.close()
            await db.close()


def _screenshot(url: str, target: Path, height: int) -> None:
    browser = shutil.which("chromium")
    if browser is None:
        raise SystemExit("no chromium: apt-get install -y chromium")
    subprocess.run(  # noqa: S603 - our own browser, on our own page's address
        [
            browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--window-size=420,{height}", "--virtual-time-budget=5000",
            f"--screenshot={target}", url,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    print(target)


if __name__ == "__main__":
    asyncio.run(main())
