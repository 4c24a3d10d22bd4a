"""The team's mode and settings: /mode with its menu, /settings, /set."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.handlers.common import heads_only
from bot.handlers.filters import IsHead
from bot.handlers.leads.views import saved_text, settings_text
from bot.i18n import Translator
from bot.presentation.callbacks import ModeCb, SetCb
from bot.presentation.keyboards import console_row, mode_keyboard, settings_keyboard
from bot.services.managers import Change, ManagerService
from bot.team_settings import MODE


async def on_mode(message: Message, managers: ManagerService, tr: Translator) -> None:
    team, settings = await managers.settings()
    if team is None:
        await message.answer(tr("team.none"))
        return
    current = settings[MODE]
    await message.answer(
        tr("mode.menu", mode=tr("mode." + current.value)), reply_markup=mode_keyboard(current, tr)
    )


async def on_mode_chosen(
    query: CallbackQuery, callback_data: ModeCb, managers: ManagerService, tr: Translator
) -> None:
    result = await managers.set_mode(callback_data.mode)
    if result.outcome is Change.NO_TEAM:
        await query.answer(tr("team.none"), show_alert=True)
        return
    name = tr("mode." + callback_data.mode.value)
    if isinstance(query.message, Message):
        await query.message.edit_text(
            tr("mode.menu", mode=name), reply_markup=mode_keyboard(callback_data.mode, tr)
        )
    key = "mode.switched" if result.outcome is Change.DONE else "mode.already"
    await query.answer(tr(key, mode=name), show_alert=True)


async def on_settings(
    message: Message, managers: ManagerService, tr: Translator, console_url: str | None
) -> None:
    team, settings = await managers.settings()
    if team is None:
        await message.answer(tr("team.none"))
        return
    markup = settings_keyboard(settings, tr)
    if console_url is not None and message.chat.type == "private":
        markup.inline_keyboard.append(console_row(console_url, tr))
    await message.answer(settings_text(settings, tr), reply_markup=markup)


async def on_setting_chosen(
    query: CallbackQuery, callback_data: SetCb, managers: ManagerService, tr: Translator
) -> None:
    result = await managers.set(callback_data.name, callback_data.value)
    match result.outcome:
        case Change.DONE | Change.ALREADY:
            _, settings = await managers.settings()
            # Telegram refuses an edit that changes nothing: a tap on the current choice.
            if result.outcome is Change.DONE and isinstance(query.message, Message):
                await query.message.edit_text(
                    settings_text(settings, tr), reply_markup=settings_keyboard(settings, tr)
                )
            await query.answer(saved_text(result, settings, tr))
        case Change.NO_TEAM:
            await query.answer(tr("team.none"), show_alert=True)
        case Change.NOT_FOUND | Change.BAD_VALUE | Change.NOT_MEMBER:
            await query.answer(tr(result.error or "set.usage"), show_alert=True)


async def on_set(
    message: Message, command: CommandObject, managers: ManagerService, tr: Translator
) -> None:
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) != 2:
        await message.answer(tr("set.usage"))
        return
    result = await managers.set(parts[0], parts[1])
    match result.outcome:
        case Change.DONE | Change.ALREADY:
            _, settings = await managers.settings()
            await message.answer(saved_text(result, settings, tr))
        case Change.NO_TEAM:
            await message.answer(tr("team.none"))
        case Change.NOT_FOUND | Change.BAD_VALUE | Change.NOT_MEMBER:
            await message.answer(tr(result.error or "set.usage"))


def make_router() -> Router:
    router = Router(name=__name__)
    for name, handler in (("mode", on_mode), ("settings", on_settings), ("set", on_set)):
        router.message.register(handler, Command(name), IsHead())
        router.message.register(heads_only(), Command(name))
    router.callback_query.register(on_mode_chosen, ModeCb.filter(), IsHead())
    router.callback_query.register(heads_only(), ModeCb.filter())
    router.callback_query.register(on_setting_chosen, SetCb.filter(), IsHead())
    router.callback_query.register(heads_only(), SetCb.filter())
    return router
