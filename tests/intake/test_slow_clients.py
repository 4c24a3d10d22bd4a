"""Clients that hold connections open (headers that trickle in, many idle connections
from one address) are timed out and capped; real leads and /health still get through."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.intake.client_guard import ClientGuard
from bot.intake.clients import Proxies
from bot.intake.server import ConnectionLimits, GuardedRunner, serve
from storage import OutboxRepo, RefusalRepo
from tests.builders import HEAD
from tests.conftest import World
from tests.dispatcher.conftest import make_team
from tests.intake.conftest import AUTH, intake_app

LIMITS = ConnectionLimits(per_client=8, total=20, head_timeout=0.3)
# These clients connect straight to the bot: no address is a proxy of ours.
DIRECT = Proxies(())


@pytest.fixture
async def server(world: World) -> AsyncIterator[tuple[GuardedRunner, int]]:
    await make_team(world)
    guard = ClientGuard.of(world.services.refusals, world.clock, LIMITS.per_client, DIRECT)
    runner = await serve(intake_app(world, guard=guard), "127.0.0.1", 0, LIMITS, DIRECT)
    port = runner.addresses[0][1]
    try:
        yield runner, port
    finally:
        await runner.cleanup()


@pytest.fixture
async def proxied(world: World) -> AsyncIterator[tuple[GuardedRunner, int, ClientGuard]]:
    """The bot behind Caddy on this machine: every connection comes from loopback, a trusted
    proxy, and says who the client is in X-Forwarded-For."""
    await make_team(world)
    guard = ClientGuard.of(world.services.refusals, world.clock, LIMITS.per_client)
    runner = await serve(
        intake_app(world, guard=guard),
        "127.0.0.1",
        0,
        LIMITS,
        guard.proxies,
        guard.overload.refused,
    )
    port = runner.addresses[0][1]
    try:
        yield runner, port, guard
    finally:
        await runner.cleanup()


async def stalled_body(
    port: int, forwarded_for: str | None = None
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A request whose body starts and then stalls (through the proxy: `forwarded_for`)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    forwarded = f"X-Forwarded-For: {forwarded_for}\r\n" if forwarded_for else ""
    writer.write(
        b"POST /leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret-intake-token\r\n"
        + forwarded.encode()
        + b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na'
    )
    await writer.drain()
    return reader, writer


async def slow_body(port: int, client: str) -> asyncio.StreamWriter:
    """A request through the proxy, from `client`, whose body starts and then stalls."""
    return (await stalled_body(port, client))[1]


async def post_as(port: int, client: str) -> int:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"http://127.0.0.1:{port}/leads",
            json={"name": "Иван"},
            headers={**AUTH, "X-Forwarded-For": client},
        ) as response,
    ):
        return response.status


async def settled(guard: ClientGuard, held: int) -> None:
    """Until the server has taken up every held request (each is in its handler)."""
    async with asyncio.timeout(10):
        # The server's own progress on this loop, not a timer: nothing else to wait on.
        while guard.in_flight.under_way < held:  # noqa: ASYNC110
            await asyncio.sleep(0.01)


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
    reader, writer = await stalled_body(port)
    answer = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    assert b" 408 " in answer.split(b"\r\n")[0] and b"did not arrive" in answer


async def test_behind_the_proxy_one_client_holding_slow_bodies_shuts_out_only_itself(
    world: World, proxied: tuple[GuardedRunner, int, ClientGuard]
) -> None:
    _, port, guard = proxied
    held = [await slow_body(port, "198.51.100.7") for _ in range(LIMITS.per_client)]
    await settled(guard, LIMITS.per_client)
    assert await post_as(port, "198.51.100.7") == 503
    assert await post_as(port, "203.0.113.9") == 201  # a real form from someone else
    await guard.overload.settle()
    [kept] = await RefusalRepo(world.db.conn).latest()
    assert (kept.reason, kept.status, kept.origin) == ("overloaded", 503, "198.51.100.7")
    [notice] = [
        row.record.text
        for row in await OutboxRepo(world.db.conn).pending()
        if row.record.chat_id == HEAD.id
    ]
    assert "Форма с 198.51.100.7" in notice and "127.0.0.1" not in notice
    for writer in held:
        writer.close()


async def test_behind_the_proxy_slow_bodies_under_many_forged_names_shut_out_nobody(
    proxied: tuple[GuardedRunner, int, ClientGuard],
) -> None:
    _, port, guard = proxied
    # More slow bodies than one client may hold, each under another claimed address: the
    # proxy is not one client, and what the attacker claims is their own business.
    held = [await slow_body(port, f"10.9.0.{n}") for n in range(LIMITS.per_client + 4)]
    await settled(guard, LIMITS.per_client + 4)
    assert await post_as(port, "203.0.113.9") == 201
    for writer in held:
        writer.close()


async def test_a_forged_forwarded_for_from_a_direct_client_dodges_no_limit(
    server: tuple[GuardedRunner, int],
) -> None:
    _, port = server
    # Straight to the bot, the header is a claim: the peer's own address counts.
    writers = [await slow_body(port, f"10.9.0.{n}") for n in range(LIMITS.per_client)]
    refused_reader, refused_writer = await asyncio.open_connection("127.0.0.1", port)
    answer = await asyncio.wait_for(refused_reader.read(), timeout=10)
    refused_writer.close()
    assert answer.startswith(b"HTTP/1.1 503")
    for writer in writers:
        writer.close()


async def test_a_body_that_stalls_is_cut_before_the_whole_body_time_is_up(
    server: tuple[GuardedRunner, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.intake.http.BODY_STALL_SECONDS", 0.2)
    _, port = server
    reader, writer = await stalled_body(port)
    answer = await asyncio.wait_for(reader.read(), timeout=5)  # far under 10 s
    writer.close()
    assert b" 408 " in answer.split(b"\r\n")[0] and b"stalled" in answer
