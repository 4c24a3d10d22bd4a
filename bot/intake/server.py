"""The intake's listening socket, guarded against clients that hold connections open.

A client that opens connections and sends its request head a byte at a time costs nothing
and holds a file descriptor each: enough of them and real forms, /health and the bot's own
files run out. Each connection here gets a deadline for its request head, and one client
address may hold only so many connections at once (and everyone together only so many);
past that a connection is answered 503 and closed before it costs anything more, and the
refusal is reported. A trusted proxy (Caddy) is one address for all its clients: it counts
only towards the total here, and its clients are counted one by one where their address is
known, per request (`bot.intake.clients`). The request body has its own deadline, in the
handler that reads it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.intake.clients import Proxies

log = logging.getLogger(__name__)

_HEAD_END = (b"\r\n\r\n", b"\n\n")


@dataclass(frozen=True)
class ConnectionLimits:
    per_client: int = 64
    total: int = 512  # under the usual 1,024 open files, with room for the database
    head_timeout: float = 10.0  # seconds from connecting (or from the last answer) to a head


class Connections:
    """Who holds how many connections now, and how many were refused or timed out."""

    def __init__(
        self,
        limits: ConnectionLimits,
        proxies: Proxies | None = None,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self.limits = limits
        self._proxies = proxies or Proxies()
        self._on_refused = on_refused
        self._by_client: Counter[str] = Counter()
        self.open = 0
        self.refused = 0
        self.timed_out = 0

    def admit(self, client: str) -> bool:
        mine = self._by_client[client] >= self.limits.per_client
        if self.open >= self.limits.total or (mine and not self._proxies.is_trusted(client)):
            self.refused += 1
            if self._on_refused is not None:
                self._on_refused(client)
            return False
        self._by_client[client] += 1
        self.open += 1
        return True

    def release(self, client: str) -> None:
        self.open -= 1
        self._by_client[client] -= 1
        if self._by_client[client] <= 0:
            del self._by_client[client]

    def as_json(self) -> dict[str, int]:
        return {"open": self.open, "refused": self.refused, "timed_out": self.timed_out}


# Where /health finds the counts of the server it runs on.
CONNECTIONS = web.AppKey("connections", Connections)


def _answer(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"error": message}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\nRetry-After: 5\r\n\r\n"
    )
    return head.encode() + body


class _Guarded(asyncio.Protocol):
    """aiohttp's protocol for one connection, with the deadline and the count around it."""

    def __init__(self, inner: asyncio.Protocol, connections: Connections) -> None:
        self._inner = inner
        self._connections = connections
        self._client: str | None = None
        self._transport: asyncio.Transport | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._tail = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        peer = transport.get_extra_info("peername")
        client = str(peer[0]) if peer else "unknown"
        if not self._connections.admit(client):
            log.warning("intake: refused a connection from %s: too many open", client)
            transport.write(_answer(503, "Service Unavailable", "too many connections"))
            transport.close()
            return
        self._client = client
        self._arm()
        self._inner.connection_made(transport)

    def _arm(self) -> None:
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(self._connections.limits.head_timeout, self._too_slow)

    def _too_slow(self) -> None:
        self._deadline = None
        self._connections.timed_out += 1
        if self._transport is not None and not self._transport.is_closing():
            log.info("intake: closed a connection from %s: no request in time", self._client)
            self._transport.write(_answer(408, "Request Timeout", "the request did not arrive"))
            self._transport.close()

    def data_received(self, data: bytes) -> None:
        if self._client is None:
            return  # refused: whatever it sends is not read
        if self._deadline is not None:
            seen = self._tail + data
            if any(end in seen for end in _HEAD_END):
                self._deadline.cancel()
                self._deadline = None
                self._tail = b""
            else:
                self._tail = seen[-3:]
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._client is not None else None

    def pause_writing(self) -> None:
        if self._client is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._client is not None:
            self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._client is None:
            return
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._connections.release(self._client)
        self._inner.connection_lost(exc)


class GuardedRunner(web.AppRunner):
    """An AppRunner whose sites wrap every connection in the guard.

    After each answer on a kept-alive connection, aiohttp's own keep-alive timeout (set
    to the same deadline) closes a connection whose next request head is not complete.
    """

    def __init__(
        self,
        app: web.Application,
        limits: ConnectionLimits,
        proxies: Proxies | None = None,
        on_refused: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> None:
        # lingering_time: how long to swallow a body nobody reads after an early answer
        # (aiohttp's 10 s would let a stalled body hold the connection that long).
        super().__init__(app, keepalive_timeout=limits.head_timeout, lingering_time=1.0, **kwargs)
        self.connections = Connections(limits, proxies, on_refused)
        app[CONNECTIONS] = self.connections

    @property
    def server(self) -> Any:
        inner = super().server
        if inner is None:
            return None
        connections = self.connections
        return lambda: _Guarded(inner(), connections)


async def serve(
    app: web.Application,
    host: str,
    port: int,
    limits: ConnectionLimits,
    proxies: Proxies | None = None,
    on_refused: Callable[[str], None] | None = None,
) -> GuardedRunner:
    """Start `app` on host:port behind the guard; OSError if the address cannot be used.
    `on_refused` hears of each connection answered 503."""
    runner = GuardedRunner(app, limits, proxies, on_refused, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError:
        await runner.cleanup()
        raise
    return runner
