"""Per-client request limits for the intake: a runaway form or a token guesser gets 429s,
everyone else is unaffected."""

from __future__ import annotations

import math

from bot.buckets import KeyedBuckets
from bot.clock import Clock

REPORT_EVERY_SECONDS = 60.0
MAX_REPORTED = 10_000


class ClientLimiter:
    """At most `per_minute` requests a minute from one client, in bursts of up to as many."""

    def __init__(self, per_minute: int, clock: Clock) -> None:
        self._buckets = KeyedBuckets(per_minute / 60.0, float(per_minute))
        self._clock = clock
        self._reported: dict[str, float] = {}
        self.refused = 0  # requests answered 429 since start, for /health

    def admit(self, client: str) -> float:
        """0 if the request may go ahead (and counts); else seconds until it may."""
        now = self._clock.now().timestamp()
        bucket = self._buckets.get(client, now)
        if bucket.take(now):
            return 0.0
        self.refused += 1
        return bucket.wait(now)

    def first_refusal_this_minute(self, client: str) -> bool:
        """Whether to log this refusal: a flood must not flood the log as well."""
        now = self._clock.now().timestamp()
        if len(self._reported) > MAX_REPORTED:
            self._reported.clear()
        if now - self._reported.get(client, -math.inf) < REPORT_EVERY_SECONDS:
            return False
        self._reported[client] = now
        return True
