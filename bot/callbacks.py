"""Typed callback data of every inline button the bot posts."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ClaimCb(CallbackData, prefix="claim"):
    lead_id: int


class JoinCb(CallbackData, prefix="join"):
    team_id: int
