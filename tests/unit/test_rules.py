"""The rules chain on the pure routing core: the known client first, rules in order, groups,
aliases and the article's hard cases for regions."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routing import (
    DecisionKind,
    Fallthrough,
    Group,
    KnownBy,
    KnownClient,
    LeadFacts,
    MemberState,
    Miss,
    Mode,
    ReasonCode,
    RegionBasis,
    Rule,
    RuleHit,
    Skip,
    Target,
    TeamSnapshot,
    TurnState,
    canonical,
    match_rule,
    route,
    unavailable,
)

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
IVAN, OLGA, PETR, MARIA = 11, 12, 13, 14
EVERYONE = (MemberState(IVAN), MemberState(OLGA), MemberState(PETR), MemberState(MARIA))


def team(
    *rules: Rule,
    members: tuple[MemberState, ...] = EVERYONE,
    mode: Mode = Mode.FIRST_COME,
    groups: dict[int, Group] | None = None,
    aliases: dict[str, dict[str, str]] | None = None,
    basis: RegionBasis = RegionBasis.OPERATING,
    known_client: bool = True,
) -> TeamSnapshot:
    return TeamSnapshot(
        1,
        mode,
        members,
        rules=rules,
        groups=groups or {},
        aliases=aliases or {},
        known_client=known_client,
        region_basis=basis,
    )


def to(member_id: int) -> Target:
    return Target(member_id=member_id)


def rule(number: int, field: str, *values: str, target: Target) -> Rule:
    return Rule(number, field, values, target)


# The article's mode 5: by industry.


def test_the_first_matching_rule_wins_and_the_rest_go_by_the_team_mode() -> None:
    snapshot = team(
        rule(1, "industry", "medical", "pharma", target=to(OLGA)),
        rule(2, "channel", "instagram", target=to(PETR)),
    )
    medical = route(LeadFacts(1, channel="instagram", industry="Pharma"), snapshot, NOW)
    assert (medical.kind, medical.member_id) == (DecisionKind.OFFER, OLGA)
    assert medical.reason.code is ReasonCode.RULE
    assert medical.reason.rule == RuleHit(1, "industry", "pharma")
    social = route(LeadFacts(2, channel="Instagram", industry="retail"), snapshot, NOW)
    assert social.member_id == PETR and social.reason.rule == RuleHit(2, "channel", "instagram")
    other = route(LeadFacts(3, channel="site"), snapshot, NOW)
    assert other.kind is DecisionKind.POST and other.reason.code is ReasonCode.FIRST_COME


def test_an_unavailable_manager_falls_through_to_the_next_rule_and_the_reason_says_why() -> None:
    members = (MemberState(OLGA, paused=True), MemberState(PETR, open_leads=3, cap=3))
    snapshot = team(
        rule(1, "industry", "medical", target=to(OLGA)),
        rule(2, "industry", "medical", target=to(PETR)),
        rule(3, "industry", "medical", target=to(IVAN)),  # left the team
        members=members,
        mode=Mode.ROUND_ROBIN,
    )
    decision = route(LeadFacts(1, industry="medical"), snapshot, NOW)
    assert decision.kind is DecisionKind.POST  # round robin found nobody either
    assert decision.reason.code is ReasonCode.NOBODY_AVAILABLE
    assert decision.reason.fallthrough == (
        Fallthrough(1, to(OLGA), Skip.PAUSED),
        Fallthrough(2, to(PETR), Skip.AT_CAP),
        Fallthrough(3, to(IVAN), Miss.LEFT),
    )


def test_a_manager_who_returned_the_lead_is_passed_over_by_the_rule() -> None:
    snapshot = team(rule(1, "industry", "medical", target=to(OLGA)))
    decision = route(LeadFacts(1, industry="medical"), snapshot, NOW, frozenset({OLGA}))
    assert decision.kind is DecisionKind.POST and OLGA not in decision.candidates
    assert decision.reason.fallthrough == (Fallthrough(1, to(OLGA), Skip.EXCLUDED),)


# Mode 4: by channel, to a group with its own mode.


def test_a_first_come_group_gets_a_card_only_its_members_may_claim() -> None:
    gov = Group(7, Mode.FIRST_COME, (OLGA, PETR, 99), scope="group:7")  # 99 left the team
    snapshot = team(rule(1, "industry", "government", target=Target(group_id=7)), groups={7: gov})
    decision = route(LeadFacts(1, industry="Government"), snapshot, NOW)
    assert decision.kind is DecisionKind.POST
    assert decision.group_id == 7 and decision.candidates == (OLGA, PETR)
    assert decision.reason.group_id == 7 and decision.reason.rule is not None


def test_a_round_robin_group_keeps_its_own_turn_apart_from_the_team() -> None:
    social = Group(3, Mode.ROUND_ROBIN, (OLGA, PETR), scope="group:3")
    snapshot = team(
        rule(1, "channel", "instagram", target=Target(group_id=3)),
        groups={3: social},
        mode=Mode.ROUND_ROBIN,
    )
    got = []
    for n in range(6):
        decision = route(LeadFacts(n, channel="instagram"), snapshot, NOW)
        assert decision.scope == "group:3" and decision.turn is not None
        got.append(decision.member_id)
        snapshot = replace(snapshot, groups={3: replace(social, turn=decision.turn)})
    assert got == [OLGA, PETR] * 3
    assert snapshot.turn == TurnState()  # the team's own turn did not move


def test_a_group_nobody_in_which_can_take_the_lead_falls_through() -> None:
    members = (MemberState(OLGA, paused=True), MemberState(PETR, paused=True), MemberState(IVAN))
    gov = Group(7, Mode.ROUND_ROBIN, (OLGA, PETR), scope="group:7")
    snapshot = team(
        rule(1, "industry", "government", target=Target(group_id=7)),
        rule(2, "industry", "government", target=Target(group_id=8)),  # deleted
        rule(3, "industry", "government", target=to(IVAN)),
        members=members,
        groups={7: gov},
    )
    decision = route(LeadFacts(1, industry="government"), snapshot, NOW)
    assert decision.member_id == IVAN and decision.reason.rule == RuleHit(
        3, "industry", "government"
    )
    assert [f.why for f in decision.reason.fallthrough] == [Miss.EMPTY, Miss.GONE]


# Mode 6: by region, and its hard cases.


def test_federal_companies_match_a_federal_rule_and_else_go_by_their_first_region() -> None:
    msk = rule(1, "region", "Москва", target=to(IVAN))
    federal = rule(2, "region", "federal", target=to(PETR))
    several = LeadFacts(1, region="Казань, Москва")
    flagged = LeadFacts(2, region="Москва", federal=True)
    both = team(federal, replace(msk, number=2))
    assert route(several, both, NOW).member_id == PETR
    assert route(flagged, both, NOW).member_id == PETR
    assert route(LeadFacts(3, region="Москва"), both, NOW).member_id == IVAN
    only_regions = team(msk, rule(2, "region", "Казань", target=to(OLGA)))
    assert route(several, only_regions, NOW).member_id == OLGA  # its first region
    assert route(flagged, only_regions, NOW).member_id == IVAN


def test_the_team_chooses_whether_rules_see_the_registered_or_the_operating_region() -> None:
    rules = (
        rule(1, "region", "Москва", target=to(IVAN)),
        rule(2, "region", "Казань", target=to(OLGA)),
    )
    lead = LeadFacts(1, region="Казань", registered_region="Москва")
    operating = route(lead, team(*rules), NOW)
    assert operating.member_id == OLGA
    assert operating.reason.rule is not None and not operating.reason.rule.registered
    registered = team(*rules, basis=RegionBasis.REGISTERED)
    by_registration = route(lead, registered, NOW)
    assert by_registration.member_id == IVAN
    # The reason says which region it read: the card shows Казань, the rule said Москва.
    assert by_registration.reason.rule is not None and by_registration.reason.rule.registered
    # A form that sends one region is routed by it whatever the basis.
    assert route(LeadFacts(2, region="Казань"), registered, NOW).member_id == OLGA


def test_aliases_let_forms_spell_a_value_their_own_way() -> None:
    aliases = {"region": {"мск": "москва", "moscow": "москва"}}
    snapshot = team(rule(1, "region", "Москва", target=to(IVAN)), aliases=aliases)
    for spelling in ("мск", "МСК", "Moscow", " москва ", "МОСКВА"):
        assert route(LeadFacts(1, region=spelling), snapshot, NOW).member_id == IVAN, spelling
    assert route(LeadFacts(2, region="Московская обл."), snapshot, NOW).member_id is None


def test_a_rule_on_a_forms_own_field_reads_the_extras() -> None:
    snapshot = team(rule(1, "тип_клиента", "опт", target=to(OLGA)))
    lead = LeadFacts(1, extra=(("тип_клиента", "Опт"),))
    assert route(lead, snapshot, NOW).member_id == OLGA


# The known client.


def test_a_known_client_goes_to_their_manager_before_any_rule() -> None:
    known = KnownClient(PETR, 41, KnownBy.PHONE)
    snapshot = team(rule(1, "industry", "medical", target=to(OLGA)))
    decision = route(LeadFacts(1, industry="medical", known=known), snapshot, NOW)
    assert (decision.member_id, decision.reason.code) == (PETR, ReasonCode.KNOWN_CLIENT)
    assert decision.reason.known == known


def test_when_the_known_clients_manager_cannot_take_it_the_rules_decide_and_say_so() -> None:
    known = KnownClient(PETR, 41, KnownBy.EMAIL)
    members = (MemberState(OLGA), MemberState(PETR, paused=True))
    snapshot = team(rule(1, "industry", "medical", target=to(OLGA)), members=members)
    decision = route(LeadFacts(1, industry="medical", known=known), snapshot, NOW)
    assert decision.member_id == OLGA and decision.reason.code is ReasonCode.RULE
    assert decision.reason.known == known and decision.reason.known_skip is Skip.PAUSED
    left = route(LeadFacts(2, known=KnownClient(77, 3, KnownBy.PHONE)), snapshot, NOW)
    assert left.reason.code is ReasonCode.FIRST_COME and left.reason.known_skip is Miss.LEFT


def test_the_known_client_check_can_be_switched_off() -> None:
    known = KnownClient(PETR, 41, KnownBy.PHONE)
    decision = route(LeadFacts(1, known=known), team(known_client=False), NOW)
    assert decision.kind is DecisionKind.POST and decision.reason.known is None


# Properties.

FIELDS = ("channel", "industry", "region", "product", "тип")
WORDS = ("a", "b", "c", "ёлка", "елка", "Big Co", "bigco", "мск", "Москва")
MEMBERS = (IVAN, OLGA, PETR, MARIA)

member_states = st.builds(
    MemberState,
    st.sampled_from(MEMBERS),
    open_leads=st.integers(0, 3),
    cap=st.none() | st.integers(1, 3),
    paused=st.booleans(),
)
targets = st.one_of(
    st.builds(Target, member_id=st.sampled_from((*MEMBERS, 99))),
    st.builds(Target, group_id=st.sampled_from((1, 2, 3))),
)


@st.composite
def snapshots(draw: st.DrawFn) -> TeamSnapshot:
    members = draw(st.lists(member_states, max_size=4, unique_by=lambda m: m.member_id))
    rules = draw(
        st.lists(
            st.tuples(
                st.sampled_from(FIELDS), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)
            ),
            max_size=6,
        )
    )
    groups = {
        gid: Group(gid, mode, tuple(ids), scope=f"group:{gid}")
        for gid, mode, ids in draw(
            st.lists(
                st.tuples(
                    st.sampled_from((1, 2)),
                    st.sampled_from((Mode.FIRST_COME, Mode.ROUND_ROBIN)),
                    st.lists(st.sampled_from(MEMBERS), unique=True, max_size=3),
                ),
                max_size=2,
                unique_by=lambda g: g[0],
            )
        )
    }
    return team(
        *(
            Rule(n, field, tuple(values), draw(targets))
            for n, (field, values) in enumerate(rules, start=1)
        ),
        members=tuple(members),
        mode=draw(st.sampled_from(Mode)),
        groups=groups,
        aliases=draw(st.sampled_from(({}, {"region": {"мск": "москва"}}))),
        known_client=draw(st.booleans()),
    )


leads = st.builds(
    LeadFacts,
    st.integers(1, 100),
    channel=st.none() | st.sampled_from(WORDS),
    industry=st.none() | st.sampled_from(WORDS),
    region=st.none() | st.sampled_from((*WORDS, "a, b", "federal")),
    product=st.none() | st.sampled_from(WORDS),
    extra=st.lists(st.tuples(st.just("тип"), st.sampled_from(WORDS)), max_size=1).map(tuple),
    federal=st.booleans(),
    known=st.none()
    | st.builds(KnownClient, st.sampled_from((*MEMBERS, 99)), st.just(5), st.sampled_from(KnownBy)),
)


@settings(max_examples=400, deadline=None)
@given(snapshots(), leads, st.frozensets(st.sampled_from(MEMBERS), max_size=2))
def test_rule_order_is_respected_and_unavailable_targets_never_get_a_lead(
    snapshot: TeamSnapshot, lead: LeadFacts, exclude: frozenset[int]
) -> None:
    decision = route(lead, snapshot, NOW, exclude)
    states = {m.member_id: m for m in snapshot.members}
    if decision.kind is DecisionKind.OFFER:
        assert decision.member_id in states
        assert unavailable(states[decision.member_id], exclude) is None
    if decision.kind is DecisionKind.POST:
        assert not set(decision.candidates) & exclude
    if decision.reason.code is ReasonCode.KNOWN_CLIENT:
        assert lead.known is not None and decision.member_id == lead.known.member_id
        return
    matching = [r for r in snapshot.rules if match_rule(r, lead, snapshot.aliases) is not None]
    fallen = [f.number for f in decision.reason.fallthrough]
    if decision.reason.code is ReasonCode.RULE:
        assert decision.reason.rule is not None
        # Every matching rule before the one that decided fell through, in order.
        assert fallen == [r.number for r in matching if r.number < decision.reason.rule.number]
        if decision.reason.group_id is not None and decision.kind is DecisionKind.POST:
            group = snapshot.groups[decision.reason.group_id]
            assert set(decision.candidates) <= set(group.members)
    else:
        assert fallen == [r.number for r in matching]


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text.casefold().replace("ё", "е"))


def _connected(a: str, b: str, aliases: dict[str, str]) -> bool:
    """Whether aliases join the two spellings, edges taken both ways."""
    seen, todo = {a}, [a]
    while todo:
        here = todo.pop()
        for x, y in aliases.items():
            for nxt in (y if x == here else None, x if y == here else None):
                if nxt is not None and nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
    return b in seen


spellings = st.text(alphabet="аеёбв AB\u00a0", min_size=1, max_size=5).filter(str.strip)


@settings(max_examples=500, deadline=None)
@given(
    spellings,
    st.lists(spellings, min_size=1, max_size=3),
    st.dictionaries(spellings.map(_fold), spellings.map(_fold), max_size=3),
)
def test_aliases_and_spelling_never_match_a_value_the_rule_does_not_name(
    value: str, values: list[str], alias_map: dict[str, str]
) -> None:
    aliases = {"industry": alias_map}
    found = match_rule(
        Rule(1, "industry", tuple(values), to(IVAN)), LeadFacts(1, industry=value), aliases
    )
    joined = [v for v in values if _connected(_fold(value), _fold(v), alias_map)]
    if found is None:
        assert not any(_fold(v) == _fold(value) for v in values)
    else:
        assert found in joined
        assert canonical("industry", found, aliases) == canonical("industry", value, aliases)
    if not alias_map:
        assert (found is not None) == any(_fold(v) == _fold(value) for v in values)
