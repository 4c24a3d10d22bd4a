"""The pure replay: each policy, holds routed at opening, caps freed when a lead closed,
warm-up leads that move the turn without being counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.routing import LeadFacts, MemberState, Mode, Rule, Target, TeamSnapshot, TurnState
from bot.routing.replay import Arrival, Moment, Policy, apply, replay
from bot.routing.turns import Weighted, next_turn

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TEAM = TeamSnapshot(1, Mode.ROUND_ROBIN)
IVAN, OLGA = MemberState(1), MemberState(2)
BOTH = frozenset({1, 2})


def lead(n: int, minutes: int = 0, **moment: object) -> Arrival:
    at = T0 + timedelta(minutes=minutes or n)
    return Arrival(LeadFacts(n), Moment(at, moment.pop("present", BOTH), **moment))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("policy", "field", "value"),
    [
        (Policy.ROUND_ROBIN, "mode", Mode.ROUND_ROBIN),
        (Policy.HEAD_DECIDES, "mode", Mode.HEAD_DECIDES),
        (Policy.RULES_OFF, "rules", ()),
        (Policy.KNOWN_CLIENT_OFF, "known_client", False),
    ],
)
def test_each_policy_changes_one_thing(policy: Policy, field: str, value: object) -> None:
    team = TeamSnapshot(1, Mode.FIRST_COME, rules=(Rule(1, "channel", ("a",), Target(1)),))
    assert getattr(apply(policy, team), field) == value


def test_round_robin_alternates_and_counts_every_lead_once() -> None:
    result = replay(TEAM, [IVAN, OLGA], [lead(n) for n in range(1, 6)], {}, {})
    assert result.by_lead == {1: 1, 2: 2, 3: 1, 4: 2, 5: 1}
    assert result.got == {1: 3, 2: 2} and result.leads == 5


def test_the_heads_and_the_chat_get_what_no_manager_does() -> None:
    heads = replay(apply(Policy.HEAD_DECIDES, TEAM), [IVAN, OLGA], [lead(1), lead(2)], {}, {})
    assert (heads.to_heads, heads.got, heads.by_lead) == (2, {}, {1: None, 2: None})
    chat = replay(
        TeamSnapshot(1, Mode.FIRST_COME), [IVAN], [lead(1, present=frozenset({1}))], {}, {}
    )
    assert (chat.to_chat, chat.got) == (1, {})


def test_a_held_lead_is_routed_at_the_opening_given() -> None:
    night = lead(1, team_open=False)
    opening = Moment(T0 + timedelta(hours=12), frozenset({2}))
    held = Arrival(night.facts, night.moment, opening=opening)
    result = replay(TEAM, [IVAN, OLGA], [held, lead(2, 30)], {}, {})
    assert result.held == 1
    assert result.by_lead == {1: 2, 2: 1}  # routed in the morning, when only Olga was in


def test_a_cap_frees_up_when_the_lead_actually_closed() -> None:
    capped = [MemberState(1, cap=1), MemberState(2, cap=1)]
    first = Arrival(LeadFacts(1), Moment(T0, BOTH), closes_at=T0 + timedelta(minutes=5))
    second = Arrival(LeadFacts(2), Moment(T0 + timedelta(minutes=1), BOTH))
    third = Arrival(LeadFacts(3), Moment(T0 + timedelta(minutes=10), BOTH))
    result = replay(TEAM, capped, [first, second, third], {}, {})
    assert result.by_lead == {1: 1, 2: 2, 3: 1}  # Ivan's first lead closed at minute 5
    full = replay(TEAM, capped, [first, second, third], {}, {1: 1})  # Ivan held one already
    assert full.by_lead == {1: 2, 2: None, 3: 2} and full.to_chat == 1


def test_warm_up_leads_move_the_turn_and_are_not_counted() -> None:
    warm = Arrival(LeadFacts(1), Moment(T0, BOTH), counted=False)
    result = replay(TEAM, [IVAN, OLGA], [warm, lead(2, 5)], {}, {})
    assert result.by_lead == {2: 2} and result.leads == 1


def test_the_turn_starts_where_it_stood() -> None:
    after_ivan = replay(TEAM, [IVAN, OLGA], [lead(1)], {}, {})
    assert after_ivan.by_lead == {1: 1}
    chosen = next_turn(TurnState(), [Weighted(1, 1), Weighted(2, 1)])
    assert chosen is not None
    result = replay(TEAM, [IVAN, OLGA], [lead(2)], {"team": chosen[1]}, {})
    assert result.by_lead == {2: 2}


def test_each_lead_is_routed_under_the_configuration_of_its_moment() -> None:
    """A moment may carry the team as configured then: the first lead came while the head
    decided, the second after the switch to the round robin."""
    heads = TeamSnapshot(1, Mode.HEAD_DECIDES)
    result = replay(TEAM, [IVAN, OLGA], [lead(1, team=heads), lead(2)], {}, {})
    assert (result.to_heads, result.by_lead) == (1, {1: None, 2: 1})


def test_a_pause_counts_only_where_a_moment_says_so() -> None:
    paused_today = MemberState(1, paused=True)  # today's state: a pause begun this morning
    before = [lead(n, paused=frozenset()) for n in (1, 2)]
    during = [lead(n, paused=frozenset({1})) for n in (3, 4)]
    result = replay(TEAM, [paused_today, OLGA], [*before, *during], {}, {})
    assert result.by_lead == {1: 1, 2: 2, 3: 2, 4: 2}
