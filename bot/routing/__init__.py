"""The decision core: who gets a lead, and why. Pure: no aiogram, no SQL, no clock.

Time, when a rule needs it, is passed in. Callers load a `TeamSnapshot` in one go, call
`route` or `judge_claim`, and decide themselves whether to persist what comes back.
"""

from bot.routing.availability import unavailable
from bot.routing.claim import ClaimVerdict, ClaimView, judge_claim
from bot.routing.match import CORE_FIELDS, canonical, match_rule, value_key
from bot.routing.model import (
    Decision,
    DecisionKind,
    Fallthrough,
    Franchise,
    Group,
    KnownBy,
    KnownClient,
    LeadFacts,
    MemberState,
    Miss,
    Mode,
    Passed,
    Reason,
    ReasonCode,
    RegionBasis,
    Rule,
    RuleHit,
    Skip,
    Target,
    TeamSnapshot,
)
from bot.routing.route import rank_for_head, route
from bot.routing.skills import fold, matching_skills
from bot.routing.turns import TurnState, Weighted, next_turn

__all__ = [
    "CORE_FIELDS",
    "ClaimVerdict",
    "ClaimView",
    "Decision",
    "DecisionKind",
    "Fallthrough",
    "Franchise",
    "Group",
    "KnownBy",
    "KnownClient",
    "LeadFacts",
    "MemberState",
    "Miss",
    "Mode",
    "Passed",
    "Reason",
    "ReasonCode",
    "RegionBasis",
    "Rule",
    "RuleHit",
    "Skip",
    "Target",
    "TeamSnapshot",
    "TurnState",
    "Weighted",
    "canonical",
    "fold",
    "judge_claim",
    "match_rule",
    "matching_skills",
    "next_turn",
    "rank_for_head",
    "route",
    "unavailable",
    "value_key",
]
