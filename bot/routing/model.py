from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.routing.turns import TurnState


class Mode(StrEnum):
    """How a team (later also a rule's group) hands out leads: the article's first three
    ways. Channel, industry and region become rules that pick a target with a mode."""

    FIRST_COME = "first_come"
    ROUND_ROBIN = "round_robin"
    HEAD_DECIDES = "head_decides"


class DecisionKind(StrEnum):
    POST = "post"  # a Claim card in the team chat: the first member to tap gets it
    OFFER = "offer"  # one manager's private chat, to Accept or Return
    ASK_HEAD = "ask_head"  # each head's private chat, with a button per manager


class Skip(StrEnum):
    """Why a manager was passed over for a lead."""

    PAUSED = "paused"
    AT_CAP = "at_cap"
    EXCLUDED = "excluded"  # returned this lead, or cannot be reached


class ReasonCode(StrEnum):
    """Why a lead went where it went; rendered in the reader's language by the caller."""

    FIRST_COME = "first_come"  # offered to the whole team to claim
    ROUND_ROBIN = "round_robin"  # the turn's next manager
    HEAD_DECIDES = "head_decides"  # the heads pick a manager
    NOBODY_AVAILABLE = "nobody_available"  # round robin found nobody: the team chat claims it
    CLAIMED = "claimed"  # a member tapped Claim first
    ASSIGNED = "assigned"  # a head assigned it


@dataclass(frozen=True)
class Passed:
    member_id: int
    why: Skip


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    after: int | None = None  # round robin: who had the turn before
    passed: tuple[Passed, ...] = ()  # who could not get it, and why


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    member_id: int | None  # for OFFER
    candidates: tuple[int, ...]  # who may claim a posted card; the heads' list, best first
    reason: Reason
    turn: TurnState | None = None  # the new turn: the caller persists it, a dry run does not


@dataclass(frozen=True)
class LeadFacts:
    """The lead as routing sees it: the fields rules match on, never the contacts."""

    lead_id: int
    channel: str | None = None
    industry: str | None = None
    region: str | None = None
    product: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class MemberState:
    member_id: int
    open_leads: int = 0  # offered and taken
    weight: int = 1
    cap: int | None = None  # the member's own cap, else the team's; None: no cap
    paused: bool = False
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class TeamSnapshot:
    team_id: int
    mode: Mode
    members: tuple[MemberState, ...] = ()
    turn: TurnState = field(default_factory=TurnState)
    has_heads: bool = True
