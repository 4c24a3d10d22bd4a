"""deploy/Caddyfile in front of the real application in webhook mode: real Caddy (from
Debian's packages; .ci/run installs it), HTTPS from Caddy's own authority for `localhost`,
as in the README's local trial. The fake Bot API delivers updates over HTTPS through Caddy
(trusting that authority alone), with the secret; a form posted over HTTPS becomes a card;
/health answers through it; anything else, and a body far too big, is stopped by Caddy."""

from __future__ import annotations

import asyncio
import os
import shutil
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import make_settings
from tests.e2e.conftest import FAST, INTAKE_TOKEN, IVAN, OLGA, TEAM, set_up_team
from tests.e2e.process import free_port
from tests.e2e.test_webhook import webhook_app
from tests.fakes.telegram import FakeTelegram

CADDY = shutil.which("caddy")
CADDYFILE = Path(__file__).resolve().parents[2] / "deploy" / "Caddyfile"
AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
pytestmark = pytest.mark.skipif(CADDY is None, reason="caddy is not installed (.ci/run does)")


async def answers(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


@asynccontextmanager
async def caddy(
    https: int,
    intake_port: int,
    home: Path,
    config: Path = CADDYFILE,
    more: dict[str, str] | None = None,
) -> AsyncIterator[tuple[str, ssl.SSLContext]]:
    """Caddy serving `localhost:https` in front of the intake; its URL, and a TLS context
    that trusts Caddy's own authority (and nothing else)."""
    assert CADDY is not None
    env = {
        **os.environ,
        "DOMAIN": f"localhost:{https}",
        "INTAKE_PORT": str(intake_port),
        "CADDY_ADMIN": f"localhost:{free_port()}",
        "CADDY_HTTP_PORT": str(free_port()),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        **(more or {}),
    }
    await asyncio.to_thread(home.mkdir, parents=True, exist_ok=True)
    log = (home / "caddy.log").open("w")
    process = await asyncio.create_subprocess_exec(
        CADDY, "run", "--config", str(config), "--adapter", "caddyfile",
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


async def test_updates_and_forms_reach_the_bot_over_https_through_caddy(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    https, intake_port = free_port(), free_port()
    webhook = f"https://localhost:{https}/telegram"
    settings = make_settings(
        tmp_path, telegram_api_url=tg.url, intake_port=intake_port, webhook_url=webhook, **FAST
    )
    async with caddy(https, intake_port, tmp_path / "caddy") as (url, trusted):
        tg.webhook.trusted = trusted  # Telegram checks the certificate; here, Caddy's own
        async with (
            webhook_app(settings, tg) as app,
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusted)) as http,
        ):
            assert tg.webhook.hook is not None and tg.webhook.hook.url == webhook
            await set_up_team(tg)  # every update of it came through Caddy
            form = {"name": "ООО Ромашка", "phone": "+7 912 345-67-89"}
            async with http.post(f"{url}/leads", json=form, headers=AUTH) as response:
                assert response.status == 201, await response.text()
                created = await response.json()
            card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
            assert "912" not in card.text
            answers = await asyncio.gather(*(tg.press(user, card) for user in (IVAN, OLGA)))
            assert sum("ваш" in a["text"] or "yours" in a["text"] for a in answers) == 1
            await tg.wait_for(lambda: tg.pending_updates() == 0)
            assert set(tg.webhook.delivered.values()) == {1}
            update = {"update_id": 1, "message": {"message_id": 1, "date": 1, "text": "/help"}}
            async with http.post(webhook, json=update) as response:
                assert response.status == 401  # no secret: refused, through Caddy too
            async with http.post(f"{url}/leads", json=form) as response:
                assert response.status == 401  # the bot's own answer, through Caddy
            async with http.get(f"{url}/health") as response:
                assert response.status == 200
                assert (await response.json())["database"] is True
            async with http.get(f"{url}/app") as response:
                assert response.status == 200  # the heads' console, served by the bot
                assert "telegram-web-app.js" in await response.text()
            async with http.get(f"{url}/app/api/me") as response:
                assert response.status == 401  # no launch data: the bot's answer
            async with http.get(f"{url}/admin") as response:
                assert response.status == 404  # Caddy's: never reaches the bot
            # A body past the bot's limit is refused by Caddy, before the bot, in its words.
            too_big = b"x" * (100 * 1024)
            async with http.post(f"{url}/leads", data=too_big, headers=AUTH) as response:
                assert response.status == 413
                assert await response.text() == "body is larger than 64 KiB"
            assert app.intake_url.endswith(f":{intake_port}")
