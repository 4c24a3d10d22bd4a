"""What the console reads and changes. Every change goes through the same use cases as the
typed commands, so it gets the same checks, history and answers. The caller's rights are
read from the database on every call: a head removed a minute ago is refused at once, in
this process or any other."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.dates import day_text
from bot.i18n import Translator, plain_text
from bot.lifecycle.planner import Situation
from bot.people import Person, Roles
from bot.routing import Mode
from bot.services.managers import ChangeResult, ManagerService, SettingResult
from bot.services.reply import Reply
from bot.services.rules import RuleService
from bot.team_settings import ALL, MODE
from storage import Database, MemberRecord, TeamRecord
from storage.team.vacations import VacationRecord, VacationStatus


class Role(StrEnum):
    HEAD = "head"
    MANAGER = "manager"


@dataclass(frozen=True)
class Caller:
    role: Role
    team: TeamRecord | None
    member: MemberRecord | None  # their membership in the team, if any


class ConsoleService:
    def __init__(
        self, db: Database, roles: Roles, managers: ManagerService, rules: RuleService
    ) -> None:
        self._db = db
        self._roles = roles
        self._managers = managers
        self._rules = rules

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
            "modes": [{"value": m.value, "label": plain_text(tr("mode." + m.value))} for m in Mode],
            "settings": [
                {
                    "name": s.name,
                    "value": s.text(settings),
                    "label": plain_text(tr("setting." + s.name)),
                    "shown": plain_text(s.shown(settings, tr)),
                }
                for s in ALL
            ],
        }

    async def members(self, tr: Translator) -> list[dict[str, object]] | None:
        """The team as it stands now, a row per member: free, working (open leads), paused
        or on vacation (and who covers), with weight, cap and skills. None before /setup."""
        async with self._db.reading() as u:
            team = await u.teams.primary()
            if team is None:
                return None
            members = await u.members.active(team.id)
            away = {
                v.member_id: v
                for v in await u.vacations.open_of_team(team.id)
                if v.status is VacationStatus.ACTIVE
            }
        names = {m.id: m.full_name for m in members}
        return [_row(m, away.get(m.id), names, tr) for m in members]

    async def pause(self, head: Person, member_id: int, paused: bool) -> ChangeResult:
        """As /pause @name and /resume @name do: the same use case, the same notices."""
        return await self._managers.pause(head, str(member_id), paused)

    async def rules(self) -> Situation | None:
        """The ordered rules with the team they name, as /rules reads them."""
        return await self._rules.situation()

    async def move_rule(self, head: Person, source: int, target: int) -> Reply:
        """As /rule move: the same use case, the same checks and history."""
        return await self._rules.move_rule(head, str(source), str(target))

    async def set_mode(self, mode: Mode) -> SettingResult:
        """As /mode's buttons do: the same use case, so the same history."""
        return await self._managers.set_mode(mode)


_STATES = {
    "free": "console.state_free",
    "working": "console.state_working",
    "paused": "console.state_paused",
    "away": "console.state_away",
}


def _state(member: MemberRecord, vacation: VacationRecord | None) -> str:
    if vacation is not None:
        return "away"
    if member.paused_at is not None:
        return "paused"
    return "working" if member.open_leads else "free"


def _row(
    member: MemberRecord,
    vacation: VacationRecord | None,
    names: dict[int, str],
    tr: Translator,
) -> dict[str, object]:
    state = _state(member, vacation)
    deputy = vacation.deputy_id if vacation else None
    return {
        "id": member.id,
        "name": member.full_name,
        "username": member.username,
        "state": state,
        "state_label": plain_text(tr(_STATES[state])),
        "open_leads": member.open_leads,
        "weight": member.weight,
        "cap": member.cap,
        "skills": list(member.skills),
        "back_on": day_text(vacation.last_day) if vacation else None,
        "deputy": names.get(deputy) if deputy else None,
    }
