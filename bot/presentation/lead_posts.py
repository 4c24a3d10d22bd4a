"""What a routing decision sends: the Claim card in the team chat, the offer in a manager's
private chat, the one-line announcement, and where a lead went, for a notice. Each is an
outbox row written in the caller's transaction, after the lifecycle moved the lead."""

from __future__ import annotations

import html
from datetime import datetime

from bot.durations import elapsed_text, format_duration
from bot.i18n import Translator
from bot.leads.contacts import Marks, mask_contacts
from bot.presentation.buttons import claim_buttons, offer_buttons, owner_buttons
from bot.presentation.callbacks import LeadRef
from bot.presentation.cards import offer_card, team_card
from bot.presentation.notices import HeadNotices, Text, member_translator, team_translator
from bot.presentation.reasons import why
from bot.presentation.text_size import clip
from bot.routing import Decision, DecisionKind, ReasonCode
from storage import LeadRecord, MemberRecord, OutboxMethod, OutboxPurpose, TeamRecord
from storage.unit import Unit

_NO_CONTACTS = Marks("📞", "✉️", "💬")


def client_label(lead: LeadRecord, tr: Translator) -> str:
    """Who the lead is, for one line in a chat: never a phone or an e-mail."""
    f = lead.fields
    for value in (f.company, f.name):
        if value:
            return clip(mask_contacts(value, _NO_CONTACTS), 60)
    return str(tr("lead.no_name"))


def queue_line(lead: LeadRecord, tr: Translator) -> str:
    """The lead as one line of the chat's queue: its number, who, the channel, the region,
    the request cut short. Never a contact: the queue is as public as a card."""
    f = lead.fields
    parts = [f"<b>№{lead.id}</b> {html.escape(client_label(lead, tr))}"]
    parts += [html.escape(clip(value, 30)) for value in (f.channel, f.region) if value]
    if f.message:
        request = " ".join(mask_contacts(f.message, _NO_CONTACTS).split())
        parts.append(f"«{html.escape(clip(request, 60))}»")
    return " · ".join(parts)


class LeadPosts:
    def __init__(self, notices: HeadNotices) -> None:
        self._notices = notices

    async def team_card(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, now: datetime, group: str | None = None
    ) -> None:
        """The lead's Claim card in the team chat (for a group's members alone, `group`)."""
        tr = team_translator(team)
        await u.outbox.enqueue(
            team.chat_id,
            OutboxMethod.SEND,
            OutboxPurpose.CARD,
            team_card(lead, tr, group),
            now,
            buttons=claim_buttons(LeadRef.of(lead), tr),
            lead_id=lead.id,
            line=queue_line(lead, tr),
        )
        if team.paused:
            # The card waits for the team chat; a hot lead cannot.
            await self._notices.held(u, team, lead, now)

    async def offer(
        self,
        u: Unit,
        lead: LeadRecord,
        member: MemberRecord,
        details: dict[str, object],
        now: datetime,
    ) -> None:
        """The offer in the manager's private chat: the lead without contacts, why it came
        to them (`details` of the decision), Accept and Return."""
        tr = member_translator(member)
        await u.outbox.enqueue(
            member.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.OFFER_CARD,
            offer_card(lead, why(details, tr), tr),
            now,
            buttons=offer_buttons(LeadRef.of(lead), tr),
            lead_id=lead.id,
        )

    async def announce(
        self,
        u: Unit,
        team: TeamRecord,
        lead: LeadRecord,
        member: MemberRecord,
        code: ReasonCode,
        now: datetime,
        duty: bool = False,
    ) -> None:
        """One line in the team chat when a lead goes to a person: everyone sees the split
        (`duty`: in turn among the managers on duty). The caller checks `announce`."""
        tr = team_translator(team)
        line = tr(
            "announce.line",
            id=lead.id,
            client=client_label(lead, tr),
            name=member.full_name,
            how=tr("announce.duty") if duty else tr("announce." + code.value),
        )
        await u.outbox.enqueue(
            team.chat_id, OutboxMethod.SEND, OutboxPurpose.ANNOUNCE, line, now, lead_id=lead.id
        )

    async def chat_reminder(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, since: datetime, now: datetime
    ) -> None:
        """In the team chat, in reply to the card nobody claims yet."""
        tr = team_translator(team)
        wait = elapsed_text(now - since, tr)
        await u.outbox.enqueue(
            team.chat_id,
            OutboxMethod.SEND,
            OutboxPurpose.CARD_REMINDER,
            tr("remind.chat", id=lead.id, client=client_label(lead, tr), wait=wait),
            now,
            lead_id=lead.id,
        )

    async def outcome_reminder(
        self, u: Unit, lead: LeadRecord, owner: MemberRecord, since: datetime, now: datetime
    ) -> None:
        """To the owner: the lead still has no outcome, with Won and Lost at hand."""
        tr = member_translator(owner)
        age = format_duration(now - since, tr, "span")
        await u.outbox.enqueue(
            owner.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.OUTCOME_REMINDER,
            tr("remind.outcome", id=lead.id, client=client_label(lead, tr), age=age),
            now,
            buttons=owner_buttons(lead, tr),
            lead_id=lead.id,
        )

    async def where(self, u: Unit, decision: Decision) -> Text:
        """Where a decision sent a lead, for a notice: "Ivan", "the team chat"..."""
        match decision.kind:
            case DecisionKind.OFFER:
                assert decision.member_id is not None
                member = await u.members.by_id(decision.member_id)
                name = member.full_name if member else "?"
                return lambda tr: tr("where.member", name=name)
            case DecisionKind.POST:
                return lambda tr: tr("where.chat")
            case DecisionKind.ASK_HEAD:
                return lambda tr: tr("where.heads")
            case DecisionKind.HOLD:
                return lambda tr: tr("where.hours")
