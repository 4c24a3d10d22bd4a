from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.routing import (
    ClaimVerdict,
    ClaimView,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    ReasonCode,
    TeamSnapshot,
    judge_claim,
    route,
)

optional_text = st.none() | st.text(max_size=20)
leads = st.builds(
    LeadFacts,
    lead_id=st.integers(1, 10**9),
    channel=optional_text,
    industry=optional_text,
    region=optional_text,
    product=optional_text,
)
members = st.lists(
    st.builds(MemberState, member_id=st.integers(1, 10**6), open_leads=st.integers(0, 100)),
    max_size=30,
    unique_by=lambda m: m.member_id,
).map(tuple)
teams = st.builds(
    TeamSnapshot, team_id=st.integers(1, 100), mode=st.just(Mode.FIRST_COME), members=members
)
moments = st.datetimes(timezones=st.just(UTC))


@given(leads, teams, moments)
def test_first_come_offers_every_lead_to_the_whole_team(
    lead: LeadFacts, team: TeamSnapshot, now: datetime
) -> None:
    decision = route(lead, team, now)
    assert decision.kind is DecisionKind.POST
    assert decision.member_id is None
    assert decision.reason.code is ReasonCode.FIRST_COME


@given(leads, teams, moments)
def test_routing_is_a_pure_function(lead: LeadFacts, team: TeamSnapshot, now: datetime) -> None:
    assert route(lead, team, now) == route(lead, team, now)


def test_an_empty_team_still_gets_the_card() -> None:
    decision = route(LeadFacts(1), TeamSnapshot(1, Mode.FIRST_COME), datetime.now(UTC))
    assert decision.kind is DecisionKind.POST


OPEN = ClaimView(lead_team_id=1, claimable=True, owner_id=None)
TAKEN_BY_7 = ClaimView(lead_team_id=1, claimable=False, owner_id=7)


def test_a_member_may_try_to_claim_an_open_lead_of_their_team() -> None:
    assert judge_claim(OPEN, chat_team_id=1, tapper_member_id=5) is ClaimVerdict.TRY


def test_a_non_member_is_told_to_join_first() -> None:
    assert judge_claim(OPEN, chat_team_id=1, tapper_member_id=None) is ClaimVerdict.NOT_MEMBER


def test_a_missing_lead_is_invalid() -> None:
    assert judge_claim(None, chat_team_id=1, tapper_member_id=5) is ClaimVerdict.INVALID


def test_a_lead_of_another_team_is_invalid_even_for_its_members() -> None:
    assert judge_claim(OPEN, chat_team_id=2, tapper_member_id=5) is ClaimVerdict.INVALID


def test_a_tap_in_a_chat_without_a_team_is_invalid() -> None:
    assert judge_claim(OPEN, chat_team_id=None, tapper_member_id=None) is ClaimVerdict.INVALID


def test_the_owner_tapping_again_is_told_it_is_theirs() -> None:
    assert judge_claim(TAKEN_BY_7, 1, 7) is ClaimVerdict.ALREADY_YOURS


def test_anyone_else_is_told_it_is_taken() -> None:
    assert judge_claim(TAKEN_BY_7, 1, 8) is ClaimVerdict.TAKEN


@given(
    st.none()
    | st.builds(
        ClaimView, st.none() | st.integers(1, 3), st.booleans(), st.none() | st.integers(1, 5)
    ),
    st.none() | st.integers(1, 3),
    st.none() | st.integers(1, 5),
)
def test_only_members_of_the_lead_s_team_ever_get_to_try(
    lead: ClaimView | None, chat_team: int | None, member: int | None
) -> None:
    verdict = judge_claim(lead, chat_team, member)
    if verdict is ClaimVerdict.TRY:
        assert lead is not None and lead.claimable
        assert chat_team is not None and lead.lead_team_id == chat_team
        assert member is not None


def test_a_lead_waiting_for_a_head_cannot_be_claimed_and_names_nobody() -> None:
    waiting = ClaimView(lead_team_id=1, claimable=False, owner_id=None)
    assert judge_claim(waiting, 1, 5) is ClaimVerdict.INVALID


def test_a_member_at_the_cap_is_told_so_and_the_lead_stays_free() -> None:
    assert judge_claim(OPEN, 1, 5, tapper_at_cap=True) is ClaimVerdict.AT_CAP
