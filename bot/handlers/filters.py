"""Who may use a route: checked once, in the router, not in each handler."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, User

from bot.people import Roles
from bot.services.team import TeamService


class IsHead(Filter):
    """The user is a head of sales (ADMIN_IDS, or added with /head add)."""

    async def __call__(
        self, event: TelegramObject, roles: Roles, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and roles.is_head(event_from_user.id)


class OutsideTeams(Filter):
    """The message was sent in a chat that is no team's."""

    async def __call__(self, message: Message, teams: TeamService) -> bool:
        return await teams.team_of_chat(message.chat.id) is None


class InTeam(Filter):
    """The user is a head of sales or an active member of the team: who works when, and
    who is away, is the company's business, not any passer-by's."""

    async def __call__(
        self, event: TelegramObject, teams: TeamService, event_from_user: User | None = None
    ) -> bool:
        if event_from_user is None:
            return False
        if teams.is_head(event_from_user.id):
            return True
        team = await teams.primary()
        return team is not None and await teams.member(team, event_from_user.id) is not None
