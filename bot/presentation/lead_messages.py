"""Editing what was already sent about a lead: its team card, a manager's private card, the
heads' cards. Each edit is an outbox row, written in the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Html, Translator
from bot.presentation.cards import with_status
from bot.presentation.reasons import DECIDING_EVENTS, why
from storage import (
    Buttons,
    LeadRecord,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    TeamRecord,
)
from storage.unit import Unit

# A manager's own card of a lead: the offer (until accepted, then edited in place), or the
# full card sent on a claim or an assignment.
PRIVATE_CARDS = frozenset({OutboxPurpose.OWNER_CARD, OutboxPurpose.OFFER_CARD})


class LeadMessages:
    async def private_card(
        self, u: Unit, lead: LeadRecord, member: MemberRecord
    ) -> OutboxRecord | None:
        return await u.messages.latest(lead.id, member.user_id, PRIVATE_CARDS)

    async def edit(
        self,
        u: Unit,
        message: OutboxRecord,
        purpose: OutboxPurpose,
        text: Html,
        at: datetime,
        buttons: Buttons | None = None,
    ) -> None:
        await u.outbox.enqueue(
            message.chat_id,
            OutboxMethod.EDIT,
            purpose,
            text,
            at,
            buttons=buttons,
            lead_id=message.lead_id,
            target_id=message.id,
        )

    async def close_private_card(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, text: Html, at: datetime
    ) -> None:
        """The manager's card of this lead says what became of it; its buttons go, and so do
        those of every other message about it in their chat (an outcome reminder, say)."""
        card = await self.private_card(u, lead, member)
        if card is not None:
            await self.edit(u, card, OutboxPurpose.UPDATE, text, at, buttons=[])
        await self.retire_buttons(u, lead, member.user_id, at, but=card.id if card else None)

    async def retire_buttons(
        self,
        u: Unit,
        lead: LeadRecord,
        chat_id: int,
        at: datetime,
        status: Html | None = None,
        but: int | None = None,
    ) -> None:
        """Every message about the lead in the chat that still shows buttons (an offer, an
        owner's card, an outcome reminder) loses them: they no longer apply. With a `status`,
        the message also says what became of the lead. `but`: a message edited anyway."""
        for shown in await u.messages.with_buttons(lead.id, chat_id):
            if shown.record.id == but:
                continue
            text = Html(shown.text) if status is None else with_status(Html(shown.text), status)
            await self.edit(u, shown.record, OutboxPurpose.UPDATE, text, at, buttons=[])

    async def edit_team_card(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        purpose: OutboxPurpose,
        text: Html,
        at: datetime,
        buttons: Buttons | None = None,
    ) -> None:
        """Edit the lead's card in the team chat, if it ever had one (round robin and the
        head's choice post none)."""
        if await u.messages.sent_of(lead.id, OutboxPurpose.CARD):
            await u.outbox.enqueue(
                team.chat_id,
                OutboxMethod.EDIT_CARD,
                purpose,
                text,
                at,
                buttons=buttons,
                lead_id=lead.id,
            )

    async def edit_all(
        self,
        u: Unit,
        lead: LeadRecord,
        sent: OutboxPurpose,
        purpose: OutboxPurpose,
        text: Html,
        at: datetime,
    ) -> None:
        """Edit every message of one kind sent about the lead (each head's card), buttons
        removed."""
        for message in await u.messages.sent_of(lead.id, sent):
            await self.edit(u, message, purpose, text, at, buttons=[])


async def reason_for(u: Unit, lead: LeadRecord, member: MemberRecord, tr: Translator) -> Html:
    """Why the lead came to this manager, from the move that sent it to them."""
    decided = await u.events.last(lead.id, DECIDING_EVENTS, member.id)
    return why(dict(decided.details) if decided else {}, tr)
