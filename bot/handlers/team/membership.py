from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.handlers.common import IN_GROUP, IN_PRIVATE, person_of
from bot.i18n import Html, Translator
from bot.presentation.callbacks import JoinCb
from bot.presentation.keyboards import join_deep_link, open_private_keyboard
from bot.services.team import Join, JoinResult, TeamService

log = logging.getLogger(__name__)

JOIN_PAYLOAD = r"^join-(\d{1,12})$"


_OUTCOME_KEYS: dict[Join, str] = {
    Join.JOINED: "join.done",
    Join.ALREADY: "join.already",
    Join.BARRED: "join.removed",
    Join.NO_TEAM: "join.no_team",
    Join.NEED_PRIVATE_CHAT: "join.need_private_reply",
    Join.NOT_IN_CHAT: "join.not_in_chat",
    Join.TRY_LATER: "join.try_later",
}
assert set(_OUTCOME_KEYS) == set(Join)


def _outcome_text(result: JoinResult, tr: Translator, name: str) -> Html:
    title = result.team.title if result.team else ""
    return tr(_OUTCOME_KEYS[result.outcome], title=title, name=name)


async def on_join_button(
    query: CallbackQuery, callback_data: JoinCb, bot: Bot, teams: TeamService, tr: Translator
) -> None:
    if query.message is None:
        await query.answer(tr("button.forged"), show_alert=True)
        return
    team = await teams.team_of_chat(query.message.chat.id)
    if team is None or team.id != callback_data.team_id:
        log.info(
            "join button of team %d pressed by %d in a chat of another team",
            callback_data.team_id,
            query.from_user.id,
        )
        await query.answer(tr("join.other_team"), show_alert=True)
        return
    result = await teams.join_from_group(query.message.chat.id, person_of(query.from_user))
    if result.outcome is Join.NEED_PRIVATE_CHAT:
        me = await bot.me()
        # Telegram opens a t.me/<bot>?start=... link given here: one tap to the private chat.
        await query.answer(url=join_deep_link(me.username or "", team.id))
        return
    alert = result.outcome not in {Join.JOINED, Join.ALREADY}
    await query.answer(_outcome_text(result, tr, query.from_user.full_name), show_alert=alert)


async def on_join_command(message: Message, bot: Bot, teams: TeamService, tr: Translator) -> None:
    assert message.from_user is not None
    result = await teams.join_from_group(message.chat.id, person_of(message.from_user))
    markup = None
    if result.outcome is Join.NEED_PRIVATE_CHAT and result.team is not None:
        me = await bot.me()
        markup = open_private_keyboard(join_deep_link(me.username or "", result.team.id), tr)
    await message.reply(_outcome_text(result, tr, message.from_user.full_name), reply_markup=markup)


async def on_join_link(
    message: Message, command: CommandObject, teams: TeamService, tr: Translator
) -> None:
    assert message.from_user is not None and command.args is not None
    team_id = int(command.args.removeprefix("join-"))
    result = await teams.join_from_private(team_id, person_of(message.from_user))
    if result.outcome is Join.JOINED:
        assert result.team is not None
        await message.answer(tr("join.welcome", title=result.team.title))
    elif result.outcome is Join.NO_TEAM:
        await message.answer(tr("join.unknown_team"))
    else:
        await message.answer(_outcome_text(result, tr, message.from_user.full_name))


async def on_join_in_private(message: Message, tr: Translator) -> None:
    assert message.from_user is not None
    log.info(
        "refused /join in private from user %d: it works in the team chat", message.from_user.id
    )
    await message.answer(tr("wrong_chat.group"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(on_join_button, JoinCb.filter())
    router.message.register(on_join_command, Command("join"), IN_GROUP)
    router.message.register(on_join_in_private, Command("join"), IN_PRIVATE)
    router.message.register(
        on_join_link,
        CommandStart(deep_link=True, magic=F.args.regexp(JOIN_PAYLOAD)),
        IN_PRIVATE,
    )
    return router
