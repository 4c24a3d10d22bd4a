from __future__ import annotations

import logging

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.handlers.common import heads_only, person_of, shown_username
from bot.handlers.filters import IsHead
from bot.i18n import Html, Translator
from bot.presentation.callbacks import RejoinCb
from bot.presentation.keyboards import rejoin_keyboard
from bot.services.team import Rejoin, Remove, TeamService
from storage import MemberRecord, TeamRecord

log = logging.getLogger(__name__)


async def _team_for(message: Message, teams: TeamService) -> TeamRecord | None:
    """In a group, that chat's team; in private, the team this installation serves."""
    if message.chat.type == "private":
        return await teams.primary()
    return await teams.team_of_chat(message.chat.id)


def _line(member: MemberRecord, tr: Translator) -> Html:
    username = shown_username(member.username)
    line = tr("team.member", number=member.id, name=member.full_name, username=username)
    if not member.active:
        return line
    notes = [tr("team.paused")] if member.paused_at is not None else []
    if member.weight != 1:
        notes.append(tr("team.weight", weight=member.weight))
    if member.cap is not None:
        notes.append(tr("team.cap", cap=member.cap))
    if member.skills:
        notes.append(tr("team.skills", skills=", ".join(member.skills)))
    return Html(" · ".join([line, *notes]))


async def on_team(message: Message, teams: TeamService, tr: Translator) -> None:
    assert message.from_user is not None
    team = await _team_for(message, teams)
    if team is None:
        await message.answer(tr("team.none"))
        return
    user_id = message.from_user.id
    head = teams.is_head(user_id)
    if not head and await teams.member(team, user_id) is None:
        # Who works in sales is the company's business, not any passer-by's.
        log.info("refused /team from user %d: not in team %d", user_id, team.id)
        await message.answer(tr("team.members_only"))
        return
    members = await teams.members(team)
    lines: list[str] = [tr("team.header", title=team.title, count=len(members))]
    lines += [_line(member, tr) for member in members]
    if not members:
        lines.append(tr("team.empty"))
    if head:
        if barred := await teams.barred(team):
            lines += ["", tr("team.removed_header"), *(_line(member, tr) for member in barred)]
        if members:
            lines += ["", tr("team.remove_hint")]
    await message.answer(Html("\n".join(lines)))


async def on_remove(
    message: Message, command: CommandObject, teams: TeamService, tr: Translator
) -> None:
    assert message.from_user is not None
    target = (command.args or "").strip()
    if not target:
        await message.answer(tr("remove.usage"))
        return
    result = await teams.remove(
        person_of(message.from_user), await _team_for(message, teams), target
    )
    match result.outcome:
        case Remove.REMOVED:
            assert result.member is not None
            await message.answer(
                tr("remove.done", name=result.member.full_name),
                reply_markup=rejoin_keyboard(result.member.id, tr),
            )
        case Remove.NO_TEAM:
            await message.answer(tr("team.none"))
        case Remove.NOT_FOUND:
            await message.answer(tr("remove.not_found"))


async def on_allow_rejoin(
    query: CallbackQuery, callback_data: RejoinCb, teams: TeamService, tr: Translator
) -> None:
    outcome, member = await teams.allow_rejoin(person_of(query.from_user), callback_data.member_id)
    match outcome:
        case Rejoin.ALLOWED:
            assert member is not None
            await query.answer(tr("remove.allowed", name=member.full_name), show_alert=True)
        case Rejoin.ALREADY:
            await query.answer(tr("remove.allowed_already"))
        case Rejoin.NOT_FOUND:
            await query.answer(tr("remove.not_found"), show_alert=True)


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_team, Command("team"))
    router.message.register(on_remove, Command("remove"), IsHead())
    router.message.register(heads_only(), Command("remove"))
    router.callback_query.register(on_allow_rejoin, RejoinCb.filter(), IsHead())
    router.callback_query.register(heads_only(), RejoinCb.filter())
    return router
