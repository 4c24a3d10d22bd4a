"""Round robin and the head's list, on the pure routing core: any sequence of leads,
weights and availability changes."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routing import (
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    Passed,
    ReasonCode,
    Skip,
    TeamSnapshot,
    TurnState,
    rank_for_head,
    route,
)

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def restarted(turn: TurnState | None) -> TurnState:
    """The turn as the next process reads it back from the database."""
    assert turn is not None
    return TurnState.from_json(json.loads(json.dumps(turn.to_json())))


def rotate(members: tuple[MemberState, ...], count: int) -> list[int]:
    team = TeamSnapshot(1, Mode.ROUND_ROBIN, members)
    got = []
    for n in range(count):
        decision = route(LeadFacts(n), team, NOW)
        assert decision.kind is DecisionKind.OFFER and decision.member_id is not None
        got.append(decision.member_id)
        team = TeamSnapshot(1, Mode.ROUND_ROBIN, members, restarted(decision.turn))
    return got


def test_four_managers_get_four_consecutive_leads_each_across_restarts() -> None:
    got = rotate(tuple(MemberState(m) for m in (11, 12, 13, 14)), 40)
    for start in range(len(got) - 3):
        assert len(set(got[start : start + 4])) == 4, got


def test_a_weight_of_two_gets_two_of_every_five_never_in_a_row() -> None:
    for ivan_position in range(4):
        ids = [12, 13, 14]
        ids.insert(ivan_position, 11)
        members = tuple(MemberState(m, weight=2 if m == 11 else 1) for m in ids)
        got = rotate(members, 50)
        for start in range(0, 50, 5):
            assert got[start : start + 5].count(11) == 2, got
        assert all(not (a == b == 11) for a, b in itertools.pairwise(got)), got


def test_a_paused_manager_is_skipped_keeps_no_debt_and_comes_back_in_turn() -> None:
    ids = (11, 12, 13, 14)
    team = TeamSnapshot(1, Mode.ROUND_ROBIN, tuple(MemberState(m) for m in ids))
    got = []
    for n in range(24):
        paused = 6 <= n < 14
        members = tuple(MemberState(m, paused=paused and m == 12) for m in ids)
        decision = route(LeadFacts(n), TeamSnapshot(1, Mode.ROUND_ROBIN, members, team.turn), NOW)
        assert decision.member_id is not None
        got.append(decision.member_id)
        if paused:
            assert decision.member_id != 12
            assert Passed(12, Skip.PAUSED) in decision.reason.passed
        team = TeamSnapshot(1, Mode.ROUND_ROBIN, members, restarted(decision.turn))
    after = got[14:]
    # Back in the rotation, but no catch-up: never two in a row, and no more than a share.
    assert after.count(12) <= 3
    assert all(not (a == b == 12) for a, b in itertools.pairwise(after))


member_ids = st.lists(st.integers(1, 50), min_size=1, max_size=6, unique=True)


@st.composite
def histories(draw: st.DrawFn) -> tuple[dict[int, int], set[int], list[dict[int, Skip | None]]]:
    """Weights, managers always available, and per lead who is unavailable and why."""
    ids = draw(member_ids)
    weights = {m: draw(st.integers(1, 10)) for m in ids}
    steady = set(draw(st.lists(st.sampled_from(ids), unique=True)))
    skips = st.sampled_from([None, None, Skip.PAUSED, Skip.AT_CAP, Skip.EXCLUDED])
    steps = draw(
        st.lists(
            st.fixed_dictionaries({m: st.just(None) if m in steady else skips for m in ids}),
            min_size=1,
            max_size=60,
        )
    )
    return weights, steady, steps


def state_of(member_id: int, weight: int, skip: Skip | None) -> MemberState:
    return MemberState(
        member_id,
        open_leads=5 if skip is Skip.AT_CAP else 0,
        weight=weight,
        cap=5 if skip is Skip.AT_CAP else None,
        paused=skip is Skip.PAUSED,
    )


@settings(max_examples=300)
@given(histories())
def test_round_robin_is_fair_and_never_picks_an_unavailable_manager(
    history: tuple[dict[int, int], set[int], list[dict[int, Skip | None]]],
) -> None:
    weights, steady, steps = history
    turn = TurnState()
    counts = dict.fromkeys(weights, 0)
    for n, skips in enumerate(steps):
        members = tuple(state_of(m, weights[m], skips[m]) for m in weights)
        exclude = frozenset(m for m, why in skips.items() if why is Skip.EXCLUDED)
        decision = route(
            LeadFacts(n), TeamSnapshot(1, Mode.ROUND_ROBIN, members, turn), NOW, exclude
        )
        unavailable = {m for m, why in skips.items() if why is not None}
        if unavailable == set(weights):
            assert decision.kind is DecisionKind.POST
            assert decision.reason.code is ReasonCode.NOBODY_AVAILABLE
            assert {p.member_id for p in decision.reason.passed} == unavailable
            continue
        assert decision.kind is DecisionKind.OFFER and decision.member_id is not None
        assert decision.member_id not in unavailable
        assert {(p.member_id, p.why) for p in decision.reason.passed} == {
            (m, why) for m, why in skips.items() if why is not None
        }
        counts[decision.member_id] += 1
        turn = restarted(decision.turn)
        # Managers who were always available share what they got by weight: each within
        # one lead of the share the other's count implies.
        for a in steady:
            for b in steady:
                gap = counts[a] / weights[a] - counts[b] / weights[b]
                assert gap <= 1 / weights[a] + 1 / weights[b] + 1e-9, (a, b, counts)


def test_with_nobody_in_the_team_the_lead_goes_to_the_chat() -> None:
    decision = route(LeadFacts(1), TeamSnapshot(1, Mode.ROUND_ROBIN), NOW)
    assert (decision.kind, decision.reason.code) == (DecisionKind.POST, ReasonCode.NOBODY_AVAILABLE)


def test_the_reason_names_who_had_the_previous_lead() -> None:
    members = (MemberState(11), MemberState(12))
    first = route(LeadFacts(1), TeamSnapshot(1, Mode.ROUND_ROBIN, members), NOW)
    second = route(
        LeadFacts(2), TeamSnapshot(1, Mode.ROUND_ROBIN, members, restarted(first.turn)), NOW
    )
    assert (first.reason.after, second.reason.after) == (None, 11)


def test_route_returns_the_next_turn_and_leaves_the_snapshot_alone() -> None:
    team = TeamSnapshot(1, Mode.ROUND_ROBIN, (MemberState(11), MemberState(12)))
    first = route(LeadFacts(1), team, NOW)
    assert first.member_id == 11 and first.turn is not None
    assert team.turn == TurnState()  # the caller decides whether the new turn is stored
    # Stored, it moves the next lead on; not stored (a dry run), the next lead gets the same.
    assert route(LeadFacts(2), replace(team, turn=first.turn), NOW).member_id == 12
    assert route(LeadFacts(2), team, NOW).member_id == 11


def test_the_heads_list_puts_matching_skills_first_and_keeps_everyone() -> None:
    members = (
        MemberState(11, skills=("логистика",)),
        MemberState(12, paused=True, skills=("Интеграция 1С",)),
        MemberState(13, skills=("CRM",)),
    )
    lead = LeadFacts(1, product="crm для отдела", message="нужна ИНТЕГРАЦИЯ  1с")
    assert rank_for_head(lead, members) == (12, 13, 11)
    decision = route(lead, TeamSnapshot(1, Mode.HEAD_DECIDES, members), NOW, frozenset({13}))
    assert (decision.kind, decision.candidates) == (DecisionKind.ASK_HEAD, (12, 11))


def test_skills_match_with_yo_as_ye() -> None:
    members = (MemberState(11), MemberState(12, skills=("Учёт",)))
    assert rank_for_head(LeadFacts(1, industry="учет и склад"), members) == (12, 11)


def test_head_decides_without_heads_or_managers_falls_back_to_the_chat() -> None:
    no_heads = TeamSnapshot(1, Mode.HEAD_DECIDES, (MemberState(11),), has_heads=False)
    assert route(LeadFacts(1), no_heads, NOW).kind is DecisionKind.POST
    nobody = TeamSnapshot(1, Mode.HEAD_DECIDES)
    assert route(LeadFacts(1), nobody, NOW).kind is DecisionKind.POST
