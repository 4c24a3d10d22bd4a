"""What a use case says happened to a lead, emitted on its unit: the reactions table
(`reactions.py`) decides what each chat is told, not the use case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.i18n import Language
from bot.lifecycle.planner import Situation
from bot.lifecycle.transitions import Moved
from bot.presentation.callbacks import ReturnWhy
from bot.routing import Decision, LeadFacts, ReasonCode
from bot.team_settings import TeamSettings
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


# Why an owner can no longer work a lead: the bot cannot write to them, a head removed them
# from the team, their vacation began, or they were paused for lapses.
Gone = Literal["unreachable", "removed", "away", "paused"]


@dataclass(frozen=True)
class TakenBack:
    before: LeadRecord
    owner: MemberRecord
    kind: Gone
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
class Contacted:
    """Its owner reached the client (📞)."""

    moved: Moved
    member: MemberRecord
    team: TeamRecord


@dataclass(frozen=True)
class ContactLapsed:
    """Taken, and the client not reached within `contact_timeout`: the lead left its owner."""

    before: LeadRecord
    owner: MemberRecord
    waited: timedelta
    team: TeamRecord
    moved: Moved


@dataclass(frozen=True)
class Closed:
    moved: Moved
    member: MemberRecord
    asks_why: bool  # lost for "Другое": the owner is asked for the reason in words
    asks_amount: bool = False  # won: the owner is asked what the deal was worth


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


@dataclass(frozen=True)
class PostedToChat:
    """Anyone in the team may claim the lead: its card goes to the team chat."""

    lead: LeadRecord
    team: TeamRecord
    at: datetime
    group: str | None = None  # only this group's members may claim it
    nobody_available: object = None  # who was passed over, when nobody could take it


@dataclass(frozen=True)
class Offered:
    lead: LeadRecord
    member: MemberRecord
    team: TeamRecord
    details: dict[str, object]  # the decision, as its history keeps it
    announce: bool  # the team chat hears whom it went to
    code: ReasonCode
    at: datetime


@dataclass(frozen=True)
class AskedHeads:
    lead: LeadRecord
    team: TeamRecord
    situation: Situation
    facts: LeadFacts
    candidates: tuple[int, ...]
    at: datetime


@dataclass(frozen=True)
class HeldForHours:
    lead_id: int
    team: TeamRecord
    waiting: int  # leads now waiting for the working day, this one included
    settings: TeamSettings
    at: datetime


@dataclass(frozen=True)
class ChatReminded:
    """A card waits in the team chat with nobody claiming it."""

    lead: LeadRecord
    team: TeamRecord
    since: datetime  # since when it has been claimable
    at: datetime


@dataclass(frozen=True)
class OwnerReminded:
    """A taken lead still has no outcome."""

    lead: LeadRecord
    owner: MemberRecord
    since: datetime  # since when it has been theirs
    at: datetime


@dataclass(frozen=True)
class Repeated:
    """The client of an open lead sent a form again: `added`, what it said anew."""

    lead: LeadRecord
    team: TeamRecord
    added: Mapping[str, Mapping[str, str]]  # {"known": {...}, "extra": {...}}
    at: datetime


@dataclass(frozen=True)
class ContactReminded:
    """A taken lead's client has not been reached yet."""

    lead: LeadRecord
    owner: MemberRecord
    since: datetime  # since when it has been theirs
    at: datetime


@dataclass(frozen=True)
class PassedOn:
    """An offer not accepted in time, or a client not reached in time (`why`), went on;
    the heads hear where (`decision` None: to the team chat, for lack of a head to ask)."""

    lead: LeadRecord
    team: TeamRecord
    owner: MemberRecord
    waited: timedelta
    decision: Decision | None
    at: datetime
    why: str = "timeout"  # or "no_contact"


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
    | Contacted
    | ContactLapsed
    | Closed
    | Undone
    | LostExplained
    | ReturnExplained
    | PostedToChat
    | Offered
    | AskedHeads
    | HeldForHours
    | ChatReminded
    | OwnerReminded
    | ContactReminded
    | Repeated
    | PassedOn
)
