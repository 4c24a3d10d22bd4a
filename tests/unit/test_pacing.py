"""Token buckets and the outbox pacer: never over Telegram's limits, never needlessly slow."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.buckets import KeyedBuckets, TokenBucket
from bot.delivery.pacing import Pacer, SendLimits
from tests.fakes.faults import EDGE


def test_a_bucket_allows_its_burst_then_its_rate() -> None:
    bucket = TokenBucket.full(rate=1.0, capacity=3, now=0.0)
    assert [bucket.take(0.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.wait(0.0) == pytest.approx(1.0)
    assert not bucket.take(0.5)
    assert bucket.take(1.0)


def test_a_hold_allows_nothing_until_it_ends() -> None:
    bucket = TokenBucket.full(rate=10.0, capacity=5, now=0.0)
    bucket.hold(30.0)
    assert bucket.wait(0.0) == pytest.approx(30.0)
    assert not bucket.take(29.9)
    assert bucket.take(30.0)
    assert not bucket.take(30.0)


def test_a_bucket_refuses_nonsense_limits() -> None:
    with pytest.raises(ValueError, match="rate"):
        TokenBucket.full(rate=0, capacity=1, now=0.0)


def test_keyed_buckets_forget_full_buckets_when_they_grow() -> None:
    buckets = KeyedBuckets(rate=1.0, capacity=1, max_keys=10)
    for key in range(10):
        buckets.get(key, 0.0).take(0.0)
    buckets.get("late", 100.0)  # all ten have refilled by now
    assert len(buckets) == 1


chats = st.sampled_from([-1001, -1002, 201, 202, 203])


@settings(max_examples=200, deadline=None)
@given(attempts=st.lists(st.tuples(st.floats(0, 300, allow_nan=False), chats), max_size=400))
def test_the_pacer_never_exceeds_telegrams_windows(attempts: list[tuple[float, int]]) -> None:
    pacer = Pacer(SendLimits(), now=0.0)
    sent: dict[int, list[float]] = defaultdict(list)
    everything: list[float] = []
    for now, chat in sorted(attempts):
        if pacer.take(chat, now):
            sent[chat].append(now)
            everything.append(now)
    for chat, stamps in sent.items():
        limit, window = (20, 60.0) if chat < 0 else (1, 1.0)
        assert max_in_window(stamps, window) <= limit
    assert max_in_window(everything, 1.0) <= 30


def max_in_window(stamps: list[float], window: float) -> int:
    """The most sends in any window (t - window, t], counted as the fake Telegram does."""
    best = 0
    for i, end in enumerate(stamps):
        best = max(best, sum(1 for t in stamps[: i + 1] if t > end - window + EDGE))
    return best


def test_a_group_gets_a_message_every_three_seconds_and_a_private_chat_every_second() -> None:
    pacer = Pacer(SendLimits(), now=0.0)
    assert pacer.take(-1001, 0.0)
    assert pacer.wait(-1001, 0.0) == pytest.approx(3.0)
    assert not pacer.take(201, 0.0)  # 30 a second in all: one every 33 ms
    assert pacer.take(201, 0.034)  # another chat is not held up by the group
    assert pacer.wait(201, 0.034) == pytest.approx(1.0)
    assert pacer.take(-1001, 3.0) and pacer.take(201, 3.04)


def test_a_429_holds_only_that_chat() -> None:
    pacer = Pacer(SendLimits(), now=0.0)
    pacer.hold(-1001, until=40.0)
    assert pacer.wait(-1001, 10.0) == pytest.approx(30.0)
    assert pacer.take(-1002, 10.0)
