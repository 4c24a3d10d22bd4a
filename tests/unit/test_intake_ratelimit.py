"""Who counts as one client for the intake's rate limit, and how the limit refills. Pure."""

from __future__ import annotations

import pytest

from bot.intake.ratelimit import ClientLimiter, client_address
from tests.fakes.clock import FakeClock


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.5", None, "203.0.113.5"),
        ("203.0.113.5", "10.0.0.1", "203.0.113.5"),  # only a local proxy is believed
        ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the proxy's own entry
        ("::1", "2001:db8::1", "2001:db8::1"),
        ("127.0.0.1", " ", "127.0.0.1"),
        (None, None, "unknown"),
    ],
)
def test_the_client_is_who_the_local_proxy_saw(
    peer: str | None, forwarded: str | None, client: str
) -> None:
    assert client_address(peer, forwarded) == client


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
