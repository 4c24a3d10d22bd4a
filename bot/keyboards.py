from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ClaimCb, JoinCb, RejoinCb
from bot.i18n import Translator


def claim_keyboard(lead_id: int, tr: Translator) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=tr("button.claim"), callback_data=ClaimCb(lead_id=lead_id).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


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
