from __future__ import annotations

import logging

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import person_of
from bot.i18n import Html, Translator
from bot.services.team import Remove, TeamService
from storage import TeamRecord

log = logging.getLogger(__name__)


async def _team_for(message: Message, teams: TeamService) -> TeamRecord | None:
    """In a group, that chat's team; in private, the team this installation serves."""
    if message.chat.type == "private":
        return await teams.primary()
    return await teams.team_of_chat(message.chat.id)


async def on_team(message: Message, teams: TeamService, tr: Translator) -> None:
    assert message.from_user is not None
    team = await _team_for(message, teams)
    if team is None:
        await message.answer(tr("team.none"))
        return
    user_id = message.from_user.id
    if not teams.is_head(user_id) and await teams.member(team, user_id) is None:
        # Who works in sales is the company's business, not any passer-by's.
        log.info("refused /team from user %d: not in team %d", user_id, team.id)
        await message.answer(tr("team.members_only"))
        return
    members = await teams.members(team)
    lines: list[str] = [tr("team.header", title=team.title, count=len(members))]
    lines += [
        tr(
            "team.member",
            number=member.id,
            name=member.full_name,
            username=f" (@{member.username})" if member.username else "",
        )
        for member in members
    ]
    if not members:
        lines.append(tr("team.empty"))
    elif teams.is_head(message.from_user.id):
        lines += ["", tr("team.remove_hint")]
    await message.answer(Html("\n".join(lines)))


async def on_remove(
    message: Message, command: CommandObject, teams: TeamService, tr: Translator
) -> None:
    assert message.from_user is not None
    target = (command.args or "").strip()
    actor = person_of(message.from_user)
    if not target and teams.is_head(actor.user_id):
        await message.answer(tr("remove.usage"))
        return
    result = await teams.remove(actor, await _team_for(message, teams), target)
    match result.outcome:
        case Remove.REMOVED:
            assert result.member is not None
            await message.answer(tr("remove.done", name=result.member.full_name))
        case Remove.NOT_HEAD:
            await message.answer(tr("remove.not_head"))
        case Remove.NO_TEAM:
            await message.answer(tr("team.none"))
        case Remove.NOT_FOUND:
            await message.answer(tr("remove.not_found"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_team, Command("team"))
    router.message.register(on_remove, Command("remove"))
    return router
