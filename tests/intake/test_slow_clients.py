"""Clients that hold connections open (headers that trickle in, many idle connections
from one address) are timed out and capped; real leads and /health still get through."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.intake.server import ConnectionLimits, GuardedRunner, serve
from tests.conftest import World
from tests.dispatcher.conftest import make_team
from tests.intake.conftest import AUTH, intake_app

LIMITS = ConnectionLimits(per_client=8, total=20, head_timeout=0.3)


@pytest.fixture
async def server(world: World) -> AsyncIterator[tuple[GuardedRunner, int]]:
    await make_team(world)
    runner = await serve(intake_app(world), "127.0.0.1", 0, LIMITS)
    port = runner.addresses[0][1]
    try:
        yield runner, port
    finally:
        await runner.cleanup()


async def trickle(host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection that sends the start of a request head and then nothing more."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"POST /leads HTTP/1.1\r\nHost: x\r\n")
    await writer.drain()
    return reader, writer


async def test_a_request_head_that_never_completes_is_answered_408_and_closed(
    server: tuple[GuardedRunner, int],
) -> None:
    runner, port = server
    reader, writer = await trickle("127.0.0.1", port)
    answer = await asyncio.wait_for(reader.read(), timeout=10)  # until the server closes
    writer.close()
    assert answer.startswith(b"HTTP/1.1 408")
    assert b'"error"' in answer and b"application/json" in answer
    assert runner.connections.timed_out == 1
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/health") as response,
    ):
        shown = (await response.json())["intake_connections"]
    assert (shown["timed_out"], shown["refused"], shown["open"]) == (1, 0, 1)  # /health's own


async def test_one_address_holding_many_connections_leaves_room_for_everyone_else(
    server: tuple[GuardedRunner, int],
) -> None:
    runner, port = server
    held = [await trickle("127.0.0.1", port) for _ in range(LIMITS.per_client)]
    refused_reader, refused_writer = await asyncio.open_connection("127.0.0.1", port)
    answer = await asyncio.wait_for(refused_reader.read(), timeout=10)
    refused_writer.close()
    assert answer.startswith(b"HTTP/1.1 503") and b'"error"' in answer
    # Another address (loopback has many) posts a lead and reads /health meanwhile.
    connector = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
    async with aiohttp.ClientSession(connector=connector) as http:
        url = f"http://127.0.0.1:{port}"
        async with http.post(f"{url}/leads", json={"name": "Иван"}, headers=AUTH) as response:
            assert response.status == 201
        async with http.get(f"{url}/health") as response:
            assert response.status == 200
    assert runner.connections.refused == 1
    for _, writer in held:
        writer.close()


async def test_a_body_that_never_arrives_is_answered_without_waiting_forever(
    server: tuple[GuardedRunner, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.intake.http.BODY_TIMEOUT_SECONDS", 0.3)
    _, port = server
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"POST /leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret-intake-token\r\n"
        b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na'
    )
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    assert b" 408 " in answer.split(b"\r\n")[0] and b"did not arrive" in answer
