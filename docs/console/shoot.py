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
from tests.builders import HEAD, IVAN, OLGA  # noqa: E402
from tests.conftest import make_world  # noqa: E402
from tests.console_page import DARK, page_address, serve_stand_in  # noqa: E402
from tests.dispatcher.conftest import add_member, make_team  # noqa: E402
from tests.fakes.clock import FakeClock  # noqa: E402
from tests.intake.test_console import console_app, signed  # noqa: E402

OUT = Path(__file__).parent
THEMES: dict[str, dict[str, str]] = {"light": {}, "dark": DARK}


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "leads.db")
        world = make_world(Path(folder), db, FakeClock())
        team = await make_team(world)
        for user in (IVAN, OLGA):
            await add_member(world, team, user)
        await world.services.managers.set_mode(Mode.ROUND_ROBIN)
        app = console_app(world)
        serve_stand_in(app)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        assert server.port is not None
        try:
            for who, user in (("head", HEAD), ("manager", IVAN)):
                for name, colours in THEMES.items():
                    launch = signed(user.id, world.clock.now(), language="ru")
                    address = page_address(server.port, launch, colours)
                    await asyncio.to_thread(_screenshot, address, OUT / f"{who}-{name}.png")
        finally:
            await server.close()
            await db.close()


def _screenshot(url: str, target: Path) -> None:
    browser = shutil.which("chromium")
    if browser is None:
        raise SystemExit("no chromium: apt-get install -y chromium")
    subprocess.run(  # noqa: S603 - our own browser, on our own page's address
        [
            browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--window-size=420,1700", "--virtual-time-budget=5000",
            f"--screenshot={target}", url,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    print(target)


if __name__ == "__main__":
    asyncio.run(main())
