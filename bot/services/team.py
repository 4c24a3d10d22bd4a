from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.actions.intake import IntakeService
from bot.i18n import Translator
from bot.ids import row_number
from bot.lifecycle.handover import Handover
from bot.people import Person, Roles
from storage import Database, MemberRecord, TeamRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

# People remembered as last seen; past this the memory starts over (one write each again).
MAX_PROFILES = 10_000


class Reachability(Protocol):
    """What joining needs to know from Telegram."""

    async def try_message(self, user_id: int, text: str) -> bool | None:
        """Send `text` to the user's private chat: True if sent, False if Telegram forbids it
        (they never opened the chat, or blocked the bot), None if it could not tell."""
        ...

    async def in_chat(self, chat_id: int, user_id: int) -> bool:
        """Whether the user is currently a member of the group chat."""
        ...


class Setup(StrEnum):
    CREATED = "created"
    ALREADY = "already"
    OTHER_CHAT = "other_chat"


@dataclass(frozen=True)
class SetupResult:
    outcome: Setup
    team: TeamRecord | None = None
    adopted: int = 0


class Join(StrEnum):
    JOINED = "joined"
    ALREADY = "already"
    BARRED = "barred"  # a head removed them; only a head can let them back
    NO_TEAM = "no_team"
    NEED_PRIVATE_CHAT = "need_private_chat"
    NOT_IN_CHAT = "not_in_chat"
    TRY_LATER = "try_later"


@dataclass(frozen=True)
class JoinResult:
    outcome: Join
    team: TeamRecord | None = None


class Remove(StrEnum):
    REMOVED = "removed"
    NO_TEAM = "no_team"
    NOT_FOUND = "not_found"


class Rejoin(StrEnum):
    ALLOWED = "allowed"  # a member a head removed may join again
    ALREADY = "already"  # they already could
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class RemoveResult:
    outcome: Remove
    member: MemberRecord | None = None
    in_work: tuple[int, ...] = ()  # their leads still open: the head decides (`leaving`)


class TeamTimers(Protocol):
    """Who plans a team's own timers (`timing.firing.TimerService`)."""

    async def team_created(self, u: Unit, team: TeamRecord, now: datetime) -> None:
        """Plan what a new team waits on. Call inside the transaction that created it."""
        ...


