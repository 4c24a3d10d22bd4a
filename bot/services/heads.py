"""Heads of sales added from Telegram, beside the ones in ADMIN_IDS."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.people import Person, Roles
from bot.services.team import TeamService, find_member
from storage import Database, HeadRecord

log = logging.getLogger(__name__)


class HeadChange(StrEnum):
    ADDED = "added"
    ALREADY = "already"
    REMOVED = "removed"
    NOT_FOUND = "not_found"
    CONFIGURED = "configured"  # in ADMIN_IDS: only the .env file changes that


@dataclass(frozen=True)
class HeadResult:
    outcome: HeadChange
    person: Person | None = None


@dataclass(frozen=True)
class ConfiguredHead:
    """A head from ADMIN_IDS: a Telegram id, with the name they go by when it is known
    (they are or were a member, or wrote to the bot since it started)."""

    user_id: int
    full_name: str | None
    username: str | None


@dataclass(frozen=True)
class HeadList:
    configured: tuple[ConfiguredHead, ...]
    added: tuple[HeadRecord, ...]


class HeadService:
    def __init__(self, db: Database, roles: Roles, teams: TeamService) -> None:
        self._db = db
        self._roles = roles
        self._teams = teams

    async def load(self) -> None:
        """Mirror the stored heads into `Roles`; call once at start."""
        async with self._db.reading() as u:
            stored = await u.heads.all()
        self._roles.set_added(frozenset(head.user_id for head in stored))

    async def listing(self) -> HeadList:
        ids = sorted(self._roles.admin_ids)
        async with self._db.reading() as u:
            added = await u.heads.all()
            named = await u.members.named(ids)
        configured = []
        for user_id in ids:
            name, username = self._teams.seen_as(user_id) or named.get(user_id) or (None, None)
            configured.append(ConfiguredHead(user_id, name, username))
        return HeadList(tuple(configured), tuple(added))

    async def resolve(self, target: str) -> Person | None:
        """A person named by @username or their number in /team (members only: Telegram
        tells a bot nobody's id from a username)."""
        async with self._db.reading() as u:
            team = await u.teams.primary()
            member = await find_member(u, team, target) if team else None
        if member is not None:
            return Person(member.user_id, member.full_name, member.username, member.language)
        # A head added from a reply need not be a member; find them among the heads.
        wanted = target.strip().removeprefix("@").casefold()
        for head in (await self.listing()).added:
            if head.username and head.username.casefold() == wanted:
                return Person(head.user_id, head.full_name, head.username)
        return None

    async def add(self, actor: Person, person: Person) -> HeadResult:
        if self._roles.is_configured(person.user_id):
            return HeadResult(HeadChange.ALREADY, person)
        async with self._db.unit() as u:
            added = await u.heads.add(
                person.user_id, person.full_name, person.username, actor.user_id, u.now
            )
        await self.load()
        if not added:
            return HeadResult(HeadChange.ALREADY, person)
        log.info("user %d made user %d a head of sales", actor.user_id, person.user_id)
        return HeadResult(HeadChange.ADDED, person)

    async def remove(self, actor: Person, person: Person) -> HeadResult:
        if self._roles.is_configured(person.user_id):
            return HeadResult(HeadChange.CONFIGURED, person)
        async with self._db.unit() as u:
            removed = await u.heads.remove(person.user_id)
        await self.load()
        if not removed:
            return HeadResult(HeadChange.NOT_FOUND, person)
        log.info("user %d removed head of sales %d", actor.user_id, person.user_id)
        return HeadResult(HeadChange.REMOVED, person)
