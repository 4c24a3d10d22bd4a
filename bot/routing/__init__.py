"""The decision core: who gets a lead, and why. Pure: no aiogram, no SQL, no clock.

Time, when a rule needs it, is passed in. Callers load a `TeamSnapshot` in one go, call
`route` or `judge_claim`, and decide themselves whether to persist what comes back.
"""

from bot.routing.availability import unavailable
from bot.routing.claim import ClaimVerdict, ClaimView, judge_claim
from bot.routing.model import (
    Decision,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    Passed,
    Reason,
    ReasonCode,
    Skip,
    TeamSnapshot,
)
from bot.routing.route import rank_for_head, route
from bot.routing.skills import fold, matching_skills
from bot.routing.turns import TurnState, Weighted, next_turn

__all__ = [
    "ClaimVerdict",
    "ClaimView",
    "Decision",
    "DecisionKind",
    "LeadFacts",
    "MemberState",
    "Mode",
    "Passed",
    "Reason",
    "ReasonCode",
    "Skip",
    "TeamSnapshot",
    "TurnState",
    "Weighted",
    "fold",
    "judge_claim",
    "matching_skills",
    "next_turn",
    "rank_for_head",
    "route",
    "unavailable",
]
