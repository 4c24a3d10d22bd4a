"""Pausing, and what a head sets per manager: /pause, /resume ("I'm here" too), /weight,
/cap, /skills."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.handlers.common import heads_only, person_of
from bot.handlers.filters import IsHead
from bot.i18n import Html, Translator
from bot.presentation.callbacks import HereCb
from bot.services.managers import Change, ChangeResult, ManagerService


def change_text(
    result: ChangeResult, done: str, already: str, tr: Translator, **params: object
) -> Html:
    name = result.member.full_name if result.member else "?"
    match result.outcome:
        case Change.DONE:
            return tr(done, name=name, **params)
        case Change.ALREADY:
            return tr(already, name=name, **params)
        case Change.NO_TEAM:
            return tr("team.none")
        case Change.NOT_FOUND:
            return tr("remove.not_found")
        case Change.NOT_MEMBER:
            return tr("manager.not_member")
        case Change.BAD_VALUE:
            return tr(result.error or "manager.usage")


async def on_pause_self(message: Message, managers: ManagerService, tr: Translator) -> None:
    assert message.from_user is not None
    result = await managers.pause(person_of(message.from_user), None, paused=True)
    await message.answer(change_text(result, "pausing.self", "pausing.already_self", tr))


async def on_resume_self(message: Message, managers: ManagerService, tr: Translator) -> None:
    assert message.from_user is not None
    result = await managers.pause(person_of(message.from_user), None, paused=False)
    await message.answer(change_text(result, "resuming.self", "resuming.already_self", tr))


async def on_here(query: CallbackQuery, managers: ManagerService, tr: Translator) -> None:
    """ "I'm here" under the message that paused the tapper. Their return edits that
    message (its button goes); a button left from a pause already over goes here."""
    result = await managers.pause(person_of(query.from_user), None, paused=False)
    if result.outcome is Change.DONE:
        await query.answer(tr("presence.here_done"))
        return
    already = result.outcome is Change.ALREADY
    await query.answer(
        tr("presence.here_already") if already else change_text(result, "", "", tr),
        show_alert=not already,
    )
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)


async def on_pause_other(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    result = await managers.pause(person_of(message.from_user), command.args, paused=True)
    await message.answer(change_text(result, "pausing.other", "pausing.already_other", tr))


async def on_resume_other(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    result = await managers.pause(person_of(message.from_user), command.args, paused=False)
    await message.answer(change_text(result, "resuming.other", "resuming.already_other", tr))


def _two(command: CommandObject) -> tuple[str, str] | None:
    parts = (command.args or "").split(maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else None


async def on_weight(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    if (args := _two(command)) is None:
        await message.answer(tr("weight.usage"))
        return
    result = await managers.set_weight(person_of(message.from_user), *args)
    weight = result.member.weight if result.member else 1
    await message.answer(change_text(result, "weight.done", "weight.done", tr, weight=weight))


async def on_cap(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    if (args := _two(command)) is None:
        await message.answer(tr("cap.usage"))
        return
    result = await managers.set_cap(person_of(message.from_user), *args)
    cap = result.member.cap if result.member else None
    shown = tr("cap.team") if cap is None else cap
    await message.answer(change_text(result, "cap.done", "cap.done", tr, cap=shown))


async def on_skills(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    assert message.from_user is not None
    if (args := _two(command)) is None:
        await message.answer(tr("skills.usage"))
        return
    result = await managers.set_skills(person_of(message.from_user), *args)
    skills = ", ".join(result.member.skills) if result.member else ""
    await message.answer(
        change_text(result, "skills.done", "skills.done", tr, skills=skills or "—")
    )


def make_router() -> Router:
    router = Router(name=__name__)
    named = F.args.regexp(r"\S")
    router.message.register(on_pause_other, Command("pause", magic=named), IsHead())
    router.message.register(heads_only(), Command("pause", magic=named))
    router.message.register(on_pause_self, Command("pause"))
    router.message.register(on_resume_other, Command("resume", magic=named), IsHead())
    router.message.register(heads_only(), Command("resume", magic=named))
    router.message.register(on_resume_self, Command("resume"))
    router.callback_query.register(on_here, HereCb.filter())
    for name, handler in (("weight", on_weight), ("cap", on_cap), ("skills", on_skills)):
        router.message.register(handler, Command(name), IsHead())
        router.message.register(heads_only(), Command(name))
    return router
