"""What each chat is told about contact with a client: the owner's reminder (a new message,
so it rings), the owner's card and the team card once 📞 is tapped, the former owner's
card when the lead went on for want of a call, and the client writing in again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from bot.durations import elapsed_text
from bot.i18n import Html, Translator
from bot.presentation.buttons import outcome_buttons, owner_buttons
from bot.presentation.callbacks import LeadRef
from bot.presentation.card_fields import render_fields
from bot.presentation.cards import claimed_card, former_card, owner_messages, returned_card
from bot.presentation.lead_messages import LeadMessages, reason_for
from bot.presentation.lead_posts import client_label
from bot.presentation.notices import HeadNotices, member_translator, notify_member, team_translator
from storage import (
    LeadFields,
    LeadRecord,
    LeadStatus,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
    Pool,
    TeamRecord,
)
from storage.unit import Unit


def repeat_text(
    lead: LeadRecord, added: Mapping[str, Mapping[str, str]], tr: Translator, *, full: bool
) -> Html:
    """ "🔁 The client of lead 12 wrote again", then what they said anew, as a card shows it
    (`full`: with the contacts, for the manager who has them)."""
    known = dict(added.get("known", {}))
    said = LeadFields(**known, extra=dict(added.get("extra", {})))
    title = tr("repeat.title", id=lead.id, client=client_label(lead, tr))
    rendered = render_fields(tr, title, replace(lead, fields=said), full=full)
    if rendered.fields_shown == 0:
        return Html(f"{title}\n{tr('repeat.nothing_new')}")
    return Html("\n".join(rendered.lines.parts))


class ContactPosts:
    def __init__(self, notices: HeadNotices) -> None:
        self._messages = LeadMessages()
        self._notices = notices

    async def repeated(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        added: Mapping[str, Mapping[str, str]],
        at: datetime,
    ) -> None:
        """One message to whoever has the lead (the contacts only if it is theirs already),
        to the team chat while its card waits there, or to the heads while they choose."""
        owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        if owner is not None:
            taken = lead.status is LeadStatus.TAKEN

            def text(tr: Translator) -> Html:
                return repeat_text(lead, added, tr, full=taken)

            await notify_member(u.outbox, owner, text, at, lead.id)
        elif lead.pool is Pool.CHAT:
            tr = team_translator(team)
            shown = repeat_text(lead, added, tr, full=False)
            await u.outbox.enqueue(
                team.chat_id, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, shown, at,
                lead_id=lead.id,
            )  # fmt: skip
        elif lead.pool is Pool.HEADS:
            await self._notices.tell(
                u, team, lambda tr: repeat_text(lead, added, tr, full=False), at, lead.id
            )

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
