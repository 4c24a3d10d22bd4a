"""Token buckets: a rate with a small allowance for bursts, on time passed in by the caller."""

from __future__ import annotations

from dataclasses import dataclass

# Waits shorter than this count as none: callers' clocks round (datetime to microseconds),
# and a wait that rounds to zero must not leave a caller spinning.
TOLERANCE = 1e-3


@dataclass
class TokenBucket:
    rate: float  # tokens added per second
    capacity: float  # the most tokens it holds, i.e. the longest burst
    tokens: float
    updated: float  # seconds, on whatever clock the caller uses; may lie ahead (a hold)

    @classmethod
    def full(cls, rate: float, capacity: float, now: float) -> TokenBucket:
        if rate <= 0 or capacity < 1:
            raise ValueError(f"a bucket needs rate > 0 and capacity >= 1, got {rate}, {capacity}")
        return cls(rate, capacity, capacity, now)

    def _refill(self, now: float) -> None:
        if now > self.updated:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now

    def wait(self, now: float) -> float:
        """Seconds until one token is there; 0 if it is there now."""
        self._refill(now)
        held = max(0.0, self.updated - now)
        missing = max(0.0, 1.0 - self.tokens)
        wait = held + missing / self.rate
        return 0.0 if wait < TOLERANCE else wait

    def room(self, now: float, horizon: float) -> int:
        """How many tokens can be taken between `now` and `now + horizon`."""
        self._refill(now)
        left = horizon - max(0.0, self.updated - now)
        if left < 0:
            return 0
        return int(self.tokens + left * self.rate + TOLERANCE)

    def take(self, now: float) -> bool:
        if self.wait(now) > 0:
            return False
        self.tokens -= 1.0
        return True

    def give_back(self) -> None:
        """A token taken for a send that did not happen."""
        self.tokens = min(self.capacity, self.tokens + 1.0)

    def hold(self, until: float) -> None:
        """Allow nothing before `until`, then one (someone told us to back off till then)."""
        self.tokens = 1.0
        self.updated = max(self.updated, until)

    def is_full(self, now: float) -> bool:
        self._refill(now)
        return self.tokens >= self.capacity and self.updated <= now


class KeyedBuckets:
    """One bucket per key (a chat, a client address), created full on first use.

    Full buckets carry no information, so they are dropped when the map grows: memory
    stays bounded however many keys pass through.
    """

    def __init__(self, rate: float, capacity: float, max_keys: int = 10_000) -> None:
        self._rate = rate
        self._capacity = capacity
        self._max_keys = max_keys
        self._buckets: dict[int | str, TokenBucket] = {}

    def get(self, key: int | str, now: float) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max_keys:
                self._forget_full(now)
            bucket = self._buckets[key] = TokenBucket.full(self._rate, self._capacity, now)
        return bucket

    def _forget_full(self, now: float) -> None:
        for key in [k for k, b in self._buckets.items() if b.is_full(now)]:
            del self._buckets[key]

    def __len__(self) -> int:
        return len(self._buckets)
