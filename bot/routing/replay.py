"""What-if: a past period's leads routed again, under another policy, by the same `route`.

Pure: the caller says who was in the team at each lead's arrival (members, vacations,
hours) and when each lead actually closed; the replay keeps its own open-lead counts and
rotations, and nothing it decides is stored. A lead the policy holds for the working day is
routed again at the opening the caller names, as the bot does.

Leads before the period (`counted` False) only move the rotations, so that a period that
starts in the middle of a day starts from the turn as it stood.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from bot.routing.model import (
    TEAM_SCOPE,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    TeamSnapshot,
)
from bot.routing.route import route
from bot.routing.turns import TurnState


class Policy(StrEnum):
    """What a head asks to replay: a mode, or the one in force without a part of it."""

    ROUND_ROBIN = "round_robin"
    HEAD_DECIDES = "head_decides"
    LEAST_LOADED = "least_loaded"
    RULES_OFF = "rules_off"  # the mode in force, without the rules
    KNOWN_CLIENT_OFF = "known_client_off"  # the mode and rules in force, no known clients


@dataclass(frozen=True)
class Moment:
    """The team at one instant, as history tells it."""

    at: datetime
    present: frozenset[int]  # members in the team then
    away: Mapping[int, int | None] = field(default_factory=dict)  # on vacation -> deputy
    off: frozenset[int] = frozenset()  # passed over for the hour (own hours, duty)
    team_open: bool = True
    # The configuration in force then (mode, rules; the policy applied), and the managers
    # with the caps in force then: None for the replay's own.
    team: TeamSnapshot | None = None
    members: Sequence[MemberState] | None = None
    paused: frozenset[int] | None = None  # paused then (None: as the members say)


@dataclass(frozen=True)
class Arrival:
    facts: LeadFacts
    moment: Moment
    closes_at: datetime | None = None  # when it actually closed: its owner holds it till then
    opening: Moment | None = None  # the next opening, for a lead the policy holds
    counted: bool = True  # in the period (False: it only moves the rotations)


@dataclass(frozen=True)
class Replay:
    leads: int  # counted leads: each ends in exactly one of the buckets below
    got: dict[int, int]  # member id -> leads the policy would have given them
    to_chat: int  # posted for the team chat to claim (who would have tapped is unknowable)
    to_heads: int  # the heads would have chosen
    held: int  # would have waited for the working day (then counted where they went)
    by_lead: dict[int, int | None]  # lead id -> member, None for the chat or the heads


def apply(policy: Policy, team: TeamSnapshot) -> TeamSnapshot:
    """The team as routing would see it under `policy`."""
    match policy:
        case Policy.ROUND_ROBIN:
            return replace(team, mode=Mode.ROUND_ROBIN)
        case Policy.HEAD_DECIDES:
            return replace(team, mode=Mode.HEAD_DECIDES)
        case Policy.LEAST_LOADED:
            return replace(team, mode=Mode.LEAST_LOADED)
        case Policy.RULES_OFF:
            return replace(team, rules=())
        case Policy.KNOWN_CLIENT_OFF:
            return replace(team, known_client=False)


def replay(
    team: TeamSnapshot,
    members: Sequence[MemberState],
    arrivals: Sequence[Arrival],
    turns: Mapping[str, TurnState],
    open_leads: Mapping[int, int],
) -> Replay:
    """Route `arrivals` in time order on `team` (its policy applied already), or on the
    team a moment names (the configuration in force then). `members`: everyone who was
    ever in the team, with today's weight, cap, pause and skills; `turns`:
    each rotation's state before the first arrival; `open_leads`: each member's open leads
    then."""
    rotations = dict(turns)
    holding = dict(open_leads)
    closing: list[tuple[datetime, int, int]] = []  # (closes at, seq, member)
    queue: list[tuple[datetime, int, Arrival, Moment]] = []
    for seq, arrival in enumerate(arrivals):
        heapq.heappush(queue, (arrival.moment.at, seq, arrival, arrival.moment))
    seq = len(arrivals)
    got: dict[int, int] = {}
    by_lead: dict[int, int | None] = {}
    to_chat = to_heads = held = 0
    while queue:
        at, _, arrival, moment = heapq.heappop(queue)
        while closing and closing[0][0] <= at:
            _, _, closed_by = heapq.heappop(closing)
            holding[closed_by] = max(holding.get(closed_by, 0) - 1, 0)
        snapshot = _at(
            team if moment.team is None else moment.team,
            members if moment.members is None else moment.members,
            moment,
            rotations,
            holding,
        )
        decision = route(arrival.facts, snapshot, at)
        if decision.kind is DecisionKind.HOLD and arrival.opening is not None:
            held += 1 if arrival.counted else 0
            seq += 1
            heapq.heappush(queue, (arrival.opening.at, seq, arrival, arrival.opening))
            continue
        if decision.turn is not None:
            rotations[decision.scope] = decision.turn
        member_id = decision.member_id if decision.kind is DecisionKind.OFFER else None
        if member_id is not None:
            holding[member_id] = holding.get(member_id, 0) + 1
            if arrival.closes_at is not None:
                seq += 1
                heapq.heappush(closing, (max(arrival.closes_at, at), seq, member_id))
        if not arrival.counted:
            continue
        by_lead[arrival.facts.lead_id] = member_id
        if member_id is not None:
            got[member_id] = got.get(member_id, 0) + 1
        elif decision.kind is DecisionKind.ASK_HEAD:
            to_heads += 1
        else:
            to_chat += 1  # posted, or held with no opening to wait for
    return Replay(len(by_lead), got, to_chat, to_heads, held, by_lead)


def _at(
    team: TeamSnapshot,
    members: Sequence[MemberState],
    moment: Moment,
    rotations: Mapping[str, TurnState],
    holding: Mapping[int, int],
) -> TeamSnapshot:
    present = tuple(
        replace(
            m,
            open_leads=holding.get(m.member_id, 0),
            away=m.member_id in moment.away,
            deputy=moment.away.get(m.member_id),
            off_hours=m.member_id in moment.off,
            paused=m.paused if moment.paused is None else m.member_id in moment.paused,
        )
        for m in members
        if m.member_id in moment.present
    )
    groups = {
        gid: replace(g, turn=rotations.get(g.scope, TurnState())) for gid, g in team.groups.items()
    }
    return replace(
        team,
        members=present,
        turn=rotations.get(TEAM_SCOPE, TurnState()),
        groups=groups,
        open=moment.team_open,
    )
