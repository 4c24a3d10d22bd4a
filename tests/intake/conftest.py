from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.intake.client_guard import ClientGuard
from bot.intake.ratelimit import ClientLimiter
from bot.intake.web import make_intake_app
from tests.conftest import World
from tests.dispatcher.conftest import make_team

TOKEN = "s3cret-intake-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
Client = TestClient[web.Request, web.Application]


# How long the intake waits for a locked database in tests: short, it is a real wait.
STORAGE_WAIT = 0.2


def intake_app(
    world: World,
    token: str | None = TOKEN,
    per_minute: int = 100_000,
    guard: ClientGuard | None = None,
) -> web.Application:
    return make_intake_app(
        world.services.intake,
        world.services.health,
        world.services.refusals,
        SecretStr(token) if token is not None else None,
        ClientLimiter(per_minute, world.clock),
        world.services.sources,
        guard or ClientGuard.of(world.services.refusals, world.clock),
        storage_wait=STORAGE_WAIT,
    )


@pytest.fixture
async def http(world: World) -> AsyncIterator[Client]:
    """The intake app on a real 127.0.0.1 port, with a team already set up."""
    await make_team(world)
    async with TestClient(TestServer(intake_app(world), host="127.0.0.1")) as client:
        yield client
