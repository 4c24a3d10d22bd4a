"""What can go wrong between the bot and Telegram, for the fake Bot API server to serve."""

from __future__ import annotations

import math
import random
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tests.fakes.telegram_html import ApiError


@dataclass(frozen=True)
class Slow:
    """Answer only after `seconds`; the call takes effect first, as when a reply is lost."""

    seconds: float


@dataclass(frozen=True)
class Drop:
    """Close the connection without an answer; the call takes no effect."""


@dataclass(frozen=True)
class ProxyPage:
    """A proxy's own HTML error page instead of the Bot API's JSON, quoting the path (and
    so the token), as nginx and many hosting panels do."""

    status: int = 502


Fault = ApiError | Slow | Drop | ProxyPage


def too_many_requests(retry_after: int = 1) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)


def internal_error() -> ApiError:
    return ApiError(500, "Internal Server Error")


def bad_gateway() -> ApiError:
    return ApiError(502, "Bad Gateway")


class Chaos:
    """Fails each call of `methods` (all, if None) with probability `rate`."""

    def __init__(
        self,
        rate: float,
        rng: random.Random,
        faults: Sequence[Callable[[], Fault]],
        methods: frozenset[str] | None = None,
    ) -> None:
        self._rate = rate
        self._rng = rng
        self._faults = faults
        self._methods = methods

    def pick(self, method: str) -> Fault | None:
        if self._methods is not None and method not in self._methods:
            return None
        if self._rng.random() >= self._rate:
            return None
        return self._rng.choice(self._faults)()


# Messages and edits count against Telegram's flood limits; answers to taps do not.
LIMITED_METHODS = frozenset({"sendmessage", "editmessagetext", "editmessagereplymarkup"})
# Clocks on both sides round; a send this close to the window's edge counts as outside.
EDGE = 0.01


class FloodLimits:
    """Telegram's limits as sliding windows: 30 messages a second in all, 20 a minute into
    one group, one a second into one private chat."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._all: deque[float] = deque()
        self._chats: dict[int, deque[float]] = defaultdict(deque)
        self.refused = 0

    @staticmethod
    def _window(chat_id: int) -> tuple[int, float]:
        return (20, 60.0) if chat_id < 0 else (1, 1.0)

    def check(self, chat_id: int) -> ApiError | None:
        now = self._clock()
        for times, (limit, window) in (
            (self._all, (30, 1.0)),
            (self._chats[chat_id], self._window(chat_id)),
        ):
            while times and times[0] <= now - window + EDGE:
                times.popleft()
            if len(times) >= limit:
                self.refused += 1
                return too_many_requests(max(1, math.ceil(times[0] + window - now)))
        return None

    def record(self, chat_id: int) -> None:
        now = self._clock()
        self._all.append(now)
        self._chats[chat_id].append(now)
