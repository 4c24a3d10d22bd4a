"""What each chat is told when a lead ends, and when its owner takes the ending back: the
owner's card (with ↩️ for UNDO_WINDOW), the team card, and the question a lost lead's
"Другое" asks. Outbox rows in the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Html, Translator
from bot.presentation.buttons import amount_buttons, owner_buttons, undo_buttons
from bot.presentation.callbacks import LeadRef, LostWhy
from bot.presentation.cards import owner_messages, with_status
from bot.presentation.lead_messages import LeadMessages, reason_for
from bot.presentation.notices import Text, member_translator, notify_member
from bot.presentation.reactions import Moved, Reactions
from storage import (
    Buttons,
    LeadRecord,
    LeadStatus,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
)
from storage.unit import Unit


def outcome_line(lead: LeadRecord, tr: Translator) -> Html:
    if lead.status is LeadStatus.WON:
        return tr("outcome.won")
    return tr("outcome.lost", why=tr("lost_why." + (lead.lost_reason or LostWhy.OTHER.value)))


def closed_line(lead: LeadRecord, name: str, tr: Translator, words: str | None = None) -> Html:
    """The team card's last line once a lead is closed: the outcome, why (in the owner's
    words when "Другое" was explained), and whose it was."""
    if lead.status is LeadStatus.WON:
        return tr("outcome.by_won", name=name)
    reason = lead.lost_reason or LostWhy.OTHER.value
    why = f"«{words}»" if words else str(tr("lost_why." + reason)).lower()
    return tr("outcome.by_lost", why=why, name=name)


class Endings:
    def __init__(self, told: Reactions) -> None:
        self._told = told
        self._messages = LeadMessages()

    async def closed(self, u: Unit, moved: Moved, member: MemberRecord) -> None:
        """The owner's card shows the outcome, with a button to take it back for a few
        minutes; the team card shows the outcome."""
        lead = moved.lead
        tr = member_translator(member)
        card = owner_messages(lead, await reason_for(u, lead, member, tr), tr)[0]
        shown = with_status(card, outcome_line(lead, tr))
        edited = await self._private_card(
            u, lead, member, shown, undo_buttons(LeadRef.of(lead), tr), moved
        )
        # Its outcome reminders, and any older card of it, have nothing left to ask.
        await self._messages.retire_buttons(
            u, lead, member.user_id, moved.at, outcome_line(lead, tr), but=edited
        )

        def status(tr: Translator) -> Html:
            return closed_line(lead, member.full_name, tr)

        await self._team_card(u, lead, OutboxPurpose.CARD_CLOSED, status, moved.at)

    async def undone(self, u: Unit, moved: Moved, member: MemberRecord) -> None:
        """Back in work: the owner's card has Won and Lost again, the team card the owner."""
        lead = moved.lead
        tr = member_translator(member)
        card = owner_messages(lead, await reason_for(u, lead, member, tr), tr)[0]
        shown = with_status(card, tr("outcome.undone"))
        edited = await self._private_card(u, lead, member, shown, owner_buttons(lead, tr), moved)
        # The question of the deal's amount has nothing left to ask: its button goes.
        await self._messages.retire_buttons(u, lead, member.user_id, moved.at, but=edited)

        def status(tr: Translator) -> Html:
            return with_status(tr("card.owner", name=member.full_name), tr("outcome.undone"))

        await self._team_card(u, lead, OutboxPurpose.CARD_REOPENED, status, moved.at)

    async def ask_reason(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, moved: Moved
    ) -> None:
        def ask(tr: Translator) -> Html:
            return tr("lost.ask_reason", id=lead.id)

        await notify_member(u.outbox, member, ask, moved.at, lead.id)

    async def ask_amount(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, moved: Moved
    ) -> None:
        """A new message that rings: what was the deal worth? A button says "no amount"."""
        tr = member_translator(member)
        await u.outbox.enqueue(
            member.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.MEMBER_NOTICE,
            tr("amount.ask", id=lead.id),
            moved.at,
            buttons=amount_buttons(LeadRef.of(lead), tr),
            lead_id=lead.id,
        )

    async def return_explained(
        self, u: Unit, lead: LeadRecord, holder: MemberRecord, name: str, words: str, at: datetime
    ) -> None:
        """Whoever has the lead now reads why it was given back, in the returner's words."""

        def told(tr: Translator) -> Html:
            return tr("return.explained", id=lead.id, name=name, text=words)

        await notify_member(u.outbox, holder, told, at, lead.id)

    async def _private_card(
        self,
        u: Unit,
        lead: LeadRecord,
        member: MemberRecord,
        text: Html,
        buttons: Buttons,
        moved: Moved,
    ) -> int | None:
        """The owner's own card of the lead shows `text` and `buttons`; which row it is."""
        card = await self._messages.private_card(u, lead, member)
        if card is not None:
            await self._messages.edit(u, card, OutboxPurpose.UPDATE, text, moved.at, buttons)
        return card.id if card is not None else None

    async def explained(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, words: str, at: datetime
    ) -> None:
        """The owner said in words why a lead was lost: the team card says it too."""

        def status(tr: Translator) -> Html:
            return closed_line(lead, member.full_name, tr, words)

        await self._team_card(u, lead, OutboxPurpose.CARD_CLOSED, status, at)

    async def _team_card(
        self, u: Unit, lead: LeadRecord, purpose: OutboxPurpose, status: Text, at: datetime
    ) -> None:
        team = await u.teams.by_id(lead.team_id) if lead.team_id is not None else None
        if team is None:
            return
        await self._told.team_card_says(u, lead, team, purpose, status, at)
