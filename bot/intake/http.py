"""HTTP plumbing of the intake: reading a body within its limits, and answers in JSON."""

from __future__ import annotations

import asyncio
import functools
import json
import logging

from aiohttp import web
from aiohttp.helpers import parse_mimetype
from aiohttp.typedefs import Handler

from bot.intake.parse import MAX_BODY_BYTES, IntakeError, Refusal
from bot.services.refusals import SAMPLE_BYTES
from storage import StorageUnavailableError

log = logging.getLogger(__name__)

# Error texts quote what the sender sent, Cyrillic included: keep it readable.
_dumps = functools.partial(json.dumps, ensure_ascii=False)
_READ_CHUNK = 16 * 1024
# A body that has not arrived in this time, or that stalls this long, is a client holding
# a connection open: a form's body is a few KiB, sent at once.
BODY_TIMEOUT_SECONDS = 10.0
BODY_STALL_SECONDS = 5.0
RETRY_STORAGE_AFTER_SECONDS = 30


def json_answer(data: object, status: int) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def error_answer(status: int, message: str) -> web.Response:
    return json_answer({"error": message}, status)


def too_large() -> IntakeError:
    return IntakeError(413, f"body is larger than {MAX_BODY_BYTES // 1024} KiB", Refusal.TOO_LARGE)


def boundary(request: web.Request) -> str | None:
    found = parse_mimetype(request.headers.get("Content-Type", "")).parameters.get("boundary")
    return found or None


async def read_body(request: web.Request) -> tuple[bytes, bool]:
    """The body, read up to the limit: (what was read, whether it went over)."""
    try:
        async with asyncio.timeout(BODY_TIMEOUT_SECONDS):
            if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
                return await _read(request, SAMPLE_BYTES), True
            body = bytearray()
            while chunk := await _read(request, _READ_CHUNK):
                body += chunk
                if len(body) > MAX_BODY_BYTES:
                    return bytes(body[:SAMPLE_BYTES]), True
            return bytes(body), False
    except TimeoutError:
        raise IntakeError(
            408,
            f"the body did not arrive within {BODY_TIMEOUT_SECONDS:.0f} s "
            f"(or stalled for {BODY_STALL_SECONDS:.0f} s)",
        ) from None


async def _read(request: web.Request, size: int) -> bytes:
    """The next part of the body; TimeoutError if none comes for BODY_STALL_SECONDS."""
    async with asyncio.timeout(BODY_STALL_SECONDS):
        return await request.content.read(size)


def storage_unavailable() -> web.Response:
    response = error_answer(503, "leads cannot be stored right now; retry shortly")
    response.headers["Retry-After"] = str(RETRY_STORAGE_AFTER_SECONDS)
    return response


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every answer is JSON, including aiohttp's own 404 and 405 and our own failures."""
    try:
        return await handler(request)
    except IntakeError as error:
        response = error_answer(error.status, error.message)
        if error.status == 408:
            # The rest of the body may never come: do not wait for it on this connection.
            response.force_close()
        return response
    except StorageUnavailableError as error:
        log.warning("intake: %s %s answered 503: %s", request.method, request.path, error)
        return storage_unavailable()
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return error_answer(error.status, error.reason)
    except Exception:
        log.exception("intake: %s %s failed", request.method, request.path)
        return error_answer(500, "internal error; the request was not handled, retry shortly")
