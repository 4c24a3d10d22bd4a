from __future__ import annotations

from datetime import datetime
from typing import assert_never

from bot.routing.model import (
    Decision,
    DecisionKind,
    LeadFacts,
    Mode,
    Reason,
    ReasonCode,
    TeamSnapshot,
)


def route(lead: LeadFacts, team: TeamSnapshot, now: datetime) -> Decision:
    """Decide where a new lead goes. `now` is here for the rules that depend on time."""
    match team.mode:
        case Mode.FIRST_COME:
            # Offered to everyone, even an empty team: members who join later can still
            # claim it, and the card is the visible record that the lead arrived.
            return Decision(DecisionKind.CLAIM, None, Reason(ReasonCode.FIRST_COME))
        case _:
            assert_never(team.mode)
