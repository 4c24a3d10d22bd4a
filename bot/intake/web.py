"""The aiohttp app behind POST /leads and GET /health."""

from __future__ import annotations

import asyncio
import hmac
import logging
import math
from collections.abc import Awaitable, Callable

from aiohttp import web
from pydantic import SecretStr

from bot.actions.intake import IntakeService, NewLead
from bot.intake.client_guard import TOO_MANY, ClientGuard
from bot.intake.http import boundary as body_boundary
from bot.intake.http import (
    error_answer,
    json_answer,
    json_errors,
    read_body,
    too_large,
)
from bot.intake.parse import IntakeError, Refusal, idempotency_key, parse_lead
from bot.intake.ratelimit import ClientLimiter
from bot.intake.refused import Refused
from bot.intake.server import CONNECTIONS
from bot.intake.vk import VkError, VkKind, read_vk
from bot.leads.fields import is_lead, lead_from_pairs
from bot.offload import SMALL_BYTES, by_size
from bot.services.health import HealthService
from bot.services.refusals import RefusalService
from bot.services.sources import SourceService
from storage import LeadFields, LeadSource, SourceKind, SourceRecord, StorageUnavailableError

log = logging.getLogger(__name__)

# How long a form waits for the database before it is told to retry (503): form services
# give up after a few seconds, and a lead they were told nothing about may be resent as two.
STORAGE_WAIT_SECONDS = 2.0


def _new_lead(fields: LeadFields, key: str | None, source: SourceRecord | None) -> NewLead:
    return NewLead(
        fields,
        LeadSource.HTTP,
        key,
        source_id=source.id if source else None,
        default_channel=source.channel if source else None,
    )