class TeamService:
    def __init__(
        self,
        db: Database,
        roles: Roles,
        leads: IntakeService,
        handover: Handover,
        reach: Reachability,
        timers: TeamTimers,
    ) -> None:
        self._handover = handover
        self._db = db
        self._roles = roles
        self._leads = leads
        self._reach = reach
        self._timers = timers
        # Who this process last saw as what: (name, username, language) by Telegram id.
        self._profiles: dict[int, tuple[str, str | None, str]] = {}

    def is_head(self, user_id: int) -> bool:
        return self._roles.is_head(user_id)

    def has_heads(self) -> bool:
        """Whether anyone heads the team yet: until then, whoever writes to the bot is
        likely the one setting it up, and is told how to become its head."""
        return bool(self._roles.head_ids)

    async def setup(self, chat_id: int, title: str, actor: Person) -> SetupResult:
        async with self._db.unit() as u:
            existing = await u.teams.primary()
            if existing is not None and existing.chat_id == chat_id:
                if await u.teams.resume(existing.id):
                    # /setup from inside the chat proves the bot can read there again.
                    log.info("team %d resumed by /setup from user %d", existing.id, actor.user_id)
                    existing = replace(existing, paused_at=None, pause_reason=None)
                if existing.title != title:
                    await u.teams.rename(existing.id, title)
                    existing = replace(existing, title=title)
                return SetupResult(Setup.ALREADY, existing)
            if existing is not None:
                # One installation serves one team: leads from the web form and from
                # private chats must have exactly one place to go.
                return SetupResult(Setup.OTHER_CHAT, existing)
            now = u.now
            team = await u.teams.create(chat_id, title, actor.language, actor.user_id, now)
            await self._timers.team_created(u, team, now)
            adopted = await self._leads.offer_waiting(u, team, now)
        log.info("team %d set up in chat %d by user %d", team.id, chat_id, actor.user_id)
        return SetupResult(Setup.CREATED, team, adopted)

    async def team_of_chat(self, chat_id: int) -> TeamRecord | None:
        async with self._db.reading() as u:
            return await u.teams.by_chat(chat_id)

    async def primary(self) -> TeamRecord | None:
        async with self._db.reading() as u:
            return await u.teams.primary()

    async def member(self, team: TeamRecord, user_id: int) -> MemberRecord | None:
        async with self._db.reading() as u:
            return await u.members.active_by_user(team.id, user_id)

    def seen_as(self, user_id: int) -> tuple[str, str | None] | None:
        """The name and username this process last saw the person with, if any."""
        profile = self._profiles.get(user_id)
        return None if profile is None else (profile[0], profile[1])

    async def seen(self, person: Person) -> None:
        """The person as Telegram shows them now: a manager who switched Telegram to
        English gets English cards from the next one on, and a new name shows in lists.
        Written only when something changed since this process last saw them."""
        profile = (person.full_name, person.username, person.language)
        if self._profiles.get(person.user_id) == profile:
            return
        async with self._db.unit() as u:
            await u.members.refresh_profile(person.user_id, *profile)
        if len(self._profiles) > MAX_PROFILES:
            self._profiles.clear()
        self._profiles[person.user_id] = profile

    async def members(self, team: TeamRecord) -> list[MemberRecord]:
        async with self._db.reading() as u:
            return await u.members.active(team.id)

    async def join_from_group(self, chat_id: int, person: Person) -> JoinResult:
        """Join via the button or /join in the team chat.

        A bot cannot write first to someone who never opened its private chat, and leads
        are useless to a member the bot cannot reach; so joining sends the welcome first and
        only a delivered welcome makes a member.
        """
        async with self._db.reading() as u:
            team = await u.teams.by_chat(chat_id)
            if team is None:
                return JoinResult(Join.NO_TEAM)
            if (refused := await _refused_join(u, team, person)) is not None:
                return refused
        welcome = Translator(person.language)("join.welcome", title=team.title)
        delivered = await self._reach.try_message(person.user_id, welcome)
        if delivered is None:
            return JoinResult(Join.TRY_LATER, team)
        if not delivered:
            return JoinResult(Join.NEED_PRIVATE_CHAT, team)
        return await self._add(team, person)

    async def join_from_private(self, team_id: int, person: Person) -> JoinResult:
        """Join via the deep link, which only works for people in the team chat."""
        async with self._db.reading() as u:
            team = await u.teams.by_id(team_id)
            if team is None:
                return JoinResult(Join.NO_TEAM)
            if (refused := await _refused_join(u, team, person)) is not None:
                return refused
        if not await self._reach.in_chat(team.chat_id, person.user_id):
            log.info("refused join of team %d by user %d: not in chat", team.id, person.user_id)
            return JoinResult(Join.NOT_IN_CHAT, team)
        return await self._add(team, person)

    async def _add(self, team: TeamRecord, person: Person) -> JoinResult:
        async with self._db.unit() as u:
            await u.members.upsert_active(
                team.id,
                person.user_id,
                person.full_name,
                person.username,
                person.language,
                u.now,
            )
        log.info("user %d joined team %d", person.user_id, team.id)
        return JoinResult(Join.JOINED, team)

    async def remove(self, actor: Person, team: TeamRecord | None, target: str) -> RemoveResult:
        """A head removes a member named by their number in /team or by @username. The
        removal sticks: they cannot join again until a head allows it. Offers to them move
        on; the leads they took wait for the head's word (`bot.services.leaving`)."""
        if team is None:
            return RemoveResult(Remove.NO_TEAM)
        async with self._db.unit() as u:
            member = await find_member(u, team, target)
            if member is None or not member.active:
                return RemoveResult(Remove.NOT_FOUND)
            removed = await u.members.deactivate(member.id, u.now, by=actor.user_id)
            in_work: tuple[int, ...] = ()
            if removed:
                await self._handover.withdraw_offers(u, member, "removed by a head", "removed")
                in_work = tuple(lead.id for lead in await u.lists.open_of(member.id))
        if not removed:
            return RemoveResult(Remove.NOT_FOUND)
        log.info("user %d removed member %d from team %d", actor.user_id, member.id, team.id)
        return RemoveResult(Remove.REMOVED, member, in_work)

    async def allow_rejoin(
        self, actor: Person, member_id: int
    ) -> tuple[Rejoin, MemberRecord | None]:
        async with self._db.unit() as u:
            team = await u.teams.primary()
            member = await u.members.by_id(member_id)
            if team is None or member is None or member.team_id != team.id:
                return Rejoin.NOT_FOUND, None
            allowed = await u.members.allow_rejoin(member_id)
        if not allowed:
            return Rejoin.ALREADY, member
        log.info("user %d allowed member %d to rejoin team %d", actor.user_id, member_id, team.id)
        return Rejoin.ALLOWED, member

    async def barred(self, team: TeamRecord) -> list[MemberRecord]:
        async with self._db.reading() as u:
            return await u.members.barred(team.id)

    async def find_member(self, team: TeamRecord, target: str) -> MemberRecord | None:
        """A member of `team`, past or present, by their number in /team or @username."""
        async with self._db.reading() as u:
            return await find_member(u, team, target)


async def find_member(u: Unit, team: TeamRecord, target: str) -> MemberRecord | None:
    """A member of `team`, past or present, by their number in /team or @username."""
    target = target.strip()
    if target.startswith("@") and len(target) > 1:
        return await u.members.find_by_username(team.id, target[1:])
    number = row_number(target)
    member = await u.members.by_id(number) if number is not None else None
    return member if member is not None and member.team_id == team.id else None


async def _refused_join(u: Unit, team: TeamRecord, person: Person) -> JoinResult | None:
    member = await u.members.by_user(team.id, person.user_id)
    if member is None:
        return None
    if member.active:
        return JoinResult(Join.ALREADY, team)
    if member.barred:
        log.info("refused join of team %d by user %d: removed by a head", team.id, person.user_id)
        return JoinResult(Join.BARRED, team)
    return None
