from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.routing.hours import OffHours
from bot.routing.turns import TurnState

# Where the team's own rotation is kept (storage's TEAM_SCOPE is the same word); each
# round-robin group has a scope of its own.
TEAM_SCOPE = "team"


class Mode(StrEnum):
    """How a team (later also a rule's group) hands out leads: the article's first three
    ways. Channel, industry and region become rules that pick a target with a mode."""

    FIRST_COME = "first_come"
    ROUND_ROBIN = "round_robin"
    HEAD_DECIDES = "head_decides"
    LEAST_LOADED = "least_loaded"  # the fewest open leads for the weight (least.py)


class DecisionKind(StrEnum):
    POST = "post"  # a Claim card in the team chat: the first member to tap gets it
    OFFER = "offer"  # one manager's private chat, to Accept or Return
    ASK_HEAD = "ask_head"  # each head's private chat, with a button per manager
    HOLD = "hold"  # the team is off: the lead waits for opening, then is routed again


class Skip(StrEnum):
    """Why a manager was passed over for a lead."""

    PAUSED = "paused"
    AT_CAP = "at_cap"
    EXCLUDED = "excluded"  # returned this lead, let it time out, or cannot be reached
    AWAY = "away"  # on vacation
    OFF_HOURS = "off_hours"  # outside their working hours, and not on duty


class Miss(StrEnum):
    """Why a rule's target (or a known client's owner) could not take a lead, beyond one
    manager's own `Skip`."""

    LEFT = "left"  # the manager named is no longer in the team: the rule is broken
    EMPTY = "empty"  # nobody in the group can take it now
    GONE = "gone"  # the group was deleted


class RegionBasis(StrEnum):
    """Which region rules see when a form sends both."""

    OPERATING = "operating"  # where the client works: `region`
    REGISTERED = "registered"  # where the company is registered: `registered_region`


class Franchise(StrEnum):
    """Whether outlets of one brand are one known client."""

    ENTITY = "entity"  # each legal entity (tax id, company) stands alone
    BRAND = "brand"  # one brand, one owner


class ReasonCode(StrEnum):
    """Why a lead went where it went; rendered in the reader's language by the caller."""

    FIRST_COME = "first_come"  # offered to the whole team to claim
    ROUND_ROBIN = "round_robin"  # the turn's next manager
    LEAST_LOADED = "least_loaded"  # the fewest open leads among those available
    HEAD_DECIDES = "head_decides"  # the heads pick a manager
    NOBODY_AVAILABLE = "nobody_available"  # round robin found nobody: the team chat claims it
    CLAIMED = "claimed"  # a member tapped Claim first
    ASSIGNED = "assigned"  # a head assigned it
    KNOWN_CLIENT = "known_client"  # the manager who already works with this client
    RULE = "rule"  # a routing rule named the manager or the group
    HANDBACK = "handback"  # back from vacation: the deputy had it as cover


class KnownBy(StrEnum):
    """What made a lead's client known: the key that matched an earlier lead."""

    BRAND = "brand"
    PHONE = "phone"
    EMAIL = "email"
    TAX_ID = "tax_id"
    COMPANY = "company"
    TELEGRAM = "telegram"


@dataclass(frozen=True)
class KnownClient:
    """An earlier lead of the same client, and who owns it."""

    member_id: int
    lead_id: int
    by: KnownBy


@dataclass(frozen=True)
class Target:
    """Where a rule sends a lead: one manager, or a group. Exactly one is set."""

    member_id: int | None = None
    group_id: int | None = None


@dataclass(frozen=True)
class Rule:
    number: int  # its place in the team's list, from 1
    field: str  # channel, industry, region, product, or an extra field's normalised name
    values: tuple[str, ...]  # as the head typed them
    target: Target


@dataclass(frozen=True)
class Group:
    group_id: int
    mode: Mode  # FIRST_COME, ROUND_ROBIN or LEAST_LOADED
    members: tuple[int, ...]  # member ids, in the order they were added
    turn: TurnState = field(default_factory=TurnState)
    scope: str = ""  # where its turn is stored; the caller chooses


@dataclass(frozen=True)
class RuleHit:
    number: int
    field: str
    value: str  # the rule's value that matched, as the head typed it
    registered: bool = False  # a region rule matched where the company is registered


@dataclass(frozen=True)
class Fallthrough:
    """A rule that matched but whose target could not take the lead."""

    number: int
    target: Target
    why: Skip | Miss


@dataclass(frozen=True)
class Passed:
    member_id: int
    why: Skip


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    after: int | None = None  # round robin: who had the turn before
    load: int | None = None  # least loaded: the open leads the chosen manager had
    passed: tuple[Passed, ...] = ()  # who could not get it, and why
    rule: RuleHit | None = None  # the rule that decided
    group_id: int | None = None  # the group the rule sent it to
    known: KnownClient | None = None  # the client is known, whether or not that decided
    known_skip: Skip | Miss | None = None  # why the known client's owner did not get it
    cover_for: int | None = None  # the manager on vacation whom the chosen deputy covers
    fallthrough: tuple[Fallthrough, ...] = ()  # matching rules whose target could not take it


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    member_id: int | None  # for OFFER
    candidates: tuple[int, ...]  # who may claim a posted card; the heads' list, best first
    reason: Reason
    turn: TurnState | None = None  # the new turn: the caller persists it, a dry run does not
    scope: str = TEAM_SCOPE  # whose turn `turn` is: the team's or a group's
    group_id: int | None = None  # POST: only this group's members may claim the card


@dataclass(frozen=True)
class LeadFacts:
    """The lead as routing sees it: the fields rules match on, never the contacts."""

    lead_id: int
    channel: str | None = None
    industry: str | None = None
    region: str | None = None
    product: str | None = None
    message: str | None = None
    registered_region: str | None = None
    federal: bool = False  # the form says the client works in many regions
    extra: tuple[tuple[str, str], ...] = ()  # other fields: (normalised name, value)
    known: KnownClient | None = None  # found by the caller in the index of earlier leads


@dataclass(frozen=True)
class MemberState:
    member_id: int
    open_leads: int = 0  # offered and taken
    weight: int = 1
    cap: int | None = None  # the member's own cap, else the team's; None: no cap
    paused: bool = False
    skills: tuple[str, ...] = ()
    away: bool = False  # on vacation
    deputy: int | None = None  # who covers them while away
    off_hours: bool = False  # outside their hours now, and not on duty (see `hours.off_duty`)


@dataclass(frozen=True)
class TeamSnapshot:
    team_id: int
    mode: Mode
    members: tuple[MemberState, ...] = ()
    turn: TurnState = field(default_factory=TurnState)
    has_heads: bool = True
    rules: tuple[Rule, ...] = ()
    groups: Mapping[int, Group] = field(default_factory=dict)
    aliases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # see `match`
    known_client: bool = True  # send a known client to its owner before any rule
    region_basis: RegionBasis = RegionBasis.OPERATING
    open: bool = True  # within the team's working hours now
    off_hours: OffHours = OffHours.HOLD  # what a lead for a person does while the team is off
