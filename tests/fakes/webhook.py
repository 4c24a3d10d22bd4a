"""The fake Bot API's webhook: once `setWebhook` is called, updates are POSTed to the URL as
Telegram does, with the secret header, up to `max_connections` at once, each retried until
it is answered 200, and `getUpdates` is refused with 409 until `deleteWebhook`."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections import Counter
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.fakes.telegram_html import ApiError

RETRY_SECONDS = 0.05


@dataclass
class Webhook:
    url: str
    secret: str | None
    max_connections: int
    allowed_updates: list[str] | None = None
    last_error: str | None = None


class WebhookSender:
    """Delivers what `updates` holds while a webhook is set; `updates` is the fake's own
    queue, and a delivered update leaves it as a confirmed one does in getUpdates."""

    def __init__(self, updates: list[dict[str, Any]], changed: asyncio.Condition) -> None:
        self._updates = updates
        self._changed = changed
        self.hook: Webhook | None = None
        self.trusted: ssl.SSLContext | None = None  # a test's authority (Caddy's, say)
        self._task: asyncio.Task[None] | None = None
        self._in_flight: set[int] = set()
        self.history: list[Webhook] = []
        self.delivered: Counter[int] = Counter()  # update_id -> 200 answers, whichever hook

    def set(self, params: dict[str, Any]) -> bool:
        last_error = self.hook.last_error if self.hook is not None else None
        self.hook = Webhook(
            params["url"],
            params.get("secret_token"),
            int(params.get("max_connections", 40)),
            params.get("allowed_updates"),
            last_error,  # as Telegram: the latest failed delivery stays on record
        )
        self.history.append(self.hook)
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        return True

    async def delete(self, params: dict[str, Any]) -> bool:
        self.hook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        await self.stop()
        return True

    def info(self) -> dict[str, Any]:
        if self.hook is None:
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        shown: dict[str, Any] = {
            "url": self.hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
            "max_connections": self.hook.max_connections,
        }
        if self.hook.last_error is not None:
            shown["last_error_date"] = 1_800_000_000
            shown["last_error_message"] = self.hook.last_error
        return shown

    def refuse_polling(self) -> None:
        if self.hook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._in_flight.clear()

    async def _run(self) -> None:
        connector = aiohttp.TCPConnector(ssl=self.trusted) if self.trusted else None
        async with aiohttp.ClientSession(connector=connector) as http:
            sending: set[asyncio.Task[None]] = set()
            while self.hook is not None:
                hook = self.hook
                for update in list(self._updates):
                    if len(self._in_flight) >= hook.max_connections:
                        break
                    if update["update_id"] in self._in_flight:
                        continue
                    self._in_flight.add(update["update_id"])
                    task = asyncio.create_task(self._send(http, hook, update))
                    sending.add(task)
                    task.add_done_callback(sending.discard)
                async with self._changed:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._changed.wait(), RETRY_SECONDS)

    async def _send(
        self, http: aiohttp.ClientSession, hook: Webhook, update: dict[str, Any]
    ) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret} if hook.secret else {}
        try:
            async with http.post(hook.url, json=update, headers=headers) as response:
                await response.read()
                ok = response.status == 200
                error = None if ok else f"Wrong response from the webhook: {response.status}"
        except aiohttp.ClientError as failure:
            ok, error = False, f"Connection refused ({type(failure).__name__})"
        if ok:
            self.delivered[update["update_id"]] += 1
            if update in self._updates:
                self._updates.remove(update)
        else:
            hook.last_error = error
            await asyncio.sleep(RETRY_SECONDS)  # as Telegram, which waits before trying again
        self._in_flight.discard(update["update_id"])
        async with self._changed:
            self._changed.notify_all()
