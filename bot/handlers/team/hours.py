"""Working hours and duty: /hours and /duty show them; a head changes them per manager."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import heads_only, person_of
from bot.handlers.filters import InTeam, IsHead
from bot.handlers.leads.views import duty_text, hours_text
from bot.handlers.team.managers import change_text
from bot.i18n import Html, Translator
from bot.services.managers import ManagerService
from bot.team_settings import TeamSettings
from storage import MemberRecord

RosterView = Callable[[TeamSettings, list[MemberRecord], Translator], Html]

_ON = {"on", "yes", "да", "вкл"}
_OFF = {"off", "no", "нет", "выкл"}


def _show(view: RosterView) -> Callable[[Message, ManagerService, Translator], Awaitable[None]]:
    """/hours and /duty without arguments: what the team has, for anyone to read."""

    async def show(message: Message, managers: ManagerService, tr: Translator) -> None:
        team, settings, members = await managers.roster()
        await message.answer(view(settings, members, tr) if team else tr("team.none"))

    return show


async def on_set_hours(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) != 2:
        await message.answer(tr("hours.usage"))
        return
    result = await managers.set_hours(person_of(message.from_user), parts[0], parts[1])
    own = result.member.work_hours if result.member else None
    hours = own if own else tr("hours.team_hours")
    await message.answer(change_text(result, "hours.done", "hours.done", tr, hours=hours))


async def on_set_duty(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    parts = (command.args or "").split()
    switch = parts[1].casefold() if len(parts) == 2 else ""
    if switch not in _ON | _OFF:
        await message.answer(tr("duty.usage"))
        return
    on_duty = switch in _ON
    result = await managers.set_duty(person_of(message.from_user), parts[0], on_duty)
    key = "duty.on" if on_duty else "duty.off"
    await message.answer(change_text(result, key, key, tr))


def make_router() -> Router:
    router = Router(name=__name__)
    named = F.args.regexp(r"\S")
    for name, change, view in (
        ("hours", on_set_hours, hours_text),
        ("duty", on_set_duty, duty_text),
    ):
        router.message.register(change, Command(name, magic=named), IsHead())
        router.message.register(heads_only(), Command(name, magic=named))
        router.message.register(_show(view), Command(name), InTeam())
        router.message.register(heads_only("common.members_only"), Command(name))
    return router
