"""The decision core: who gets a lead, and why. Pure: no aiogram, no SQL, no clock.

Time, when a rule needs it, is passed in. Callers load a `TeamSnapshot` in one go, call
`route` or `judge_claim`, and decide themselves whether to persist what comes back.
"""

from bot.routing.claim import ClaimVerdict, ClaimView, judge_claim
from bot.routing.model import (
    Decision,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    Reason,
    ReasonCode,
    TeamSnapshot,
)
from bot.routing.route import route

__all__ = [
    "ClaimVerdict",
    "ClaimView",
    "Decision",
    "DecisionKind",
    "LeadFacts",
    "MemberState",
    "Mode",
    "Reason",
    "ReasonCode",
    "TeamSnapshot",
    "judge_claim",
    "route",
]
