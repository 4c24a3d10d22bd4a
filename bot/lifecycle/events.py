"""What a use case says happened to a lead, emitted on its unit: the reactions table
(`reactions.py`) decides what each chat is told, not the use case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.i18n import Language
from bot.lifecycle.transitions import Moved
from bot.presentation.callbacks import ReturnWhy
from storage import LeadRecord, MemberRecord, TeamRecord


@dataclass(frozen=True)
class Claimed:
    moved: Moved
    team: TeamRecord
    name: str  # as the claimer's Telegram shows it now
    user_id: int
    language: Language
    details: Mapping[str, object]


@dataclass(frozen=True)
class Accepted:
    moved: Moved
    member: MemberRecord


@dataclass(frozen=True)
class GivenBack:
    before: LeadRecord
    member: MemberRecord
    reason: ReturnWhy
    moved: Moved
    asks_why: bool  # "Другое": the manager is asked for the reason in words


@dataclass(frozen=True)
class TimedOut:
    before: LeadRecord
    owner: MemberRecord
    waited: timedelta
    moved: Moved


@dataclass(frozen=True)
class HeadsTooLate:
    lead: LeadRecord
    team: TeamRecord
    at: datetime


@dataclass(frozen=True)
class TakenBack:
    before: LeadRecord
    owner: MemberRecord
    away: bool
    team: TeamRecord
    moved: Moved


@dataclass(frozen=True)
class Assigned:
    moved: Moved
    team: TeamRecord
    member: MemberRecord
    previous: MemberRecord | None
    head: str
    details: dict[str, object]
    announce: bool


@dataclass(frozen=True)
class HandedBack:
    before: LeadRecord
    moved: Moved
    deputy: MemberRecord
    member: MemberRecord
    details: dict[str, object]


@dataclass(frozen=True)
class Reopened:
    moved: Moved
    team: TeamRecord
    owner: MemberRecord
    head: str


@dataclass(frozen=True)
class Closed:
    moved: Moved
    member: MemberRecord
    asks_why: bool  # lost for "Другое": the owner is asked for the reason in words


@dataclass(frozen=True)
class Undone:
    moved: Moved
    member: MemberRecord


@dataclass(frozen=True)
class LostExplained:
    lead: LeadRecord
    owner: MemberRecord
    words: str
    at: datetime


@dataclass(frozen=True)
class ReturnExplained:
    lead: LeadRecord
    holder: MemberRecord
    name: str  # who returned it
    words: str
    at: datetime


LeadMoved = (
    Claimed
    | Accepted
    | GivenBack
    | TimedOut
    | HeadsTooLate
    | TakenBack
    | Assigned
    | HandedBack
    | Reopened
    | Closed
    | Undone
    | LostExplained
    | ReturnExplained
)
