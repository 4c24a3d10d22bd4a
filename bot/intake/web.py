"""The aiohttp app behind POST /leads and GET /health."""

from __future__ import annotations

import asyncio
import functools
import hmac
import json
import logging
import math
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.helpers import parse_mimetype
from aiohttp.typedefs import Handler
from pydantic import SecretStr

from bot.intake.parse import (
    MAX_BODY_BYTES,
    IntakeError,
    Refusal,
    idempotency_key,
    parse_lead,
)
from bot.intake.ratelimit import ClientLimiter, client_address
from bot.intake.vk import VkError, VkKind, read_vk
from bot.leads.fields import is_lead, lead_from_pairs
from bot.services.health import HealthService
from bot.services.intake import IntakeService, NewLead
from bot.services.refusals import SAMPLE_BYTES, RefusalService, RefusedRequest
from bot.services.sources import SourceService
from storage import LeadFields, LeadSource, SourceKind, SourceRecord, StorageUnavailableError

log = logging.getLogger(__name__)

# Error texts quote what the sender sent, Cyrillic included: keep it readable.
_dumps = functools.partial(json.dumps, ensure_ascii=False)
_READ_CHUNK = 16 * 1024
# A body that has not arrived in this time is a client holding a connection open.
BODY_TIMEOUT_SECONDS = 15.0
# How long a form waits for the database before it is told to retry (503): form services
# give up after a few seconds, and a lead they were told nothing about may be resent as two.
STORAGE_WAIT_SECONDS = 2.0
RETRY_STORAGE_AFTER_SECONDS = 30


def _json(data: object, status: int) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def _error(status: int, message: str) -> web.Response:
    return _json({"error": message}, status)


def _origin(request: web.Request, client: str) -> str:
    """The site a form posted from, as its builder tells us; else the sender's address."""
    for header in ("Origin", "Referer"):
        host = urlsplit(request.headers.get(header, "")).hostname
        if host:
            return host
    return client


def _too_large() -> IntakeError:
    return IntakeError(413, f"body is larger than {MAX_BODY_BYTES // 1024} KiB", Refusal.TOO_LARGE)


def _boundary(request: web.Request) -> str | None:
    boundary = parse_mimetype(request.headers.get("Content-Type", "")).parameters.get("boundary")
    return boundary or None


def _new_lead(fields: LeadFields, key: str | None, source: SourceRecord | None) -> NewLead:
    return NewLead(
        fields,
        LeadSource.HTTP,
        key,
        source_id=source.id if source else None,
        default_channel=source.channel if source else None,
    )


async def _read_body(request: web.Request) -> tuple[bytes, bool]:
    """The body, read up to the limit: (what was read, whether it went over)."""
    try:
        async with asyncio.timeout(BODY_TIMEOUT_SECONDS):
            if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
                return await request.content.read(SAMPLE_BYTES), True
            body = bytearray()
            while chunk := await request.content.read(_READ_CHUNK):
                body += chunk
                if len(body) > MAX_BODY_BYTES:
                    return bytes(body[:SAMPLE_BYTES]), True
            return bytes(body), False
    except TimeoutError:
        raise IntakeError(
            408, f"the body did not arrive within {BODY_TIMEOUT_SECONDS:.0f} s"
        ) from None


def _storage_unavailable() -> web.Response:
    response = _error(503, "leads cannot be stored right now; retry shortly")
    response.headers["Retry-After"] = str(RETRY_STORAGE_AFTER_SECONDS)
    return response


