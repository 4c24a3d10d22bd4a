"""What the console reads and changes. Every change goes through the same use cases as the
typed commands, so it gets the same checks, history and answers. The caller's rights are
read from the database on every call: a head removed a minute ago is refused at once, in
this process or any other."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.i18n import Translator
from bot.people import Roles
from bot.routing import Mode
from bot.services.managers import ManagerService, SettingResult
from bot.team_settings import ALL, MODE
from storage import Database, MemberRecord, TeamRecord

_TAG = re.compile(r"<[^>]+>")


class Role(StrEnum):
    HEAD = "head"
    MANAGER = "manager"


@dataclass(frozen=True)
class Caller:
    role: Role
    team: TeamRecord | None
    member: MemberRecord | None  # their membership in the team, if any


def plain(text: str) -> str:
    """A catalog text (Telegram HTML) as the page shows it: text, no tags."""
    return html.unescape(_TAG.sub("", text))


class ConsoleService:
    def __init__(self, db: Database, roles: Roles, managers: ManagerService) -> None:
        self._db = db
        self._roles = roles
        self._managers = managers

    async def caller(self, user_id: int) -> Caller | None:
        """Who `user_id` is to the team now; None for a stranger."""
        async with self._db.reading() as u:
            added = {head.user_id for head in await u.heads.all()}
            team = await u.teams.primary()
            member = await u.members.active_by_user(team.id, user_id) if team else None
        if self._roles.is_configured(user_id) or user_id in added:
            return Caller(Role.HEAD, team, member)
        if member is not None:
            return Caller(Role.MANAGER, team, member)
        return None

    async def team(self, tr: Translator) -> dict[str, object] | None:
        """The team's mode and every setting: its value as `/set` takes it, its meaning and
        how `/settings` shows it, in the caller's language. None before /setup."""
        team, settings = await self._managers.settings()
        if team is None:
            return None
        return {
            "id": team.id,
            "title": team.title,
            "mode": settings[MODE].value,
            "modes": [{"value": m.value, "label": plain(tr("mode." + m.value))} for m in Mode],
            "settings": [
                {
                    "name": s.name,
                    "value": s.text(settings),
                    "label": plain(tr("setting." + s.name)),
                    "shown": plain(s.shown(settings, tr)),
                }
                for s in ALL
            ],
        }

    async def set_mode(self, mode: Mode) -> SettingResult:
        """As /mode's buttons do: the same use case, so the same history."""
        return await self._managers.set_mode(mode)
