"""Who a request comes from, behind a proxy or not, and how many requests each client may
have under way at once.

Behind the documented Caddy every connection comes from 127.0.0.1: the client is the
address the proxy put into X-Forwarded-For. That header is believed only from a trusted
proxy (TRUSTED_PROXIES, loopback by default); from anyone else it is whatever they claimed,
so it is ignored, and a forged one dodges no limit. Counting connections per peer would
make the proxy one client, whom 64 slow bodies from one address could shut out for everyone:
so behind a trusted proxy each forwarded client has its own count of requests under way.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import math
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bot.clock import Clock

log = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK: tuple[Network, ...] = (
    ipaddress.ip_network("127.0.0.0/8"),
    ipaddress.ip_network("::1/128"),
)
# One report of an overloaded client a minute: a flood of refusals must not become a flood
# of writes (each refusal kept is a transaction).
REPORT_EVERY_SECONDS = 60.0
MAX_REMEMBERED = 10_000


def parse_networks(text: str) -> tuple[Network, ...]:
    """`127.0.0.1, 10.0.0.0/8, ::1`: addresses and networks; ValueError names a bad one."""
    networks = []
    for part in text.split(","):
        item = part.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"expected IP addresses or networks, got {item!r}") from None
    return tuple(networks)


@dataclass(frozen=True)
class Proxies:
    """The proxies whose X-Forwarded-For is believed."""

    trusted: tuple[Network, ...] = LOOPBACK

    def is_trusted(self, address: str | None) -> bool:
        ip = _ip(address)
        return ip is not None and any(ip in network for network in self.trusted)

    def client(self, peer: str | None, forwarded_for: str | None) -> str:
        """Who is asking: the peer, or behind trusted proxies the nearest address in
        X-Forwarded-For that is not one of them (each proxy appends the one it saw; what
        comes before that is whatever the client claimed)."""
        address = peer or "unknown"
        if not forwarded_for or not self.is_trusted(address):
            return address
        for entry in reversed(forwarded_for.split(",")):
            hop = entry.strip()
            if _ip(hop) is None:
                return address  # not an address: the proxy's own view is all we have
            if not self.is_trusted(hop):
                return hop
            address = hop
        return address


def _ip(address: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not address:
        return None
    try:
        return ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return None


@dataclass
class InFlight:
    """Requests under way per client behind a trusted proxy."""

    per_client: int
    _by_client: Counter[str] = field(default_factory=Counter)
    refused: int = 0

    @property
    def under_way(self) -> int:
        return sum(self._by_client.values())

    @contextmanager
    def admitted(self, client: str) -> Iterator[bool]:
        """True (and counted while inside) if the client may have one more request under
        way; False if it already has `per_client`."""
        if self._by_client[client] >= self.per_client:
            self.refused += 1
            yield False
            return
        self._by_client[client] += 1
        try:
            yield True
        finally:
            self._by_client[client] -= 1
            if self._by_client[client] <= 0:
                del self._by_client[client]


Report = Callable[[str], Awaitable[None]]


class OverloadReports:
    """A 503 for too many connections is a refusal the heads hear of: kept, at most once a
    minute per client, in the background (the answer does not wait for the database)."""

    def __init__(self, clock: Clock, report: Report) -> None:
        self._clock = clock
        self._report = report
        self._last: dict[str, float] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def refused(self, client: str) -> None:
        now = self._clock.now().timestamp()
        if len(self._last) > MAX_REMEMBERED:
            self._last.clear()
        if now - self._last.get(client, -math.inf) < REPORT_EVERY_SECONDS:
            return
        self._last[client] = now
        task = asyncio.get_running_loop().create_task(self._keep(client))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _keep(self, client: str) -> None:
        try:
            await self._report(client)
        except Exception:
            log.exception("intake: could not keep the refusal of an overloaded client %s", client)

    async def settle(self) -> None:
        """Wait for the reports under way (at a stop, and in tests)."""
        if self._tasks:
            await asyncio.gather(*list(self._tasks))
