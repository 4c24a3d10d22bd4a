"""Intake requests that carried a valid token but made no lead: kept and reported.

A form that sends what we cannot read loses leads every time a client submits it, so the
heads hear of it at once, and then at most once an hour per reason while it goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.i18n import Html, Translator
from bot.presentation.notices import HeadNotices
from storage import Database, RefusalRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

REPORT_EVERY = timedelta(hours=1)
SAMPLE_BYTES = 1024
_SHOWN_SAMPLE = 300
_SHOWN_ORIGINS = 3


@dataclass(frozen=True)
class RefusedRequest:
    reason: str  # a `Refusal` value
    status: int
    message: str  # what the sender was told, in English
    origin: str  # the site that sent it, or the client's address
    content_type: str
    body: bytes
    source_id: int | None = None  # the source link it came through, if any


class RefusalService:
    def __init__(self, db: Database, notices: HeadNotices) -> None:
        self._db = db
        self._notices = notices

    async def record(self, request: RefusedRequest) -> None:
        sample = request.body[:SAMPLE_BYTES].decode("utf-8", errors="replace")
        async with self._db.unit() as u:
            now = u.now
            await u.refusals.add(
                now,
                request.reason,
                request.status,
                request.message,
                request.origin,
                request.content_type,
                sample,
                request.source_id,
            )
            await self._report(u, request.reason, now)
        log.warning(
            "intake: refused a request from %s (%s): %s",
            request.origin,
            request.reason,
            request.message,
        )

    async def report_due(self) -> int:
        """Tell the heads of refusals held back by the hourly limit; how many reasons."""
        async with self._db.unit() as u:
            now = u.now
            reasons = sorted({row.reason for row in await u.refusals.unreported()})
            told = [reason for reason in reasons if await self._report(u, reason, now)]
        return len(told)

    async def _report(self, u: Unit, reason: str, now: datetime) -> bool:
        last = await u.refusals.last_reported(reason)
        if last is not None and now - last < REPORT_EVERY:
            return False
        rows = await u.refusals.unreported(reason)
        if not rows:
            return False
        await u.refusals.mark_reported([row.id for row in rows], now)
        team = await u.teams.primary()
        await self._notices.tell(u, team, lambda tr: _report_text(rows, tr), now)
        return True


def _report_text(rows: list[RefusalRecord], tr: Translator) -> Html:
    origins = list(dict.fromkeys(row.origin for row in reversed(rows)))
    shown = ", ".join(origins[:_SHOWN_ORIGINS])
    if len(origins) > _SHOWN_ORIGINS:
        shown += tr("refusal.more_origins", count=len(origins) - _SHOWN_ORIGINS)
    latest = rows[-1]
    sample = latest.body_sample.strip()
    if len(sample) > _SHOWN_SAMPLE:
        sample = sample[:_SHOWN_SAMPLE] + "…"
    return tr(
        "notice.refused",
        origin=shown,
        count=len(rows),
        why=tr("refusal." + latest.reason),
        content_type=latest.content_type or "—",
        sample=sample or "—",
    )
