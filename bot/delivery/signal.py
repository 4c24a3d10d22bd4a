from __future__ import annotations

import asyncio
from contextlib import suppress


class OutboxSignal:
    """Wakes the outbox worker as soon as a transaction that wrote outbox rows commits."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()

    async def wait(self, at_most: float) -> None:
        with suppress(TimeoutError):
            async with asyncio.timeout(at_most):
                await self._event.wait()
        self._event.clear()
