"""Screenshots of the head's console, light and dark, for the README and for a person to look
at: the real page and API on 127.0.0.1, a team in a throwaway database, and Debian's headless
Chromium. Telegram's own script cannot load offline, so a stand-in gives the page what
Telegram would: signed launch data and the theme's colours.

    python docs/console/shoot.py        # writes docs/console/*.png
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import web
from aiohttp.test_utils import TestServer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.routing import Mode  # noqa: E402
from storage import Database  # noqa: E402
from tests.builders import HEAD, IVAN, OLGA  # noqa: E402
from tests.conftest import make_world  # noqa: E402
from tests.dispatcher.conftest import add_member, make_team  # noqa: E402
from tests.fakes.clock import FakeClock  # noqa: E402
from tests.intake.test_console import console_app, signed  # noqa: E402

OUT = Path(__file__).parent
THEMES = {
    "light": {},
    "dark": {
        "bg_color": "#17212b",
        "text_color": "#f5f5f5",
        "hint_color": "#708499",
        "button_color": "#5288c1",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#232e3c",
    },
}
STAND_IN = """
const params = new URLSearchParams(location.search);
const theme = JSON.parse(params.get("theme") || "{}");
for (const [name, value] of Object.entries(theme)) {
  document.documentElement.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
}
window.Telegram = { WebApp: {
  initData: params.get("launch"), ready() {}, expand() {},
  HapticFeedback: { notificationOccurred() {} },
} };
"""


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "leads.db")
        world = make_world(Path(folder), db, FakeClock())
        team = await make_team(world)
        for user in (IVAN, OLGA):
            await add_member(world, team, user)
        await world.services.managers.set_mode(Mode.ROUND_ROBIN)
        app = console_app(world)
        page = (ROOT / "bot" / "console" / "static" / "index.html").read_text()
        page = page.replace("https://telegram.org/js/telegram-web-app.js", "stand-in.js")

        async def shot_page(_: web.Request) -> web.Response:
            return web.Response(text=page, content_type="text/html")

        async def stand_in(_: web.Request) -> web.Response:
            return web.Response(text=STAND_IN, content_type="text/javascript")

        app.router.add_get("/shot", shot_page)
        app.router.add_get("/stand-in.js", stand_in)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        try:
            for who, user in (("head", HEAD), ("manager", IVAN)):
                for name, colours in THEMES.items():
                    launch = signed(user.id, world.clock.now(), language="ru")
                    query = urlencode({"launch": launch, "theme": json.dumps(colours)})
                    url = f"http://127.0.0.1:{server.port}/shot?{query}"
                    await asyncio.to_thread(_screenshot, url, OUT / f"{who}-{name}.png")
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