class IntakeHandlers:
    def __init__(
        self,
        leads: IntakeService,
        health: HealthService,
        refusals: RefusalService,
        token: SecretStr | None,
        limiter: ClientLimiter,
        sources: SourceService,
        storage_wait: float,
        guard: ClientGuard,
    ) -> None:
        self._storage_wait = storage_wait
        self._sources = sources
        self._leads = leads
        self._health = health
        self._refusals = refusals
        self._token = token
        self._limiter = limiter
        self._guard = guard
        self._kept = Refused(refusals, guard)

    def _client(self, request: web.Request) -> str:
        return self._guard.proxies.client(request.remote, request.headers.get("X-Forwarded-For"))

    async def _one_at_a_time(
        self, request: web.Request, handle: Callable[[str], Awaitable[web.Response]]
    ) -> web.Response:
        """Run `handle` for the request's client, unless that client, behind a trusted
        proxy, already has as many requests under way as one client may (then 503, kept)."""
        client = self._client(request)
        if not self._guard.proxies.is_trusted(request.remote):
            return await handle(client)  # the connection guard counted this peer already
        with self._guard.in_flight.admitted(client) as admitted:
            if admitted:
                return await handle(client)
        log.warning("intake: refused a request from %s: too many under way", client)
        self._guard.overload.refused(client)
        response = error_answer(503, TOO_MANY)
        response.headers["Retry-After"] = "5"
        response.force_close()
        return response

    def _authorised(self, request: web.Request) -> bool:
        assert self._token is not None
        expected = self._token.get_secret_value().encode()
        header = request.headers.get("Authorization", "")
        scheme, _, supplied = header.partition(" ")
        if scheme.lower() != "bearer":
            supplied = request.query.get("token", "")
        # compare_digest: the time taken must not tell how much of a guess was right.
        return hmac.compare_digest(supplied.strip().encode(), expected)

    async def _over_limit(self, request: web.Request, client: str) -> web.Response | None:
        """429 for a client over the limit. Counted before any secret is checked, so that
        guessing one is slow as well; a form of ours that hits it loses leads, so once a
        minute per client such a request is kept and reported like a refusal."""
        wait = self._limiter.admit(client)
        if wait <= 0:
            return None
        seconds = max(1, math.ceil(wait))
        message = f"too many requests; retry in {seconds} s"
        if self._limiter.first_refusal_this_minute(client):
            log.warning("intake: client %s is over the rate limit", client)
            ours = await self._ours(request)
            if ours is not False:
                refused = IntakeError(429, message, Refusal.RATE_LIMITED)
                body, _ = await read_body(request)
                source = ours if isinstance(ours, SourceRecord) else None
                await self._kept.keep(request, client, refused, body, source)
        response = error_answer(429, message)
        response.headers["Retry-After"] = str(seconds)
        return response

    async def _ours(self, request: web.Request) -> SourceRecord | bool:
        """The source link or the token the request carries, if it is a valid one."""
        secret = request.match_info.get("secret")
        if secret is not None:
            return await self._sources.resolve(secret) or False
        return self._token is not None and self._authorised(request)

    async def post_lead(self, request: web.Request) -> web.Response:
        return await self._one_at_a_time(request, lambda client: self._post_lead(request, client))

    async def _post_lead(self, request: web.Request, client: str) -> web.Response:
        if (limited := await self._over_limit(request, client)) is not None:
            return limited
        if self._token is None:
            return error_answer(503, "lead intake is disabled: set INTAKE_TOKEN to enable it")
        if not self._authorised(request):
            log.info("intake: refused request from %s: wrong or missing token", client)
            return error_answer(401, "wrong or missing token")
        return await self._take(request, client, None)

    async def post_source_lead(self, request: web.Request) -> web.Response:
        """A source's own link: the secret in the path says which form or platform it is."""
        return await self._one_at_a_time(
            request, lambda client: self._post_source_lead(request, client)
        )

    async def _post_source_lead(self, request: web.Request, client: str) -> web.Response:
        if (limited := await self._over_limit(request, client)) is not None:
            return limited
        source = await self._sources.resolve(request.match_info["secret"])
        if source is None:
            log.warning("intake: refused request from %s: unknown source link", client)
            return error_answer(401, "unknown link: it was deleted or rotated; ask for the new one")
        if source.kind is SourceKind.VK:
            return await self._vk(request, client, source)
        return await self._take(request, client, source)

    async def _take(
        self, request: web.Request, client: str, source: SourceRecord | None
    ) -> web.Response:
        body, over = await read_body(request)
        try:
            if over:
                raise too_large()
            key = idempotency_key(request.headers.get("Idempotency-Key"))
            parsed = await by_size(
                len(body) <= SMALL_BYTES,
                parse_lead,
                request.content_type,
                request.charset,
                body,
                body_boundary(request),
            )
        except IntakeError as error:
            await self._kept.keep(request, client, error, body, source)
            raise
        if parsed.fields is None:
            return web.Response(text="ok")
        try:
            submitted = await self._leads.submit(
                _new_lead(parsed.fields, key, source), wait=self._storage_wait
            )
        except StorageUnavailableError as error:
            # The form is told to retry; if it never does, this is the heads' only trace of
            # the lead: kept once the database takes writes again, not before the answer.
            unavailable = IntakeError(503, str(error), Refusal.UNAVAILABLE)
            self._kept.later(self._kept.keep(request, client, unavailable, body, source))
            raise

        if submitted.joined:
            # The same client again, while their lead is open: one lead, its history longer.
            return json_answer({"id": submitted.lead_id, "duplicate": True}, 201)
        if not submitted.created:
            return json_answer({"id": submitted.lead_id, "duplicate": True}, 200)
        log.info("intake: lead %d created", submitted.lead_id)
        return json_answer({"id": submitted.lead_id}, 201)

    async def _vk(self, request: web.Request, client: str, source: SourceRecord) -> web.Response:
        """VK's Callback API: answers are plain text, and VK repeats what is not "ok"."""
        body, over = await read_body(request)
        try:
            if over:
                raise too_large()
            event = await by_size(len(body) <= SMALL_BYTES, read_vk, body)
        except VkError as error:
            refused = IntakeError(
                400, f"not a VK Callback API request: {error}", Refusal.UNREADABLE
            )
            await self._kept.keep(request, client, refused, body, source)
            raise refused from None
        except IntakeError as error:
            await self._kept.keep(request, client, error, body, source)
            raise
        assert source.vk_confirm is not None and source.vk_secret is not None
        checked = event.kind is not VkKind.CONFIRMATION or event.secret is not None
        if checked and not hmac.compare_digest(
            (event.secret or "").encode(), source.vk_secret.encode()
        ):
            log.warning("intake: refused VK request from %s: wrong secret key", client)
            return error_answer(401, "wrong secret key")
        match event.kind:
            case VkKind.CONFIRMATION:
                return web.Response(text=source.vk_confirm)
            case VkKind.OTHER:
                return web.Response(text="ok")
            case VkKind.LEAD:
                fields = await asyncio.to_thread(lead_from_pairs, event.pairs)
                if not is_lead(fields):
                    empty = IntakeError(400, "the VK lead has no answers", Refusal.EMPTY)
                    await self._kept.keep(request, client, empty, body, source)
                    raise empty
                submitted = await self._leads.submit(
                    _new_lead(fields, event.key, source), wait=self._storage_wait
                )
                log.info("intake: VK lead %s is lead %d", event.key, submitted.lead_id)
                return web.Response(text="ok")

    async def settle(self, _app: web.Application | None = None) -> None:
        """Finish the work the answers did not wait for (at the app's cleanup)."""
        await self._kept.settle()

    async def get_health(self, request: web.Request) -> web.Response:
        health = await self._health.check()
        shown = health.as_json()
        shown["intake_rate_limited"] = self._limiter.refused
        if (connections := request.app.get(CONNECTIONS)) is not None:
            shown["intake_connections"] = connections.as_json()
        # 503 only when leads cannot be stored; Telegram being away only delays them.
        return json_answer(shown, 200 if health.database else 503)


def make_intake_app(
    leads: IntakeService,
    health: HealthService,
    refusals: RefusalService,
    token: SecretStr | None,
    limiter: ClientLimiter,
    sources: SourceService,
    guard: ClientGuard,
    storage_wait: float = STORAGE_WAIT_SECONDS,
) -> web.Application:
    # No client_max_size: `read_body` enforces the limit and keeps the start of the body.
    app = web.Application(middlewares=[json_errors])
    handlers = IntakeHandlers(leads, health, refusals, token, limiter, sources, storage_wait, guard)
    app.on_cleanup.append(handlers.settle)
    app.router.add_post("/leads", handlers.post_lead)
    app.router.add_post("/leads/{secret}", handlers.post_source_lead)
    app.router.add_get("/health", handlers.get_health)
    return app
