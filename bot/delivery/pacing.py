"""Keeps the outbox under Telegram's flood limits, so that a 429 is the exception.

Telegram allows a bot about 30 messages a second in all, about 20 a minute into one group
and about one a second into one private chat. Edits count like messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.buckets import KeyedBuckets, TokenBucket


@dataclass(frozen=True)
class SendLimits:
    per_second: float = 30.0
    group_per_minute: float = 20.0
    private_per_second: float = 1.0
    # One token per bucket: sends are spread evenly rather than bursting and then waiting,
    # so no window of any length sees more than the limit.
    burst: float = 1.0


class Pacer:
    """A global bucket and one bucket per chat."""

    def __init__(self, limits: SendLimits, now: float) -> None:
        self._global = TokenBucket.full(limits.per_second, limits.burst, now)
        self._groups = KeyedBuckets(limits.group_per_minute / 60.0, limits.burst)
        self._private = KeyedBuckets(limits.private_per_second, limits.burst)

    def _chat(self, chat_id: int, now: float) -> TokenBucket:
        # Group and channel ids are negative, users' private chats positive.
        buckets = self._groups if chat_id < 0 else self._private
        return buckets.get(chat_id, now)

    def wait(self, chat_id: int, now: float) -> float:
        return max(self._global.wait(now), self._chat(chat_id, now).wait(now))

    def room(self, chat_id: int, now: float, horizon: float) -> int:
        """How many messages the chat may take within `horizon` seconds from `now`."""
        return min(self._global.room(now, horizon), self._chat(chat_id, now).room(now, horizon))

    def take(self, chat_id: int, now: float) -> bool:
        if self.wait(chat_id, now) > 0:
            return False
        self._global.take(now)
        self._chat(chat_id, now).take(now)
        return True

    def give_back(self, chat_id: int, now: float) -> None:
        """Nothing went after `take`: the message it allowed may go to someone else."""
        self._global.give_back()
        self._chat(chat_id, now).give_back()

    def hold(self, chat_id: int, until: float) -> None:
        """Telegram said 429 for this chat: send nothing more there before `until`."""
        self._chat(chat_id, until).hold(until)
