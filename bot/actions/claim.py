"""First come: a member taps Claim on a card in the team chat.

One conditional UPDATE picks the winner, so two taps at once, a stale button or a repeated
update change the lead at most once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.lifecycle.events import Claimed
from bot.lifecycle.planner import Planner
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.people import Person
from bot.routing import ClaimVerdict, ClaimView, ReasonCode, judge_claim
from bot.team_settings import CAP, TeamSettings
from storage import (
    Database,
    LeadStatus,
    MemberRecord,
    Pool,
)
from storage.unit import Unit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimResult:
    won: bool
    verdict: ClaimVerdict
    lead_id: int
    owner_name: str | None = None
    group: str | None = None  # NOT_IN_GROUP: whose card it is


class ClaimLead:
    def __init__(
        self,
        db: Database,
        planner: Planner,
        life: Lifecycle,
    ) -> None:
        self._db = db
        self._planner = planner
        self._life = life

    async def __call__(self, lead_id: int, chat_id: int, person: Person) -> ClaimResult:
        async with self._db.unit() as u:
            result = await self._claim(u, lead_id, chat_id, person)
        if not result.won and result.verdict is not ClaimVerdict.TAKEN:
            log.info("claim of lead %d by user %d refused: %s", lead_id, person.user_id, result)
        return result

    async def _claim(self, u: Unit, lead_id: int, chat_id: int, person: Person) -> ClaimResult:
        now = u.now
        lead = await u.leads.get(lead_id)
        team = await u.teams.by_chat(chat_id)
        member = await u.members.active_by_user(team.id, person.user_id) if team else None
        view = None
        if lead is not None:
            claimable = lead.status is LeadStatus.NEW and lead.pool is Pool.CHAT
            view = ClaimView(lead.team_id, claimable, lead.owner_id)
        settings = await self._planner.settings(u, team) if team is not None else None
        at_cap = settings is not None and member is not None and _at_cap(settings, member)
        group = await u.groups.get(lead.group_id) if lead and lead.group_id else None
        # A deleted group's cards are anyone's: nobody would be left to claim them.
        in_group = (
            group is None or group.deleted or (member is not None and member.id in group.member_ids)
        )
        verdict = judge_claim(
            view, team.id if team else None, member.id if member else None, at_cap, in_group
        )
        if verdict is ClaimVerdict.TRY:
            assert team is not None and member is not None
            # The conditional update, not the verdict, picks the winner: another process on
            # the same file may have claimed the lead since we read it.
            details = {"reason": ReasonCode.CLAIMED.value}
            note = Note("claimed", ReasonCode.CLAIMED.value, details, person.user_id)
            moved = await self._life.claim(u, lead_id, member.id, now, note, settings)
            if isinstance(moved, Moved):
                await u.members.update_profile(
                    member.id, person.full_name, person.username, person.language
                )
                await u.emit(
                    Claimed(moved, team, person.full_name, person.user_id, person.language, details)
                )
                return ClaimResult(True, verdict, lead_id, person.full_name)
            verdict = ClaimVerdict.TAKEN
        owner_name = await self._owner_name(u, lead_id) if verdict is ClaimVerdict.TAKEN else None
        return ClaimResult(False, verdict, lead_id, owner_name, group.name if group else None)

    async def _owner_name(self, u: Unit, lead_id: int) -> str | None:
        lead = await u.leads.get(lead_id)
        if lead is None or lead.owner_id is None:
            return None
        owner = await u.members.by_id(lead.owner_id)
        return owner.full_name if owner else None


def _at_cap(settings: TeamSettings, member: MemberRecord) -> bool:
    cap = member.cap if member.cap is not None else settings[CAP]
    return cap is not None and member.open_leads >= cap
