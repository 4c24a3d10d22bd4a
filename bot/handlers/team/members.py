from __future__ import annotations

import logging
from typing import assert_never

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.handlers.common import heads_only, person_of, shown_username
from bot.handlers.filters import IsHead
from bot.i18n import Html, Translator
from bot.presentation.callbacks import LeaveCb, LeaveChoice, RejoinCb
from bot.presentation.keyboards import leave_keyboard, leave_pick_keyboard, rejoin_keyboard
from bot.services.leaving import Leave, LeaveResult, Leaving
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
        case Remove.REMOVED if result.in_work:
            assert result.member is not None
            member, in_work = result.member, result.in_work
            await message.answer(
                tr(
                    "remove.open_leads",
                    name=member.full_name,
                    count=len(in_work),
                    leads=_numbers(in_work, tr),
                ),
                reply_markup=leave_keyboard(member.id, tr),
            )
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


def _numbers(lead_ids: tuple[int, ...], tr: Translator, shown: int = 10) -> Html:
    """ "№12, №15, №20", the first `shown` of them and how many more."""
    numbers = [tr("lead.number", id=lead_id) for lead_id in lead_ids[:shown]]
    if len(lead_ids) > shown:
        numbers.append(tr("leads.more", count=len(lead_ids) - shown))
    return Html(", ".join(numbers))


async def on_leave(
    query: CallbackQuery, callback_data: LeaveCb, leaving: Leaving, tr: Translator
) -> None:
    """The head's word on a removed manager's leads in work: the answer to /remove says
    what was done, and keeps only the button that lets them back."""
    message, member_id = query.message, callback_data.member_id
    if not isinstance(message, Message):
        message = None  # too old for Telegram to show us: the decision still counts
    match callback_data.choice:
        case LeaveChoice.PICK | LeaveChoice.BACK:
            await _menu(query, message, callback_data, leaving, tr)
            return
        case LeaveChoice.ROUTE:
            result = await leaving.route(member_id)
        case LeaveChoice.GIVE:
            result = await leaving.give(person_of(query.from_user), member_id, callback_data.to)
        case LeaveChoice.KEEP:
            result = await leaving.keep(member_id)
        case _:
            assert_never(callback_data.choice)
    await _decided(query, message, result, callback_data.choice, tr)


async def _menu(
    query: CallbackQuery,
    message: Message | None,
    data: LeaveCb,
    leaving: Leaving,
    tr: Translator,
) -> None:
    """Whom to give the leads to, or back to the choices: only the keyboard changes."""
    if message is None:
        await query.answer(tr("leave.too_old"), show_alert=True)
        return
    if data.choice is LeaveChoice.BACK:
        await query.answer()
        await message.edit_reply_markup(reply_markup=leave_keyboard(data.member_id, tr))
        return
    people = [(m.id, m.full_name) for m in await leaving.others(data.member_id)]
    if not people:
        await query.answer(tr("leave.nobody"), show_alert=True)
        return
    await query.answer(tr("leave.pick"))
    keyboard = leave_pick_keyboard(data.member_id, people, tr)
    await message.edit_reply_markup(reply_markup=keyboard)


async def _decided(
    query: CallbackQuery,
    message: Message | None,
    result: LeaveResult,
    choice: LeaveChoice,
    tr: Translator,
) -> None:
    member = result.member
    if result.outcome is Leave.NO_MEMBER:
        await query.answer(tr("leave.no_member"), show_alert=True)
        return
    if member is None:
        await query.answer(tr("remove.not_found"), show_alert=True)
        if message is not None:
            await message.edit_reply_markup(reply_markup=None)
        return
    text, keyboard = _outcome(result, member, choice, tr)
    if message is None:
        await query.answer(text, show_alert=True)
        return
    await query.answer()
    await message.edit_text(text, reply_markup=keyboard)


def _outcome(
    result: LeaveResult, member: MemberRecord, choice: LeaveChoice, tr: Translator
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """What the answer to /remove says once the head decided, and its buttons."""
    if result.outcome is Leave.BACK:
        return tr("leave.back", name=member.full_name), None
    if result.outcome is Leave.NONE_LEFT:
        line = tr("leave.none")
    elif choice is LeaveChoice.ROUTE:
        line = tr("leave.routed", count=result.count)
    elif choice is LeaveChoice.GIVE and result.to is not None:
        line = tr("leave.given", name=result.to.full_name, count=result.count)
    else:
        line = tr("leave.kept", name=member.full_name)
    done = tr("remove.done", name=member.full_name)
    return Html(f"{done}\n\n{line}"), rejoin_keyboard(member.id, tr)


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
    router.callback_query.register(on_leave, LeaveCb.filter(), IsHead())
    router.callback_query.register(heads_only(), LeaveCb.filter())
    router.callback_query.register(heads_only(), RejoinCb.filter())
    return router
