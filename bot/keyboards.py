from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import JoinCb, LostCb, LostWhy, ModeCb, RejoinCb, ReturnCb, ReturnWhy
from bot.i18n import Translator
from bot.routing import Mode


def join_keyboard(team_id: int, tr: Translator) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=tr("button.join"), callback_data=JoinCb(team_id=team_id).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def open_private_keyboard(url: str, tr: Translator) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=tr("button.open_private"), url=url)
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def join_deep_link(bot_username: str, team_id: int) -> str:
    """Opens the bot's private chat and sends `/start join-<team>`, which completes the join."""
    return f"https://t.me/{bot_username}?start=join-{team_id:d}"


def rejoin_keyboard(member_id: int, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("button.allow_rejoin"), callback_data=RejoinCb(member_id=member_id))
    return builder.as_markup()


def return_reasons_keyboard(lead_id: int, tr: Translator) -> InlineKeyboardMarkup:
    """Shown in place of Accept and Return after a tap on Return: one tap gives the reason."""
    builder = InlineKeyboardBuilder()
    for why in ReturnWhy:
        builder.button(
            text=tr("return_why." + why.value), callback_data=ReturnCb(lead_id=lead_id, why=why)
        )
    builder.button(text=tr("button.back"), callback_data=ReturnCb(lead_id=lead_id))
    builder.adjust(1)
    return builder.as_markup()


def lost_reasons_keyboard(lead_id: int, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for why in LostWhy:
        builder.button(
            text=tr("lost_why." + why.value), callback_data=LostCb(lead_id=lead_id, why=why)
        )
    builder.button(text=tr("button.back"), callback_data=LostCb(lead_id=lead_id))
    builder.adjust(2)
    return builder.as_markup()


def mode_keyboard(current: Mode, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mode in Mode:
        mark = "● " if mode is current else ""
        builder.button(text=mark + tr("mode." + mode.value), callback_data=ModeCb(mode=mode))
    builder.adjust(1)
    return builder.as_markup()
