"""Intake links, one per form or ad platform: each with its own secret and default channel.

Only a digest of a secret is stored, so a link is shown once, when it is made (or rotated).
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from enum import StrEnum

from bot.people import Person
from storage import Database, SourceFigures, SourceKind, SourceRecord

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[\w.-]{1,40}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class SourceChange(StrEnum):
    DONE = "done"
    EXISTS = "exists"
    NOT_FOUND = "not_found"
    BAD_NAME = "bad_name"


@dataclass(frozen=True)
class SourceResult:
    outcome: SourceChange
    source: SourceRecord | None = None
    link: str | None = None  # shown once: only its digest is stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class SourceService:
    def __init__(self, db: Database, zone: tzinfo, public_url: str | None, local_url: str) -> None:
        self._db = db
        self._zone = zone
        self._public_url = public_url.rstrip("/") if public_url else None
        self._local_url = local_url.rstrip("/")

    @property
    def has_public_url(self) -> bool:
        return self._public_url is not None

    def link(self, secret: str) -> str:
        return f"{self._public_url or self._local_url}/leads/{secret}"

    async def add(
        self,
        actor: Person,
        name: str,
        channel: str | None,
        vk: tuple[str, str] | None = None,
    ) -> SourceResult:
        """A new link; `vk` is (confirmation string, secret key) for a VK Callback API source."""
        if not _NAME.match(name):
            return SourceResult(SourceChange.BAD_NAME)
        secret = secrets.token_urlsafe(18)
        kind = SourceKind.VK if vk else SourceKind.FORM
        async with self._db.unit() as u:
            source = await u.sources.create(
                name,
                kind,
                channel,
                digest(secret),
                actor.user_id,
                u.now,
                vk_confirm=vk[0] if vk else None,
                vk_secret=vk[1] if vk else None,
            )
        if source is None:
            return SourceResult(SourceChange.EXISTS)
        log.info("user %d added source %r (%s)", actor.user_id, name, kind.value)
        return SourceResult(SourceChange.DONE, source, self.link(secret))

    async def remove(self, actor: Person, name: str) -> SourceResult:
        async with self._db.unit() as u:
            source = await u.sources.by_name(name)
            if source is None or not await u.sources.delete(source.id, u.now):
                return SourceResult(SourceChange.NOT_FOUND)
        log.info("user %d deleted source %r", actor.user_id, name)
        return SourceResult(SourceChange.DONE, source)

    async def rotate(self, actor: Person, name: str) -> SourceResult:
        """A new secret: the old link stops working at once."""
        secret = secrets.token_urlsafe(18)
        async with self._db.unit() as u:
            source = await u.sources.by_name(name)
            if source is None:
                return SourceResult(SourceChange.NOT_FOUND)
            await u.sources.set_secret(source.id, digest(secret))
        log.info("user %d rotated the secret of source %r", actor.user_id, name)
        return SourceResult(SourceChange.DONE, source, self.link(secret))

    async def resolve(self, secret: str) -> SourceRecord | None:
        """The source a link's secret opens, if any."""
        if not _SECRET.match(secret):
            return None
        async with self._db.reading() as u:
            return await u.sources.by_secret_hash(digest(secret))

    async def figures(self) -> list[SourceFigures]:
        """Every source with its leads today (in the team's time zone) and this week."""
        async with self._db.reading() as u:
            now = u.now
            local = now.astimezone(self._zone)
            day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
            return await u.sources.figures(day_start, now - timedelta(days=7))
