"""Distribution: route a lead, move it there, and emit what was decided (posted, offered,
asked of the heads, held for the working day); the reactions table writes what that sends,
in the same transaction.

Every path that routes a lead comes through `Distributor.distribute`: intake, a Return,
a timeout, an owner the bot cannot reach, removed or away, a chat that moved, opening
time. A head's /assign and a vacation's hand-back choose the manager themselves and move
the lead through the lifecycle directly.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.lifecycle.config import Configuration
from bot.lifecycle.events import AskedHeads, HeldForHours, Offered, PostedToChat
from bot.lifecycle.planner import Planner, describe
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.presentation.reasons import Cause
from bot.routing import Decision, DecisionKind, ReasonCode
from bot.team_settings import ANNOUNCE, TIMEZONE
from storage import LeadRecord, Pool, TeamRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

# Managers who gave this lead back, let it time out, or whom the bot could not reach with
# it, never get it again by routing (a head may still assign it to them). A manager whose
# vacation took an offer away did not turn it down: routing sees them away, and their
# deputy covers them.
EXCLUDING_EVENTS = ("returned",)
NOT_EXCLUDING_REASONS = ("owner_away",)


class Distributor:
    def __init__(self, planner: Planner, life: Lifecycle) -> None:
        self._planner = planner
        self._life = life

    async def configuration(self, u: Unit) -> Configuration:
        """The teams as routing sees them now (kept in memory until a head changes them)."""
        return await self._planner.configuration(u)

    async def distribute(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, now: datetime, cause: Cause | None = None
    ) -> Decision:
        """Route a lead that waited (for a team, for opening) or was taken back, and write
        what that sends. Call inside a transaction; `cause` says why it moves again, and
        the next manager reads it."""
        exclude = frozenset(
            await u.events.members_with(lead.id, EXCLUDING_EVENTS, NOT_EXCLUDING_REASONS)
        )
        return await self._route(u, lead, team, now, cause, exclude)

    async def distribute_new(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        now: datetime,
        configuration: Configuration,
    ) -> Decision:
        """Route a lead stored in this transaction: nobody gave it back yet and it has no
        timers, so neither is looked up; `configuration` is the one intake just read."""
        return await self._route(u, lead, team, now, None, frozenset(), configuration)

    async def _route(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        now: datetime,
        cause: Cause | None,
        exclude: frozenset[int],
        configuration: Configuration | None = None,
    ) -> Decision:
        first = configuration is not None
        decision, situation, facts = await self._planner.decide(
            u, team, lead.id, lead.fields, lead.contact_user_id, now, exclude, configuration
        )
        details = describe(decision, situation, cause)
        held = decision.kind is DecisionKind.HOLD
        note = Note("held" if held else "routed", decision.reason.code.value, details)
        settings = situation.settings
        match decision.kind:
            case DecisionKind.POST:
                group_id = decision.group_id
                moved = await self._life.post(
                    u, lead.id, now, note, group_id, settings, first=first
                )
                group = None if group_id is None else situation.group_name(group_id)
                nobody = decision.reason.code is ReasonCode.NOBODY_AVAILABLE
                passed = details.get("passed") if nobody else None
                await u.emit(PostedToChat(_now(moved, lead), team, now, group, passed))
            case DecisionKind.OFFER:
                assert decision.member_id is not None
                if decision.turn is not None:
                    day = now.astimezone(settings[TIMEZONE]).date()
                    await u.turns.put(team.id, decision.turn.to_json(), decision.scope, day)
                member = situation.members[decision.member_id]
                cover_for = decision.reason.cover_for
                moved = await self._life.offer(
                    u, lead.id, member.id, now, note, cover_for, settings, first=first
                )
                assert isinstance(moved, Moved), f"lead {lead.id} was routed while not new"
                announce = settings[ANNOUNCE]
                code = decision.reason.code
                await u.emit(Offered(moved.lead, member, team, details, announce, code, now))
            case DecisionKind.ASK_HEAD:
                moved = await self._life.ask_heads(u, lead.id, now, note, settings, first=first)
                candidates = decision.candidates
                await u.emit(AskedHeads(_now(moved, lead), team, situation, facts, candidates, now))
            case DecisionKind.HOLD:
                await self._life.hold(u, lead.id, now, note, settings, first=first)
                waiting = await u.lists.count_waiting_in(team.id, Pool.HOURS)
                await u.emit(HeldForHours(lead.id, team, waiting, settings, now))
        return decision

    async def to_chat(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, now: datetime, note: Note
    ) -> None:
        """Anyone in the team may claim the lead now (nobody chose a manager in time, or no
        head can be asked): it moves to the team chat, and its card is posted."""
        moved = await self._life.post(u, lead.id, now, note)
        await u.emit(PostedToChat(_now(moved, lead), team, now))


def _now(moved: Moved | object, before: LeadRecord) -> LeadRecord:
    """The lead as the move left it (as it was, if the move found it elsewhere)."""
    return moved.lead if isinstance(moved, Moved) else before
