"""Who counts as one client for the intake's rate limit, and how the limit refills. Pure."""

from __future__ import annotations

import pytest

from bot.intake.clients import Proxies, parse_networks
from bot.intake.ratelimit import ClientLimiter
from tests.fakes.clock import FakeClock


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.5", None, "203.0.113.5"),
        ("203.0.113.5", "10.0.0.1", "203.0.113.5"),  # only a trusted proxy is believed
        ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the proxy's own entry
        ("::1", "2001:db8::1", "2001:db8::1"),
        ("127.0.0.1", " ", "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "198.51.100.7, 127.0.0.2", "198.51.100.7"),  # a chain of our proxies
        (None, None, "unknown"),
    ],
)
def test_the_client_is_who_the_trusted_proxy_saw(
    peer: str | None, forwarded: str | None, client: str
) -> None:
    assert Proxies().client(peer, forwarded) == client


def test_trusted_proxies_are_a_setting_of_addresses_and_networks() -> None:
    proxies = Proxies(parse_networks("10.0.0.5, 192.168.0.0/16"))
    assert proxies.client("10.0.0.5", "198.51.100.7") == "198.51.100.7"
    assert proxies.client("192.168.3.4", "1.2.3.4, 198.51.100.7") == "198.51.100.7"
    # Loopback is no longer trusted once the setting names others: its header is a claim.
    assert proxies.client("127.0.0.1", "198.51.100.7") == "127.0.0.1"
    with pytest.raises(ValueError, match="expected IP addresses"):
        parse_networks("10.0.0.5, caddy")


def test_each_client_gets_its_own_allowance_which_refills() -> None:
    clock = FakeClock()
    limiter = ClientLimiter(per_minute=3, clock=clock)
    assert [limiter.admit("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.admit("a") == pytest.approx(20.0)
    assert limiter.admit("b") == 0.0
    clock.advance(20)
    assert limiter.admit("a") == 0.0


def test_a_flooding_client_is_reported_once_a_minute() -> None:
    clock = FakeClock()
    limiter = ClientLimiter(per_minute=1, clock=clock)
    assert [limiter.first_refusal_this_minute("a") for _ in range(3)] == [True, False, False]
    assert limiter.first_refusal_this_minute("b")
    clock.advance(60)
    assert limiter.first_refusal_this_minute("a")
