"""Typed callback data of every inline button the bot posts."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.ids import RowId


class ClaimCb(CallbackData, prefix="claim"):
    lead_id: RowId


class JoinCb(CallbackData, prefix="join"):
    team_id: RowId


class RejoinCb(CallbackData, prefix="rejoin"):
    """A head allows a removed member to join again."""

    member_id: RowId