@web.middleware
async def _json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every answer is JSON, including aiohttp's own 404 and 405 and our own failures."""
    try:
        return await handler(request)
    except IntakeError as error:
        response = _error(error.status, error.message)
        if error.status == 408:
            # The rest of the body may never come: do not wait for it on this connection.
            response.force_close()
        return response
    except StorageUnavailableError as error:
        log.warning("intake: %s %s answered 503: %s", request.method, request.path, error)
        return _storage_unavailable()
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return _error(error.status, error.reason)
    except Exception:
        log.exception("intake: %s %s failed", request.method, request.path)
        return _error(500, "internal error; the request was not handled, retry shortly")


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
    ) -> None:
        self._storage_wait = storage_wait
        self._sources = sources
        self._leads = leads
        self._health = health
        self._refusals = refusals
        self._token = token
        self._limiter = limiter

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
                body, _ = await _read_body(request)
                source = ours if isinstance(ours, SourceRecord) else None
                await self._refused(request, client, refused, body, source)
        response = _error(429, message)
        response.headers["Retry-After"] = str(seconds)
        return response

    async def _ours(self, request: web.Request) -> SourceRecord | bool:
        """The source link or the token the request carries, if it is a valid one."""
        secret = request.match_info.get("secret")
        if secret is not None:
            return await self._sources.resolve(secret) or False
        return self._token is not None and self._authorised(request)

    async def post_lead(self, request: web.Request) -> web.Response:
        client = client_address(request.remote, request.headers.get("X-Forwarded-For"))
        if (limited := await self._over_limit(request, client)) is not None:
            return limited
        if self._token is None:
            return _error(503, "lead intake is disabled: set INTAKE_TOKEN to enable it")
        if not self._authorised(request):
            log.info("intake: refused request from %s: wrong or missing token", client)
            return _error(401, "wrong or missing token")
        return await self._take(request, client, None)

    async def post_source_lead(self, request: web.Request) -> web.Response:
        """A source's own link: the secret in the path says which form or platform it is."""
        client = client_address(request.remote, request.headers.get("X-Forwarded-For"))
        if (limited := await self._over_limit(request, client)) is not None:
            return limited
        source = await self._sources.resolve(request.match_info["secret"])
        if source is None:
            log.warning("intake: refused request from %s: unknown source link", client)
            return _error(401, "unknown link: it was deleted or rotated; ask for the new one")
        if source.kind is SourceKind.VK:
            return await self._vk(request, client, source)
        return await self._take(request, client, source)

    async def _take(
        self, request: web.Request, client: str, source: SourceRecord | None
    ) -> web.Response:
        body, too_large = await _read_body(request)
        try:
            if too_large:
                raise _too_large()
            key = idempotency_key(request.headers.get("Idempotency-Key"))
            # Off the event loop: a body built to be slow to read must not stall the bot.
            parsed = await asyncio.to_thread(
                parse_lead, request.content_type, request.charset, body, _boundary(request)
            )
        except IntakeError as error:
            await self._refused(request, client, error, body, source)
            raise
        if parsed.fields is None:
            return web.Response(text="ok")
        submitted = await self._leads.submit(
            _new_lead(parsed.fields, key, source), wait=self._storage_wait
        )
        if not submitted.created:
            return _json({"id": submitted.lead_id, "duplicate": True}, 200)
        log.info("intake: lead %d created", submitted.lead_id)
        return _json({"id": submitted.lead_id}, 201)

    async def _vk(self, request: web.Request, client: str, source: SourceRecord) -> web.Response:
        """VK's Callback API: answers are plain text, and VK repeats what is not "ok"."""
        body, too_large = await _read_body(request)
        try:
            if too_large:
                raise _too_large()
            event = await asyncio.to_thread(read_vk, body)
        except VkError as error:
            refused = IntakeError(
                400, f"not a VK Callback API request: {error}", Refusal.UNREADABLE
            )
            await self._refused(request, client, refused, body, source)
            raise refused from None
        except IntakeError as error:
            await self._refused(request, client, error, body, source)
            raise
        assert source.vk_confirm is not None and source.vk_secret is not None
        checked = event.kind is not VkKind.CONFIRMATION or event.secret is not None
        if checked and not hmac.compare_digest(
            (event.secret or "").encode(), source.vk_secret.encode()
        ):
            log.warning("intake: refused VK request from %s: wrong secret key", client)
            return _error(401, "wrong secret key")
        match event.kind:
            case VkKind.CONFIRMATION:
                return web.Response(text=source.vk_confirm)
            case VkKind.OTHER:
                return web.Response(text="ok")
            case VkKind.LEAD:
                fields = await asyncio.to_thread(lead_from_pairs, event.pairs)
                if not is_lead(fields):
                    empty = IntakeError(400, "the VK lead has no answers", Refusal.EMPTY)
                    await self._refused(request, client, empty, body, source)
                    raise empty
                submitted = await self._leads.submit(
                    _new_lead(fields, event.key, source), wait=self._storage_wait
                )
                log.info("intake: VK lead %s is lead %d", event.key, submitted.lead_id)
                return web.Response(text="ok")

    async def _refused(
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
        await self._keep(
            RefusedRequest(
                error.refusal.value,
                error.status,
                error.message,
                _origin(request, client),
                request.headers.get("Content-Type", ""),
                body,
                source.id if source else None,
            )
        )

    async def _keep(self, refused: RefusedRequest) -> None:
        try:
            await self._refusals.record(refused)
        except Exception:
            # The sender still gets its 4xx; a broken database is /health's news.
            log.exception("intake: could not keep a refused request from %s", refused.origin)

    async def get_health(self, request: web.Request) -> web.Response:
        health = await self._health.check()
        shown = health.as_json()
        shown["intake_rate_limited"] = self._limiter.refused
        # 503 only when leads cannot be stored; Telegram being away only delays them.
        return _json(shown, 200 if health.database else 503)


def make_intake_app(
    leads: IntakeService,
    health: HealthService,
    refusals: RefusalService,
    token: SecretStr | None,
    limiter: ClientLimiter,
    sources: SourceService,
    storage_wait: float = STORAGE_WAIT_SECONDS,
) -> web.Application:
    # No client_max_size: `_read_body` enforces the limit and keeps the start of the body.
    app = web.Application(middlewares=[_json_errors])
    handlers = IntakeHandlers(leads, health, refusals, token, limiter, sources, storage_wait)
    app.router.add_post("/leads", handlers.post_lead)
    app.router.add_post("/leads/{secret}", handlers.post_source_lead)
    app.router.add_get("/health", handlers.get_health)
    return app
