"""Typed callback data of every inline button the bot posts."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.ids import RowId
from bot.routing import Mode


class ClaimCb(CallbackData, prefix="claim"):
    lead_id: RowId


class JoinCb(CallbackData, prefix="join"):
    team_id: RowId


class RejoinCb(CallbackData, prefix="rejoin"):
    """A head allows a removed member to join again."""

    member_id: RowId


class OfferAction(StrEnum):
    ACCEPT = "accept"
    RETURN = "return"


class OfferCb(CallbackData, prefix="offer"):
    """Accept or Return on a lead offered to one manager."""

    action: OfferAction
    lead_id: RowId


class ReturnWhy(StrEnum):
    PROFILE = "profile"  # not my profile
    BUSY = "busy"
    OTHER = "other"


class ReturnCb(CallbackData, prefix="ret"):
    """The reason for a Return; None goes back to Accept and Return."""

    lead_id: RowId
    why: ReturnWhy | None = None


class Outcome(StrEnum):
    WON = "won"
    LOST = "lost"


class OutcomeCb(CallbackData, prefix="out"):
    outcome: Outcome
    lead_id: RowId


class LostWhy(StrEnum):
    NO_ANSWER = "no_answer"
    NO_BUDGET = "no_budget"
    COMPETITOR = "competitor"
    NOT_CLIENT = "not_client"
    OTHER = "other"


class UndoCb(CallbackData, prefix="undo"):
    """Its owner takes back the Won or Lost just tapped (within UNDO_WINDOW)."""

    lead_id: RowId


class LostCb(CallbackData, prefix="lost"):
    """The reason a lead was lost; None goes back to Won and Lost."""

    lead_id: RowId
    why: LostWhy | None = None


class AssignCb(CallbackData, prefix="asg"):
    """A head gives a waiting lead to a manager."""

    lead_id: RowId
    member_id: RowId


class OpenCb(CallbackData, prefix="open"):
    """A head picks a lead from /open to hand it to someone."""

    lead_id: RowId


class GiveCb(CallbackData, prefix="give"):
    """A head gives an open lead to a manager, as /assign does (it may move it)."""

    lead_id: RowId
    member_id: RowId


class ModeCb(CallbackData, prefix="mode"):
    mode: Mode


class WorkWeek(StrEnum):
    """The answers /setup offers to "how does the team work?"."""

    ALWAYS = "always"  # around the clock, every day
    WEEKDAYS = "weekdays"  # Monday to Friday, 09:00-18:00 (the default)
    LATER = "later"  # keep the default for now


class WeekCb(CallbackData, prefix="week"):
    choice: WorkWeek


class SetCb(CallbackData, prefix="set"):
    """A common change from the /settings message: `/set name value` in one tap."""

    name: str
    value: str
