"""Debian's headless Chromium, driven over the DevTools protocol with aiohttp's WebSocket
client: Playwright's own browser download is not reachable here, and its library would be
a dependency for what a few protocol calls do."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium")
_LISTENING = re.compile(rb"DevTools listening on (ws://\S+)")
drains: set[asyncio.Task[None]] = set()  # kept referenced while they run


class Tab:
    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        await self._socket.send_json({"id": call_id, "method": method, "params": params})
        async for message in self._socket:
            data = json.loads(message.data)
            if data.get("id") == call_id:
                if "error" in data:
                    raise AssertionError(f"{method}: {data['error']}")
                return data.get("result", {})  # type: ignore[no-any-return]
        raise AssertionError(f"the browser closed during {method}")

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 10.0) -> Any:
        """Poll until `expression` is truthy in the page; fail the test after `timeout`."""
        async with asyncio.timeout(timeout):
            # The page gives no event to wait on: poll it, as a test would look again.
            while not (value := await self.evaluate(expression)):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        return value

    async def box(self, selector: str) -> dict[str, float]:
        """Where the element is on the screen, once it is there: x, y, width, height."""
        found: dict[str, float] = await self.wait_for(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; const r = e.getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
        )
        return found

    async def click(self, selector: str) -> None:
        """A real mouse click at the middle of the element, as a finger's tap would land."""
        box = await self.box(selector)
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        for kind in ("mousePressed", "mouseReleased"):
            await self._mouse(kind, x, y)

    async def drag(self, selector: str, onto: str) -> None:
        """Press on `selector`, move in steps to just inside the top of `onto`, release: a
        drag as a hand makes it, each step a pointer move the page sees."""
        start, end = await self.box(selector), await self.box(onto)
        x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
        to_y = end["y"] + 2
        await self._mouse("mousePressed", x, y)
        for step in range(1, 11):
            await self._mouse("mouseMoved", x, y + (to_y - y) * step / 10, buttons=1)
        await self._mouse("mouseReleased", x, to_y)

    async def _mouse(self, kind: str, x: float, y: float, buttons: int = 0) -> None:
        await self.call(
            "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", buttons=buttons,
            clickCount=0 if kind == "mouseMoved" else 1,
        )  # fmt: skip


@asynccontextmanager
async def browser_tab(address: str) -> AsyncIterator[Tab]:
    """A fresh headless Chromium with one tab open at `address`."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        process = await asyncio.create_subprocess_exec(
            CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=420,900",
            "about:blank",
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            assert process.stderr is not None
            async with asyncio.timeout(30):
                while not (found := _LISTENING.search(await process.stderr.readline())):
                    pass
            # Chromium keeps writing to stderr: read it on, or a full pipe would stall it.
            drain = asyncio.create_task(_drain(process.stderr))
            drains.add(drain)
            drain.add_done_callback(drains.discard)
            browser_socket = found.group(1).decode()
            port = browser_socket.split(":")[2].split("/")[0]
            async with aiohttp.ClientSession() as http:
                async with http.put(f"http://127.0.0.1:{port}/json/new") as response:
                    target = await response.json(content_type=None)
                async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    tab = Tab(ws)
                    # Navigated to, not opened with: /json/new cuts an address at its "&".
                    await tab.call("Page.navigate", url=address)
                    yield tab
        finally:
            process.kill()
            await process.wait()


async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.read(65536):
        pass
