"""How long a failed message waits before its next try."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

MAX_BACKOFF = timedelta(minutes=5)

RetryDelay = Callable[[int], timedelta]  # failed attempts so far -> wait before the next


def jittered_backoff(rng: random.Random) -> RetryDelay:
    return lambda attempts: backoff(attempts, rng)


def backoff(attempts: int, rng: random.Random) -> timedelta:
    """Exponential, capped, with jitter so that many rows failing together spread out."""
    ceiling = min(MAX_BACKOFF.total_seconds(), 2.0 ** min(attempts, 16))
    return timedelta(seconds=ceiling * rng.uniform(0.5, 1.0))
