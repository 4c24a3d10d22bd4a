from __future__ import annotations

import logging
import re

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.handlers.common import IN_GROUP, heads_only, person_of
from bot.handlers.filters import IsHead, OutsideTeams
from bot.i18n import Translator
from bot.presentation.callbacks import WeekCb, WorkWeek
from bot.presentation.keyboards import join_keyboard, work_week_keyboard
from bot.services.managers import Change, ManagerService
from bot.services.team import Setup, TeamService
from bot.team_settings import working_time

log = logging.getLogger(__name__)

ANY_COMMAND = re.compile(r"\w+")


async def on_setup_in_group(
    message: Message, teams: TeamService, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    result = await teams.setup(
        message.chat.id, message.chat.title or str(message.chat.id), person_of(message.from_user)
    )
    match result.outcome:
        case Setup.CREATED | Setup.ALREADY:
            assert result.team is not None
            if result.outcome is Setup.ALREADY:
                await message.reply(tr("setup.already", title=result.team.title))
            await message.answer(
                tr("setup.welcome", title=result.team.title),
                reply_markup=join_keyboard(result.team.id, tr),
            )
            if result.adopted:
                await message.answer(tr("setup.adopted", count=result.adopted))
            if result.outcome is Setup.CREATED:
                _, settings = await managers.settings()
                await message.answer(
                    tr("setup.hours", hours=working_time(settings, tr)),
                    reply_markup=work_week_keyboard(tr),
                )
        case Setup.OTHER_CHAT:
            assert result.team is not None
            await message.reply(tr("setup.other_chat", title=result.team.title))


async def on_work_week(
    query: CallbackQuery, callback_data: WeekCb, managers: ManagerService, tr: Translator
) -> None:
    """A head's answer to /setup's question: how the team works."""
    choice = callback_data.choice
    if choice is not WorkWeek.LATER:
        result = await managers.set_work_week(always=choice is WorkWeek.ALWAYS)
        if result.outcome not in (Change.DONE, Change.ALREADY):
            await query.answer(tr(result.error or "team.none"), show_alert=True)
            return
    _, settings = await managers.settings()
    key = "week.later_done" if choice is WorkWeek.LATER else "week.done"
    text = tr(key, hours=working_time(settings, tr))
    if isinstance(query.message, Message):
        await query.message.edit_text(text)
    await query.answer()


async def on_setup_not_head(message: Message, teams: TeamService, tr: Translator) -> None:
    """With ADMIN_IDS still empty it is likely the one setting the bot up: they are told
    what to put there. Once the team has a head, nobody is told how to make themselves one:
    they are to ask the head."""
    assert message.from_user is not None
    user_id = message.from_user.id
    log.info("refused /setup from user %d", user_id)
    if teams.has_heads():
        await message.answer(tr("setup.not_head_member"))
        return
    await message.answer(tr("setup.not_head", user_id=user_id))


async def on_command_outside(message: Message, tr: Translator) -> None:
    """A command in a group that is no team's chat: it says how to connect the chat, and
    touches no team. Otherwise a head's /stats typed in the wrong group would post the
    team's figures there."""
    log.info("answered a command in chat %d, which is no team's", message.chat.id)
    await message.answer(tr("setup.outside"))


async def on_setup_elsewhere(message: Message, tr: Translator) -> None:
    assert message.from_user is not None
    log.info("refused /setup in private from user %d", message.from_user.id)
    await message.answer(tr("setup.in_private"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_setup_in_group, Command("setup"), IN_GROUP, IsHead())
    router.message.register(on_setup_not_head, Command("setup"), IN_GROUP)
    router.message.register(on_setup_elsewhere, Command("setup"))
    # Runs before every other command's router (see `bot.handlers.get_routers`).
    router.message.register(on_command_outside, Command(ANY_COMMAND), IN_GROUP, OutsideTeams())
    router.callback_query.register(on_work_week, WeekCb.filter(), IsHead())
    router.callback_query.register(heads_only(), WeekCb.filter())
    return router
