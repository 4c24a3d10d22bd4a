"""Who may claim a lead that was offered to the team, judged before the conditional update.

The verdict says whether an attempt is worth making; the winner among concurrent attempts is
decided by the database (`LeadRepo.claim`), never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ClaimVerdict(StrEnum):
    TRY = "try"  # a member tapping an unclaimed lead of their team
    INVALID = "invalid"  # no such lead, or not a card of this chat's team
    NOT_MEMBER = "not_member"
    ALREADY_YOURS = "already_yours"
    TAKEN = "taken"
    AT_CAP = "at_cap"  # the tapper already has as many open leads as the cap allows
    NOT_IN_GROUP = "not_in_group"  # a rule sent the card to a group the tapper is not in


@dataclass(frozen=True)
class ClaimView:
    """What the judge needs about the lead; None where the lead does not exist."""

    lead_team_id: int | None
    claimable: bool
    owner_id: int | None


def judge_claim(
    lead: ClaimView | None,
    chat_team_id: int | None,
    tapper_member_id: int | None,
    tapper_at_cap: bool = False,
    tapper_in_group: bool = True,
) -> ClaimVerdict:
    if lead is None or chat_team_id is None or lead.lead_team_id != chat_team_id:
        return ClaimVerdict.INVALID
    if tapper_member_id is None:
        return ClaimVerdict.NOT_MEMBER
    if lead.claimable:
        return _may_claim(tapper_at_cap, tapper_in_group)
    if lead.owner_id is None:
        return ClaimVerdict.INVALID  # waiting for a head's choice: it has no Claim button
    if lead.owner_id == tapper_member_id:
        return ClaimVerdict.ALREADY_YOURS
    return ClaimVerdict.TAKEN


def _may_claim(at_cap: bool, in_group: bool) -> ClaimVerdict:
    if not in_group:
        return ClaimVerdict.NOT_IN_GROUP
    return ClaimVerdict.AT_CAP if at_cap else ClaimVerdict.TRY
