from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import assert_never

from bot.routing.availability import who_can_take, who_is_free
from bot.routing.hours import OffHours
from bot.routing.least import least_loaded
from bot.routing.model import (
    Decision,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    Passed,
    Reason,
    ReasonCode,
    TeamSnapshot,
)
from bot.routing.rules import run_chain
from bot.routing.skills import matching_skills
from bot.routing.turns import next_turn


def route(
    lead: LeadFacts, team: TeamSnapshot, now: datetime, exclude: frozenset[int] = frozenset()
) -> Decision:
    """Decide where a lead goes. Pure: a dry run and real routing call this same function,
    and only the caller persists the new turn. `now` is for the rules that depend on time;
    `exclude` holds managers who must not get this lead (they returned it).

    The known client's owner comes first, then the rules in order, then the team's mode;
    outside working hours, the team's `off_hours` policy has the last word."""
    chain = run_chain(lead, team, exclude)
    decision = chain.decision
    if decision is None:
        by_mode = _by_mode(lead, team, exclude)
        decision = replace(by_mode, reason=chain.trail.on(by_mode.reason))
    return _after_hours(decision, team)


def _after_hours(decision: Decision, team: TeamSnapshot) -> Decision:
    """While the team is off, a lead for a person waits for opening (`hold`); with `duty`,
    a lead nobody on duty can take waits too. A card for the team chat is posted either
    way: anyone awake may claim it. A held lead uses no turn: it is routed again at opening."""
    if team.open:
        return decision
    match team.off_hours:
        case OffHours.HOLD:
            waits = decision.kind is DecisionKind.OFFER
        case OffHours.DUTY:
            waits = decision.reason.code is ReasonCode.NOBODY_AVAILABLE
        case _:
            assert_never(team.off_hours)
    if not waits:
        return decision
    # Nobody covers anyone yet: at opening the lead is routed again, deputies and all.
    reason = replace(decision.reason, cover_for=None)
    return replace(
        decision, kind=DecisionKind.HOLD, member_id=None, candidates=(), turn=None, reason=reason
    )


def _by_mode(lead: LeadFacts, team: TeamSnapshot, exclude: frozenset[int]) -> Decision:
    everyone = tuple(m.member_id for m in team.members if m.member_id not in exclude)
    match team.mode:
        case Mode.FIRST_COME:
            # Offered to everyone, even an empty team: members who join later can still
            # claim it, and the card is the visible record that the lead arrived.
            return Decision(DecisionKind.POST, None, everyone, Reason(ReasonCode.FIRST_COME))
        case Mode.ROUND_ROBIN:
            return _round_robin(team, exclude, everyone)
        case Mode.LEAST_LOADED:
            return _least_loaded(team, exclude, everyone)
        case Mode.HEAD_DECIDES:
            ranked = rank_for_head(lead, team.members, exclude)
            if not team.has_heads or not ranked:
                # Nobody to ask, or nobody to choose: the team chat can still claim it.
                reason = Reason(ReasonCode.NOBODY_AVAILABLE)
                return Decision(DecisionKind.POST, None, everyone, reason)
            return Decision(DecisionKind.ASK_HEAD, None, ranked, Reason(ReasonCode.HEAD_DECIDES))
        case _:
            assert_never(team.mode)


def _round_robin(
    team: TeamSnapshot, exclude: frozenset[int], everyone: tuple[int, ...]
) -> Decision:
    passed, available = who_can_take(team.members, exclude)
    picked = next_turn(team.turn, available)
    if picked is None:
        return _nobody(passed, everyone)
    member_id, turn = picked
    reason = Reason(ReasonCode.ROUND_ROBIN, after=team.turn.last, passed=passed)
    return Decision(DecisionKind.OFFER, member_id, (member_id,), reason, turn)


def _least_loaded(
    team: TeamSnapshot, exclude: frozenset[int], everyone: tuple[int, ...]
) -> Decision:
    passed, available = who_is_free(team.members, exclude)
    picked = least_loaded(team.turn, available)
    if picked is None:
        # Everyone is at the cap (or away): the team chat holds it, as round robin does.
        return _nobody(passed, everyone)
    chosen, turn = picked
    reason = Reason(ReasonCode.LEAST_LOADED, passed=passed, load=chosen.open_leads)
    return Decision(DecisionKind.OFFER, chosen.member_id, (chosen.member_id,), reason, turn)


def _nobody(passed: tuple[Passed, ...], everyone: tuple[int, ...]) -> Decision:
    """Nobody can take the lead now: never dropped, the team chat can still claim it, and
    the heads are told why."""
    reason = Reason(ReasonCode.NOBODY_AVAILABLE, passed=passed)
    return Decision(DecisionKind.POST, None, everyone, reason)


def rank_for_head(
    lead: LeadFacts, members: tuple[MemberState, ...], exclude: frozenset[int] = frozenset()
) -> tuple[int, ...]:
    """The heads' list: managers whose skills match the lead first, then the rest, each
    part in team order. Paused and busy managers stay on it: a head may still choose them;
    a manager on vacation does not."""
    shown = [m for m in members if m.member_id not in exclude and not m.away]
    matched = [m.member_id for m in shown if matching_skills(lead, m.skills)]
    return (*matched, *(m.member_id for m in shown if m.member_id not in matched))
