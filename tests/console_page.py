"""The console's page in a browser without Telegram: Telegram's own script cannot load
offline, so a stand-in gives the page what Telegram would, signed launch data and the
theme's colours, and the page is served as shipped but for that one script's address."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import web

PAGE = Path(__file__).parents[1] / "bot" / "console" / "static" / "index.html"
TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js"
DARK = {
    "bg_color": "#17212b",
    "text_color": "#f5f5f5",
    "hint_color": "#708499",
    "button_color": "#5288c1",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#232e3c",
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


def serve_stand_in(app: web.Application) -> None:
    """`/shot?launch=…&theme=…`: the console's page, opened as Telegram would open it."""
    page = PAGE.read_text()
    assert TELEGRAM_SCRIPT in page
    page = page.replace(TELEGRAM_SCRIPT, "stand-in.js")

    async def shot(_: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    async def stand_in(_: web.Request) -> web.Response:
        return web.Response(text=STAND_IN, content_type="text/javascript")

    app.router.add_get("/shot", shot)
    app.router.add_get("/stand-in.js", stand_in)


def page_address(port: int, launch: str, theme: dict[str, str] | None = None) -> str:
    query = urlencode({"launch": launch, "theme": json.dumps(theme or {})})
    return f"http://127.0.0.1:{port}/shot?{query}"
