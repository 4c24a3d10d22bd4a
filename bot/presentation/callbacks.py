"""Typed callback data of every inline button the bot posts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Self

from aiogram.filters.callback_data import CallbackData

from bot.ids import RowId
from bot.routing import Mode
from storage import LeadRecord


@dataclass(frozen=True)
class LeadRef:
    """What a lead's button says of it: its number, and its stamp (a few random characters;
    "" for a lead written before stamps). A button whose stamp is not its lead's was made
    for another lead of that number: one the database no longer has after a restore."""

    id: int
    stamp: str = ""

    @classmethod
    def of(cls, lead: LeadRecord) -> LeadRef:
        return cls(lead.id, lead.stamp or "")


class LeadButton(CallbackData, prefix="lead"):
    """The base of every button about one lead: each declares `lead_id` and, last, `stamp`
    (pydantic puts a base's fields first, and old buttons end with the number's part)."""

    if TYPE_CHECKING:
        lead_id: int
        stamp: str

    @classmethod
    def unpack(cls, value: str) -> Self:
        # A button sent before stamps existed has one part less: it reads as stamp "".
        if value.count(cls.__separator__) == len(cls.model_fields) - 1:
            value += cls.__separator__
        return super().unpack(value)

    @property
    def ref(self) -> LeadRef:
        return LeadRef(self.lead_id, self.stamp)


class ClaimCb(LeadButton, prefix="claim"):
    lead_id: RowId
    stamp: str = ""


class JoinCb(CallbackData, prefix="join"):
    team_id: RowId


class RejoinCb(CallbackData, prefix="rejoin"):
    """A head allows a removed member to join again."""

    member_id: RowId


class LeaveChoice(StrEnum):
    """What a head does with the leads in work of a manager they removed."""

    ROUTE = "route"  # hand them out by the routing
    PICK = "pick"  # show whom to give them all to
    GIVE = "give"  # give them all to `to`
    KEEP = "keep"  # leave them where they are
    BACK = "back"  # from the people back to the choices


class LeaveCb(CallbackData, prefix="leave"):
    member_id: RowId  # who left
    choice: LeaveChoice
    to: int = 0  # GIVE: the member who gets them


class HereCb(CallbackData, prefix="here"):
    """A manager the bot paused is back at work: the tapper themself."""


class OfferAction(StrEnum):
    ACCEPT = "accept"
    RETURN = "return"


class OfferCb(LeadButton, prefix="offer"):
    """Accept or Return on a lead offered to one manager."""

    action: OfferAction
    lead_id: RowId
    stamp: str = ""


class ReturnWhy(StrEnum):
    PROFILE = "profile"  # not my profile
    BUSY = "busy"
    OTHER = "other"


class ReturnCb(LeadButton, prefix="ret"):
    """The reason for a Return; None goes back to Accept and Return."""

    lead_id: RowId
    why: ReturnWhy | None = None
    stamp: str = ""


class Outcome(StrEnum):
    WON = "won"
    LOST = "lost"


class OutcomeCb(LeadButton, prefix="out"):
    outcome: Outcome
    lead_id: RowId
    stamp: str = ""


class ContactCb(LeadButton, prefix="cnt"):
    """📞: its owner reached the client."""

    lead_id: RowId
    stamp: str = ""


class AmountCb(LeadButton, prefix="amt"):
    """ "Без суммы": a deal won goes without its amount; the question is closed."""

    lead_id: RowId
    stamp: str = ""


class LostWhy(StrEnum):
    NO_ANSWER = "no_answer"
    NO_BUDGET = "no_budget"
    COMPETITOR = "competitor"
    NOT_CLIENT = "not_client"
    OTHER = "other"


class UndoCb(LeadButton, prefix="undo"):
    """Its owner takes back the Won or Lost just tapped (within UNDO_WINDOW)."""

    lead_id: RowId
    stamp: str = ""


class LostCb(LeadButton, prefix="lost"):
    """The reason a lead was lost; None goes back to Won and Lost."""

    lead_id: RowId
    why: LostWhy | None = None
    stamp: str = ""


class AssignCb(LeadButton, prefix="asg"):
    """A head gives a waiting lead to a manager."""

    lead_id: RowId
    member_id: RowId
    stamp: str = ""


class OpenCb(LeadButton, prefix="open"):
    """A head picks a lead from /open to hand it to someone."""

    lead_id: RowId
    stamp: str = ""


class GiveCb(LeadButton, prefix="give"):
    """A head gives an open lead to a manager, as /assign does (it may move it)."""

    lead_id: RowId
    member_id: RowId
    stamp: str = ""


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
