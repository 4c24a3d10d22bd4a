"""The chain before the team's mode: the known client's owner, then the rules in order.

A rule whose target cannot take the lead falls through to the next one, and the reason
keeps a record of it; a rule naming a manager who left is skipped the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from bot.routing.availability import unavailable, who_can_take, who_is_free
from bot.routing.least import least_loaded
from bot.routing.match import match_rule, seen_region
from bot.routing.model import (
    Decision,
    DecisionKind,
    Fallthrough,
    Group,
    KnownClient,
    LeadFacts,
    MemberState,
    Miss,
    Mode,
    Reason,
    ReasonCode,
    Rule,
    RuleHit,
    Skip,
    TeamSnapshot,
)
from bot.routing.turns import next_turn


@dataclass(frozen=True)
class Trail:
    """What the chain passed on the way: the known client's owner who could not take the
    lead, and the matching rules whose target could not. The decision's reason keeps it."""

    known: KnownClient | None = None
    known_skip: Skip | Miss | None = None
    fallthrough: tuple[Fallthrough, ...] = ()

    def on(self, reason: Reason) -> Reason:
        return replace(
            reason, known=self.known, known_skip=self.known_skip, fallthrough=self.fallthrough
        )


@dataclass(frozen=True)
class Chain:
    """What the chain found: a decision, or the trail the team's mode must keep."""

    decision: Decision | None
    trail: Trail = Trail()


def _member(team: TeamSnapshot, member_id: int) -> MemberState | None:
    return next((m for m in team.members if m.member_id == member_id), None)


def known_owner(
    lead: LeadFacts, team: TeamSnapshot, exclude: frozenset[int]
) -> Decision | Skip | Miss | None:
    """The known client's owner (or their deputy) if they can take the lead, else why not;
    None when the client is not known (or the team does not look)."""
    if not team.known_client or lead.known is None:
        return None
    found = _person(team, lead.known.member_id, exclude)
    if not isinstance(found, tuple):
        return found
    member_id, cover_for = found
    reason = Reason(ReasonCode.KNOWN_CLIENT, known=lead.known, cover_for=cover_for)
    return Decision(DecisionKind.OFFER, member_id, (member_id,), reason)


def _person(
    team: TeamSnapshot, member_id: int, exclude: frozenset[int]
) -> tuple[int, int | None] | Skip | Miss:
    """Who takes a lead that names a manager: the manager, or while they are away their
    deputy (then the second value is whom the deputy covers); else why nobody can."""
    member = _member(team, member_id)
    if member is None:
        return Miss.LEFT
    why = unavailable(member, exclude)
    if why is Skip.AWAY and member.deputy is not None:
        deputy = _member(team, member.deputy)
        if deputy is not None and unavailable(deputy, exclude) is None:
            return deputy.member_id, member.member_id
    if why is not None:
        return why
    return member.member_id, None


def run_chain(lead: LeadFacts, team: TeamSnapshot, exclude: frozenset[int]) -> Chain:
    known = known_owner(lead, team, exclude)
    if isinstance(known, Decision):
        return Chain(known)
    fallen: list[Fallthrough] = []
    for rule in team.rules:
        value = match_rule(rule, lead, team.aliases, team.region_basis)
        if value is None:
            continue
        outcome = _send(rule, team, exclude)
        if isinstance(outcome, Decision):
            trail = _trail(lead, known, fallen)
            registered = (
                rule.field == "region" and seen_region(lead, team.region_basis) != lead.region
            )
            hit = RuleHit(rule.number, rule.field, value, registered)
            reason = replace(trail.on(outcome.reason), rule=hit, group_id=rule.target.group_id)
            return Chain(replace(outcome, reason=reason))
        fallen.append(Fallthrough(rule.number, rule.target, outcome))
    return Chain(None, _trail(lead, known, fallen))


def _trail(lead: LeadFacts, known: Skip | Miss | None, fallen: list[Fallthrough]) -> Trail:
    return Trail(lead.known if known is not None else None, known, tuple(fallen))


def _send(rule: Rule, team: TeamSnapshot, exclude: frozenset[int]) -> Decision | Skip | Miss:
    target = rule.target
    if target.member_id is not None:
        found = _person(team, target.member_id, exclude)
        if not isinstance(found, tuple):
            return found
        member_id, cover_for = found
        reason = Reason(ReasonCode.RULE, cover_for=cover_for)
        return Decision(DecisionKind.OFFER, member_id, (member_id,), reason)
    assert target.group_id is not None
    group = team.groups.get(target.group_id)
    if group is None:
        return Miss.GONE
    return _to_group(group, team, exclude)


def _to_group(group: Group, team: TeamSnapshot, exclude: frozenset[int]) -> Decision | Miss:
    in_group = set(group.members)
    members = tuple(m for m in team.members if m.member_id in in_group)
    passed, available = who_can_take(members, exclude)
    if not available:
        return Miss.EMPTY
    match group.mode:
        case Mode.FIRST_COME | Mode.HEAD_DECIDES:
            # A group has no heads of its own: its members claim its card in the team chat.
            candidates = tuple(m.member_id for m in members if m.member_id not in exclude)
            reason = Reason(ReasonCode.RULE, group_id=group.group_id)
            return Decision(DecisionKind.POST, None, candidates, reason, group_id=group.group_id)
        case Mode.ROUND_ROBIN:
            picked = next_turn(group.turn, available)
            assert picked is not None  # someone is available
            member_id, turn = picked
            reason = Reason(ReasonCode.RULE, after=group.turn.last, passed=passed)
            return Decision(
                DecisionKind.OFFER, member_id, (member_id,), reason, turn, scope=group.scope
            )
        case Mode.LEAST_LOADED:
            _, free = who_is_free(members, exclude)
            by_load = least_loaded(group.turn, free)
            assert by_load is not None  # someone is available
            chosen, turn = by_load
            reason = Reason(ReasonCode.RULE, passed=passed, load=chosen.open_leads)
            member_id = chosen.member_id
            return Decision(
                DecisionKind.OFFER, member_id, (member_id,), reason, turn, scope=group.scope
            )
        case _:
            assert_never(group.mode)
