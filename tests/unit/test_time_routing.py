"""Vacations and working hours in the pure routing core: who is skipped, who covers whom,
and what waits for opening."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.routing import (
    DecisionKind,
    Fallthrough,
    KnownBy,
    KnownClient,
    LeadFacts,
    MemberState,
    Mode,
    ReasonCode,
    Rule,
    Skip,
    Target,
    TeamSnapshot,
    TurnState,
    rank_for_head,
    route,
)
from bot.routing.hours import OffHours

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
IVAN, OLGA, PETR = 11, 12, 13
LEAD = LeadFacts(1, industry="medical")
TO_IVAN = Rule(1, "industry", ("medical",), Target(member_id=IVAN))


def snapshot(*members: MemberState, mode: Mode = Mode.ROUND_ROBIN, **extra: object) -> TeamSnapshot:
    return TeamSnapshot(1, mode, members, **extra)  # type: ignore[arg-type]


def test_a_manager_on_vacation_is_skipped_in_round_robin() -> None:
    team = snapshot(MemberState(IVAN, away=True), MemberState(OLGA))
    decision = route(LEAD, team, NOW)
    assert (decision.kind, decision.member_id) == (DecisionKind.OFFER, OLGA)
    assert [(p.member_id, p.why) for p in decision.reason.passed] == [(IVAN, Skip.AWAY)]


def test_back_from_vacation_a_manager_takes_turns_without_catching_up() -> None:
    ivan, olga, petr = MemberState(IVAN), MemberState(OLGA), MemberState(PETR)
    turn = TurnState()
    got: list[int] = []
    for index in range(12):
        away = 3 <= index < 9  # Petr is away for six leads
        members = (ivan, olga, replace(petr, away=away))
        decision = route(LEAD, snapshot(*members, turn=turn), NOW)
        assert decision.member_id is not None and decision.turn is not None
        got.append(decision.member_id)
        turn = decision.turn
    after = got[9:]
    assert sorted(after) == [IVAN, OLGA, PETR]  # one each: no flood of catch-up leads


def test_a_rule_naming_a_manager_on_vacation_goes_to_the_deputy() -> None:
    team = snapshot(MemberState(IVAN, away=True, deputy=OLGA), MemberState(OLGA), rules=(TO_IVAN,))
    decision = route(LEAD, team, NOW)
    assert (decision.kind, decision.member_id) == (DecisionKind.OFFER, OLGA)
    assert decision.reason.code is ReasonCode.RULE
    assert decision.reason.cover_for == IVAN


def test_without_a_deputy_the_rule_falls_through_to_the_next() -> None:
    to_petr = Rule(2, "industry", ("medical",), Target(member_id=PETR))
    team = snapshot(
        MemberState(IVAN, away=True), MemberState(OLGA), MemberState(PETR), rules=(TO_IVAN, to_petr)
    )
    decision = route(LEAD, team, NOW)
    assert decision.member_id == PETR
    assert decision.reason.fallthrough == (Fallthrough(1, Target(member_id=IVAN), Skip.AWAY),)
    assert decision.reason.cover_for is None


def test_a_deputy_who_cannot_take_it_makes_the_rule_fall_through() -> None:
    team = snapshot(
        MemberState(IVAN, away=True, deputy=OLGA),
        MemberState(OLGA, paused=True),
        MemberState(PETR),
        rules=(TO_IVAN,),
    )
    decision = route(LEAD, team, NOW)
    assert decision.member_id == PETR  # the team's round robin
    assert decision.reason.fallthrough == (Fallthrough(1, Target(member_id=IVAN), Skip.AWAY),)


def test_a_known_client_of_a_manager_on_vacation_goes_to_the_deputy() -> None:
    known = KnownClient(IVAN, 7, KnownBy.PHONE)
    team = snapshot(MemberState(IVAN, away=True, deputy=OLGA), MemberState(OLGA), MemberState(PETR))
    decision = route(replace(LEAD, known=known), team, NOW)
    assert decision.member_id == OLGA
    assert decision.reason.code is ReasonCode.KNOWN_CLIENT
    assert decision.reason.cover_for == IVAN


def test_the_heads_list_leaves_out_a_manager_on_vacation() -> None:
    members = (MemberState(IVAN, away=True), MemberState(OLGA, paused=True), MemberState(PETR))
    assert rank_for_head(LEAD, members) == (OLGA, PETR)


def test_while_the_team_is_off_a_lead_for_a_person_waits_for_opening() -> None:
    team = snapshot(MemberState(IVAN), MemberState(OLGA), open=False)
    decision = route(LEAD, team, NOW)
    assert decision.kind is DecisionKind.HOLD
    assert decision.turn is None and decision.member_id is None


def test_while_the_team_is_off_a_rule_to_a_person_waits_too() -> None:
    team = snapshot(MemberState(IVAN), mode=Mode.FIRST_COME, rules=(TO_IVAN,), open=False)
    assert route(LEAD, team, NOW).kind is DecisionKind.HOLD


def test_while_the_team_is_off_first_come_cards_are_still_posted() -> None:
    team = snapshot(MemberState(IVAN), MemberState(OLGA), mode=Mode.FIRST_COME, open=False)
    assert route(LEAD, team, NOW).kind is DecisionKind.POST


def test_while_the_team_is_off_the_heads_are_still_asked() -> None:
    team = snapshot(MemberState(IVAN), mode=Mode.HEAD_DECIDES, open=False)
    assert route(LEAD, team, NOW).kind is DecisionKind.ASK_HEAD


def test_with_duty_the_manager_on_duty_gets_the_lead_at_night() -> None:
    # The caller marks everyone not on duty as off hours (see hours.off_duty).
    team = snapshot(
        MemberState(IVAN, off_hours=True),
        MemberState(OLGA),
        open=False,
        off_hours=OffHours.DUTY,
    )
    decision = route(LEAD, team, NOW)
    assert (decision.kind, decision.member_id) == (DecisionKind.OFFER, OLGA)
    assert [(p.member_id, p.why) for p in decision.reason.passed] == [(IVAN, Skip.OFF_HOURS)]


def test_with_duty_and_nobody_on_duty_the_lead_waits_for_opening() -> None:
    team = snapshot(
        MemberState(IVAN, off_hours=True),
        MemberState(OLGA, off_hours=True),
        open=False,
        off_hours=OffHours.DUTY,
    )
    assert route(LEAD, team, NOW).kind is DecisionKind.HOLD


def test_during_the_day_a_manager_outside_own_hours_is_skipped() -> None:
    team = snapshot(MemberState(IVAN, off_hours=True), MemberState(OLGA), rules=(TO_IVAN,))
    decision = route(LEAD, team, NOW)
    assert decision.member_id == OLGA
    assert decision.reason.fallthrough == (Fallthrough(1, Target(member_id=IVAN), Skip.OFF_HOURS),)


member_states = st.builds(
    MemberState,
    member_id=st.sampled_from([IVAN, OLGA, PETR]),
    paused=st.booleans(),
    away=st.booleans(),
    deputy=st.none() | st.sampled_from([IVAN, OLGA, PETR]),
    off_hours=st.booleans(),
)


@given(
    members=st.lists(member_states, max_size=3, unique_by=lambda m: m.member_id),
    mode=st.sampled_from(list(Mode)),
    team_open=st.booleans(),
    policy=st.sampled_from(list(OffHours)),
    with_rule=st.booleans(),
)
def test_nobody_away_or_off_hours_is_ever_offered_a_lead(
    members: list[MemberState], mode: Mode, team_open: bool, policy: OffHours, with_rule: bool
) -> None:
    team = snapshot(
        *members,
        mode=mode,
        open=team_open,
        off_hours=policy,
        rules=(TO_IVAN,) if with_rule else (),
    )
    decision = route(LEAD, team, NOW)
    by_id = {m.member_id: m for m in members}
    if decision.kind is DecisionKind.OFFER:
        assert decision.member_id is not None
        chosen = by_id[decision.member_id]
        assert not (chosen.away or chosen.paused or chosen.off_hours)
        assert team_open or policy is OffHours.DUTY  # closed with hold: nobody is offered
    if decision.reason.cover_for is not None:
        assert by_id[decision.reason.cover_for].away
        assert by_id[decision.reason.cover_for].deputy == decision.member_id
    if decision.kind is DecisionKind.HOLD:
        assert not team_open
        assert decision.turn is None  # a held lead is routed again at opening


def test_a_lead_held_for_opening_covers_nobody_yet() -> None:
    """The rule's manager is away with a deputy and the team is closed: the lead waits for
    the morning, and its history must not say someone covers for the manager already."""
    team = snapshot(
        MemberState(IVAN, away=True, deputy=OLGA),
        MemberState(OLGA),
        open=False,
        off_hours=OffHours.HOLD,
        rules=(TO_IVAN,),
    )
    decision = route(LEAD, team, NOW)
    assert decision.kind is DecisionKind.HOLD
    assert decision.reason.cover_for is None and decision.member_id is None
