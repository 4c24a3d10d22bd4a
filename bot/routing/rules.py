"""The chain before the team's mode: the known client's owner, then the rules in order.

A rule whose target cannot take the lead falls through to the next one, and the reason
keeps a record of it; a rule naming a manager who left is skipped the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from bot.routing.availability import unavailable
from bot.routing.match import match_rule
from bot.routing.model import (
    Decision,
    DecisionKind,
    Fallthrough,
    Group,
    LeadFacts,
    Miss,
    Mode,
    Passed,
    Reason,
    ReasonCode,
    Rule,
    RuleHit,
    Skip,
    TeamSnapshot,
)
from bot.routing.turns import Weighted, next_turn


@dataclass(frozen=True)
class Chain:
    """What the chain found: a decision, or what the team's mode must know."""

    decision: Decision | None
    known_skip: Skip | Miss | None = None
    fallthrough: tuple[Fallthrough, ...] = ()


def known_owner(
    lead: LeadFacts, team: TeamSnapshot, exclude: frozenset[int]
) -> tuple[Decision | None, Skip | Miss | None]:
    """The known client's owner, if they can take the lead; else why not."""
    if not team.known_client or lead.known is None:
        return None, None
    owner = next((m for m in team.members if m.member_id == lead.known.member_id), None)
    if owner is None:
        return None, Miss.LEFT
    why = unavailable(owner, exclude)
    if why is not None:
        return None, why
    reason = Reason(ReasonCode.KNOWN_CLIENT, known=lead.known)
    return Decision(DecisionKind.OFFER, owner.member_id, (owner.member_id,), reason), None


def run_chain(lead: LeadFacts, team: TeamSnapshot, exclude: frozenset[int]) -> Chain:
    decided, known_skip = known_owner(lead, team, exclude)
    if decided is not None:
        return Chain(decided)
    fallen: list[Fallthrough] = []
    for rule in team.rules:
        value = match_rule(rule, lead, team.aliases, team.region_basis)
        if value is None:
            continue
        hit = RuleHit(rule.number, rule.field, value)
        outcome = _send(rule, team, exclude)
        if isinstance(outcome, Decision):
            reason = replace(
                outcome.reason,
                rule=hit,
                group_id=rule.target.group_id,
                known=lead.known if known_skip is not None else None,
                known_skip=known_skip,
                fallthrough=tuple(fallen),
            )
            return Chain(replace(outcome, reason=reason))
        fallen.append(Fallthrough(rule.number, rule.target, outcome))
    return Chain(None, known_skip, tuple(fallen))


def _send(rule: Rule, team: TeamSnapshot, exclude: frozenset[int]) -> Decision | Skip | Miss:
    target = rule.target
    if target.member_id is not None:
        member = next((m for m in team.members if m.member_id == target.member_id), None)
        if member is None:
            return Miss.LEFT
        why = unavailable(member, exclude)
        if why is not None:
            return why
        reason = Reason(ReasonCode.RULE)
        return Decision(DecisionKind.OFFER, member.member_id, (member.member_id,), reason)
    assert target.group_id is not None
    group = team.groups.get(target.group_id)
    if group is None:
        return Miss.GONE
    return _to_group(group, team, exclude)


def _to_group(group: Group, team: TeamSnapshot, exclude: frozenset[int]) -> Decision | Miss:
    in_group = set(group.members)
    members = tuple(m for m in team.members if m.member_id in in_group)
    passed = tuple(
        Passed(m.member_id, why) for m in members if (why := unavailable(m, exclude)) is not None
    )
    skipped = {p.member_id for p in passed}
    available = [m for m in members if m.member_id not in skipped]
    if not available:
        return Miss.EMPTY
    match group.mode:
        case Mode.FIRST_COME | Mode.HEAD_DECIDES:
            # A group has no heads of its own: its members claim its card in the team chat.
            candidates = tuple(m.member_id for m in members if m.member_id not in exclude)
            reason = Reason(ReasonCode.RULE, group_id=group.group_id)
            return Decision(DecisionKind.POST, None, candidates, reason, group_id=group.group_id)
        case Mode.ROUND_ROBIN:
            picked = next_turn(group.turn, [Weighted(m.member_id, m.weight) for m in available])
            assert picked is not None  # someone is available
            member_id, turn = picked
            reason = Reason(ReasonCode.RULE, after=group.turn.last, passed=passed)
            return Decision(
                DecisionKind.OFFER, member_id, (member_id,), reason, turn, scope=group.scope
            )
        case _:
            assert_never(group.mode)
