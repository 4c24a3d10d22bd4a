from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Mode(StrEnum):
    """How a team (or, later, a rule's group) hands out leads.

    The article's six ways arrive in stages; round robin and "the head decides" join this
    enum, and channel, industry and region become rules that pick a target with a mode.
    """

    FIRST_COME = "first_come"


class DecisionKind(StrEnum):
    CLAIM = "claim"  # post to the team chat; the first member to tap Claim gets it


class ReasonCode(StrEnum):
    """Why a lead went where it went; rendered in the reader's language by the caller."""

    FIRST_COME = "first_come"  # offered to the whole team to claim
    CLAIMED = "claimed"  # a member tapped Claim first


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    member_id: int | None
    reason: Reason


@dataclass(frozen=True)
class LeadFacts:
    """The lead as routing sees it: the fields rules match on, never the contacts."""

    lead_id: int
    channel: str | None = None
    industry: str | None = None
    region: str | None = None
    product: str | None = None


@dataclass(frozen=True)
class MemberState:
    member_id: int
    open_leads: int = 0


@dataclass(frozen=True)
class TeamSnapshot:
    team_id: int
    mode: Mode
    members: tuple[MemberState, ...] = ()
