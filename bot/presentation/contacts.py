"""What each chat is told about the first contact with a client: the owner's reminder (a
new message, so it rings), the owner's card and the team card once 📞 is tapped, and the
former owner's card when the lead went on for want of a call."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.durations import elapsed_text
from bot.i18n import Html
from bot.presentation.buttons import outcome_buttons, owner_buttons
from bot.presentation.callbacks import LeadRef
from bot.presentation.cards import claimed_card, former_card, owner_messages, returned_card
from bot.presentation.lead_messages import LeadMessages, reason_for
from bot.presentation.lead_posts import client_label
from bot.presentation.notices import member_translator, team_translator
from storage import LeadRecord, MemberRecord, OutboxMethod, OutboxPurpose, TeamRecord
from storage.unit import Unit


class ContactPosts:
    def __init__(self) -> None:
        self._messages = LeadMessages()

    async def reminder(
        self, u: Unit, lead: LeadRecord, owner: MemberRecord, since: datetime, now: datetime
    ) -> None:
        """To the owner, as a message of its own: the client is still waiting for a call."""
        tr = member_translator(owner)
        await u.outbox.enqueue(
            owner.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.CONTACT_REMINDER,
            tr(
                "contact.remind",
                id=lead.id,
                client=client_label(lead, tr),
                age=elapsed_text(now - since, tr),
            ),
            now,
            buttons=owner_buttons(lead, tr),
            lead_id=lead.id,
        )

    async def contacted(
        self, u: Unit, lead: LeadRecord, owner: MemberRecord, team: TeamRecord, at: datetime
    ) -> None:
        """The owner's card shows the contact and keeps Won and Lost; every other message
        about the lead in their chat loses 📞; the team card says the client was reached."""
        tr = member_translator(owner)
        card = await self._messages.private_card(u, lead, owner)
        outcomes = outcome_buttons(LeadRef.of(lead), tr)
        if card is not None:
            text = owner_messages(lead, await reason_for(u, lead, owner, tr), tr)[0]
            await self._messages.edit(u, card, OutboxPurpose.UPDATE, text, at, outcomes)
        for shown in await u.messages.with_buttons(lead.id, owner.user_id):
            if card is None or shown.record.id != card.id:
                edit = self._messages.edit
                await edit(u, shown.record, OutboxPurpose.UPDATE, Html(shown.text), at, outcomes)
        team_tr = team_translator(team)
        await self._messages.edit_team_card(
            u,
            lead,
            team,
            OutboxPurpose.CARD_CLAIMED,
            claimed_card(lead, owner.full_name, team_tr),
            at,
        )

    async def lapsed(
        self,
        u: Unit,
        before: LeadRecord,
        owner: MemberRecord,
        waited: timedelta,
        team: TeamRecord,
        lead: LeadRecord,
        at: datetime,
    ) -> None:
        """The former owner's card says the lead went on and loses its buttons (a reminder's
        too); the old team card says it came back (the fresh one is further down)."""
        tr = member_translator(owner)
        card = former_card(before, tr, tr("contact.lapsed", wait=elapsed_text(waited, tr)))
        await self._messages.close_private_card(u, before, owner, card, at)
        team_tr = team_translator(team)
        why = team_tr("contact.no_contact_for", wait=elapsed_text(waited, team_tr))
        returned = returned_card(lead, owner.full_name, team_tr, why)
        await self._messages.edit_team_card(
            u, lead, team, OutboxPurpose.CARD_RETURNED, returned, at
        )
