"""Distribution: route a lead and write what the decision sends, in one transaction.

Every path that moves a lead comes through `Distributor.distribute`: intake, a Return, an
owner the bot cannot reach, a chat that moved, and (later) timeouts and vacation hand-backs.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.i18n import Translator
from bot.leads.contacts import Marks, mask_contacts
from bot.lifecycle.planner import Planner, Situation, describe
from bot.presentation.buttons import claim_buttons, offer_buttons
from bot.presentation.cards import clip, offer_card, team_card
from bot.presentation.head_cards import HeadCards
from bot.presentation.notices import HeadNotices, Text, member_translator, team_translator
from bot.presentation.reasons import Cause, passed_text, why
from bot.routing import (
    Decision,
    DecisionKind,
    LeadFacts,
    ReasonCode,
)
from bot.services.people import Roles
from bot.team_settings import ANNOUNCE, TeamSettings
from bot.timing.alarm import Alarm
from bot.timing.deadlines import Deadlines
from storage import (
    Database,
    LeadEvent,
    LeadRecord,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
    Pool,
    TeamRecord,
)

log = logging.getLogger(__name__)

# Managers who gave this lead back, let it time out, or whom the bot could not reach with
# it, never get it again by routing (a head may still assign it to them). A manager whose
# vacation took an offer away did not turn it down: routing sees them away, and their
# deputy covers them.
EXCLUDING_EVENTS = ("returned",)
NOT_EXCLUDING_REASONS = ("owner_away",)


_NO_CONTACTS = Marks("📞", "✉️", "💬")


def client_label(lead: LeadRecord, tr: Translator) -> str:
    """Who the lead is, for one line in a chat: never a phone or an e-mail."""
    f = lead.fields
    for value in (f.company, f.name):
        if value:
            return clip(mask_contacts(value, _NO_CONTACTS), 60)
    return str(tr("lead.no_name"))


class Distributor:
    def __init__(self, db: Database, roles: Roles, zone: str, alarm: Alarm) -> None:
        self._roles = roles
        repos = db.repos
        self._leads = repos.leads
        self._events = repos.events
        self._outbox = repos.outbox
        self._turns = repos.turns
        self._members = repos.members
        self._planner = Planner(db, roles, zone)
        self._notices = HeadNotices(self._outbox, roles)
        self._deadlines = Deadlines(db, self._planner, alarm)
        self._heads = HeadCards(self._outbox, self._planner, roles)

    @property
    def planner(self) -> Planner:
        return self._planner

    @property
    def deadlines(self) -> Deadlines:
        return self._deadlines

    @property
    def notices(self) -> HeadNotices:
        return self._notices

    @property
    def heads(self) -> HeadCards:
        return self._heads

    async def settings(self, team: TeamRecord) -> TeamSettings:
        return await self._planner.settings(team)

    async def distribute(
        self, lead: LeadRecord, team: TeamRecord, now: datetime, cause: Cause | None = None
    ) -> Decision:
        """Route a new lead (or one taken back) and write what that sends. Call inside a
        transaction; `cause` says why it moves again, and the next manager reads it."""
        exclude = frozenset(
            await self._events.members_with(lead.id, EXCLUDING_EVENTS, NOT_EXCLUDING_REASONS)
        )
        decision, situation, facts = await self._planner.decide(
            team, lead.id, lead.fields, lead.contact_user_id, now, exclude
        )
        details = describe(decision, situation, cause)
        held = decision.kind is DecisionKind.HOLD
        await self._events.add(
            LeadEvent(
                lead.id,
                now,
                "held" if held else "routed",
                reason=decision.reason.code.value,
                member_id=decision.member_id,
                details=details,
            )
        )
        match decision.kind:
            case DecisionKind.POST:
                await self._post(lead, team, decision, details, situation, now)
            case DecisionKind.OFFER:
                assert decision.member_id is not None
                if decision.turn is not None:
                    await self._turns.put(team.id, decision.turn.to_json(), decision.scope)
                member = situation.members[decision.member_id]
                await self._offer(lead, member, details, now, decision.reason.cover_for)
                if situation.settings[ANNOUNCE]:
                    await self.announce(team, lead, member, decision.reason.code, now)
            case DecisionKind.ASK_HEAD:
                await self._ask_heads(lead, team, situation, facts, decision, now)
            case DecisionKind.HOLD:
                await self._leads.wait_in(lead.id, Pool.HOURS)
        fresh = await self._leads.get(lead.id)
        assert fresh is not None
        await self._deadlines.lead_changed(fresh, team, now, situation.settings)
        return decision

    async def where(self, decision: Decision) -> Text:
        """Where a decision sent a lead, for a notice: "Ivan", "the team chat"..."""
        match decision.kind:
            case DecisionKind.OFFER:
                assert decision.member_id is not None
                member = await self._members.by_id(decision.member_id)
                name = member.full_name if member else "?"
                return lambda tr: tr("where.member", name=name)
            case DecisionKind.POST:
                return lambda tr: tr("where.chat")
            case DecisionKind.ASK_HEAD:
                return lambda tr: tr("where.heads")
            case DecisionKind.HOLD:
                return lambda tr: tr("where.hours")

    async def _post(
        self,
        lead: LeadRecord,
        team: TeamRecord,
        decision: Decision,
        details: dict[str, object],
        situation: Situation,
        now: datetime,
    ) -> None:
        group = None if decision.group_id is None else situation.group_name(decision.group_id)
        await self.post_card(lead, team, now, decision.group_id, group)
        if decision.reason.code is ReasonCode.NOBODY_AVAILABLE:
            await self._notices.tell(
                team,
                lambda tr: tr(
                    "notice.nobody_available",
                    id=lead.id,
                    passed=passed_text(details.get("passed"), tr),
                ),
                now,
                lead.id,
            )

    async def post_card(
        self,
        lead: LeadRecord,
        team: TeamRecord,
        now: datetime,
        group_id: int | None = None,
        group: str | None = None,
    ) -> None:
        """The lead's Claim card in the team chat (for a group's members only, with
        `group_id`). Call inside a transaction, then `deadlines.lead_changed`."""
        await self._leads.wait_in(lead.id, Pool.CHAT, group_id)
        tr = team_translator(team)
        await self._outbox.enqueue(
            team.chat_id,
            OutboxMethod.SEND,
            OutboxPurpose.CARD,
            team_card(lead, tr, group),
            now,
            buttons=claim_buttons(lead.id, tr),
            lead_id=lead.id,
        )
        if team.paused:
            # The card waits for the team chat; a hot lead cannot.
            await self._notices.held(team, lead, now)

    async def _offer(
        self,
        lead: LeadRecord,
        member: MemberRecord,
        details: dict[str, object],
        now: datetime,
        cover_for: int | None,
    ) -> None:
        offered = await self._leads.offer(lead.id, member.id, now, cover_for)
        assert offered, f"lead {lead.id} was routed while not new"
        await self.offer_card(lead, member, details, now)

    async def offer_card(
        self, lead: LeadRecord, member: MemberRecord, details: dict[str, object], now: datetime
    ) -> None:
        """The offer in the manager's private chat: the lead without contacts, why it came
        to them (`details` of the decision), Accept and Return."""
        tr = member_translator(member)
        await self._outbox.enqueue(
            member.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.OFFER_CARD,
            offer_card(lead, why(details, tr), tr),
            now,
            buttons=offer_buttons(lead.id, tr),
            lead_id=lead.id,
        )

    async def announce(
        self,
        team: TeamRecord,
        lead: LeadRecord,
        member: MemberRecord,
        code: ReasonCode,
        now: datetime,
    ) -> None:
        """One line in the team chat when a lead goes to a person: everyone sees the split.
        The caller checks the team's `announce` setting."""
        tr = team_translator(team)
        line = tr(
            "announce.line",
            id=lead.id,
            client=client_label(lead, tr),
            name=member.full_name,
            how=tr("announce." + code.value),
        )
        await self._outbox.enqueue(
            team.chat_id, OutboxMethod.SEND, OutboxPurpose.ANNOUNCE, line, now, lead_id=lead.id
        )

    async def _ask_heads(
        self,
        lead: LeadRecord,
        team: TeamRecord,
        situation: Situation,
        facts: LeadFacts,
        decision: Decision,
        now: datetime,
    ) -> None:
        await self._leads.wait_in(lead.id, Pool.HEADS)
        await self._heads.send(lead, team, situation, facts, decision.candidates, now)
