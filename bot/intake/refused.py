"""Requests the intake refused although the secret was right: a form of ours losing leads.
Each is kept (with its body) and the heads are told; the answer never waits for that."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from urllib.parse import urlsplit

from aiohttp import web

from bot.intake.client_guard import ClientGuard
from bot.intake.parse import IntakeError
from bot.services.refusals import RefusalService, RefusedRequest
from storage import SourceRecord

log = logging.getLogger(__name__)


def origin(request: web.Request, client: str) -> str:
    """The site a form posted from, as its builder tells us; else the sender's address."""
    for header in ("Origin", "Referer"):
        host = urlsplit(request.headers.get(header, "")).hostname
        if host:
            return host
    return client


class Refused:
    """Keeps refused requests, in the background when the answer must not wait."""

    def __init__(self, refusals: RefusalService, guard: ClientGuard) -> None:
        self._refusals = refusals
        self._guard = guard
        self._background: set[asyncio.Task[None]] = set()

    async def keep(
        self,
        request: web.Request,
        client: str,
        error: IntakeError,
        body: bytes,
        source: SourceRecord | None,
    ) -> None:
        """The secret was right: this is a form of ours losing leads. Keep it, tell the heads."""
        if error.refusal is None:
            return
        await self._record(
            RefusedRequest(
                error.refusal.value,
                error.status,
                error.message,
                origin(request, client),
                request.headers.get("Content-Type", ""),
                body,
                source.id if source else None,
            )
        )

    async def settle(self) -> None:
        """Finish the work the answers did not wait for (at the app's cleanup)."""
        if self._background:
            await asyncio.gather(*list(self._background))
        await self._guard.overload.settle()

    def later(self, work: Awaitable[None]) -> None:
        async def run() -> None:
            await work

        task = asyncio.get_running_loop().create_task(run())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _record(self, refused: RefusedRequest) -> None:
        try:
            await self._refusals.record(refused)
        except Exception:
            # The sender still gets its 4xx; a broken database is /health's news.
            log.exception("intake: could not keep a refused request from %s", refused.origin)
