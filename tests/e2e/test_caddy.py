"""deploy/Caddyfile in front of the real application: real Caddy (from Debian's packages;
.ci/run installs it), HTTPS from Caddy's own authority for `localhost`, as in the README's
local trial. A form posted over HTTPS becomes a card; /health answers through it; anything
else, and a body far too big, is stopped by Caddy before the bot."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

from tests.e2e.conftest import INTAKE_TOKEN, TEAM, AppFactory, set_up_team
from tests.fakes.telegram import FakeTelegram

CADDY = shutil.which("caddy")
CADDYFILE = Path(__file__).resolve().parents[2] / "deploy" / "Caddyfile"
AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
pytestmark = pytest.mark.skipif(CADDY is None, reason="caddy is not installed (.ci/run does)")


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def answers(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


@asynccontextmanager
async def caddy(intake_port: int, home: Path) -> AsyncIterator[tuple[str, ssl.SSLContext]]:
    """Caddy serving `localhost` over HTTPS in front of the intake; its URL, and a TLS
    context that trusts Caddy's own authority (and nothing else)."""
    assert CADDY is not None
    https = free_port()
    env = {
        **os.environ,
        "DOMAIN": f"localhost:{https}",
        "INTAKE_PORT": str(intake_port),
        "CADDY_ADMIN": f"localhost:{free_port()}",
        "CADDY_HTTP_PORT": str(free_port()),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    await asyncio.to_thread(home.mkdir, parents=True, exist_ok=True)
    log = (home / "caddy.log").open("w")
    process = await asyncio.create_subprocess_exec(
        CADDY, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile",
        env=env, stdout=log, stderr=log,
    )  # fmt: skip
    root = home / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    try:
        for _ in range(200):  # Caddy makes its authority and certificate, then listens
            if process.returncode is not None:
                raise AssertionError(f"caddy exited: {(home / 'caddy.log').read_text()}")
            if root.exists() and await answers(https):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"caddy did not start: {(home / 'caddy.log').read_text()}")
        yield f"https://localhost:{https}", ssl.create_default_context(cafile=str(root))
    finally:
        process.terminate()
        await process.wait()
        log.close()


async def test_forms_reach_the_bot_over_https_through_caddy(
    tg: FakeTelegram, app_factory: AppFactory, tmp_path: Path
) -> None:
    async with app_factory() as app:
        await set_up_team(tg)
        port = urlsplit(app.intake_url).port
        assert port is not None
        async with (
            caddy(port, tmp_path / "caddy") as (url, trusted),
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusted)) as http,
        ):
            form = {"name": "ООО Ромашка", "phone": "+7 912 345-67-89"}
            async with http.post(f"{url}/leads", json=form, headers=AUTH) as response:
                assert response.status == 201, await response.text()
                created = await response.json()
            card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
            assert "912" not in card.text
            async with http.post(f"{url}/leads", json=form) as response:
                assert response.status == 401  # the bot's own answer, through Caddy
            async with http.get(f"{url}/health") as response:
                assert response.status == 200
                assert (await response.json())["database"] is True
            async with http.get(f"{url}/admin") as response:
                assert response.status == 404  # Caddy's: never reaches the bot
            # A body past the bot's limit is refused by Caddy, before the bot.
            async with http.post(
                f"{url}/leads", data=b"x" * (100 * 1024), headers=AUTH
            ) as response:
                assert response.status == 413
