"""What each chat is told after a lead moved: the team chat, the new owner, the former
owner, the heads. One method per move, from the move (`Moved`: the lead as it is now) and
the people it names; every message is an outbox row in the caller's transaction. Routing
moves (post, offer, ask the heads) are told by `LeadPosts` and `HeadCards`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Protocol

from bot.durations import elapsed_text
from bot.i18n import Html, Language, Translator
from bot.presentation.buttons import owner_buttons
from bot.presentation.callbacks import ReturnWhy
from bot.presentation.cards import (
    claimed_card,
    former_card,
    head_card,
    offer_card,
    owner_messages,
    returned_card,
    team_card,
    with_status,
)
from bot.presentation.lead_messages import LeadMessages, reason_for
from bot.presentation.lead_posts import LeadPosts
from bot.presentation.notices import (
    Text,
    enqueue_messages,
    member_translator,
    notify_member,
    team_translator,
)
from bot.presentation.reasons import why
from bot.routing import ReasonCode
from storage import (
    LeadRecord,
    LeadStatus,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
    TeamRecord,
)
from storage.unit import Unit


class Moved(Protocol):
    """A lead that moved (`lifecycle.transitions.Moved`): as it is now, and when."""

    @property
    def lead(self) -> LeadRecord: ...

    @property
    def at(self) -> datetime: ...


class Reactions:
    def __init__(self, posts: LeadPosts) -> None:
        self._posts = posts
        self._messages = LeadMessages()

    # ---- a manager takes it ------------------------------------------------------------

    async def claimed(
        self,
        u: Unit,
        moved: Moved,
        team: TeamRecord,
        name: str,
        user_id: int,
        language: Language,
        details: Mapping[str, object],
    ) -> None:
        """The card says who took it, the heads' cards lose their buttons, and the new
        owner gets the contacts."""
        lead, at = moved.lead, moved.at
        team_tr = team_translator(team)
        await u.outbox.enqueue(
            team.chat_id,
            OutboxMethod.EDIT_CARD,
            OutboxPurpose.CARD_CLAIMED,
            claimed_card(lead, name, team_tr),
            at,
            lead_id=lead.id,
        )
        # Heads asked about it when nobody claimed it in time: their buttons are stale now.
        taken = head_card(lead, team_tr, team_tr("ask.claimed", name=name))
        await self._messages.edit_all(
            u, lead, OutboxPurpose.HEAD_ASK, OutboxPurpose.HEAD_ASK_DONE, taken, at
        )
        tr = Translator(language)
        await self._owner_card(u, lead, user_id, why(details, tr), tr, moved)

    async def accepted(self, u: Unit, moved: Moved, member: MemberRecord) -> None:
        """The offer becomes the full card in place: the contacts appear where the manager
        tapped (or in a new message, if the offer was never shown)."""
        lead, now = moved.lead, moved.at
        tr = member_translator(member)
        reason = await reason_for(u, lead, member, tr)
        offer = await self._messages.private_card(u, lead, member)
        if offer is None:
            await self._owner_card(u, lead, member.user_id, reason, tr, moved)
            return
        card, *rest = owner_messages(lead, reason, tr)
        await self._messages.edit(
            u, offer, OutboxPurpose.OFFER_ACCEPTED, card, now, owner_buttons(lead, tr)
        )
        await enqueue_messages(
            u.outbox, member.user_id, rest, OutboxPurpose.LEAD_TEXT, now, lead.id
        )

    # ---- it leaves its manager -----------------------------------------------------------

    async def given_back(
        self, u: Unit, before: LeadRecord, member: MemberRecord, reason: ReturnWhy, moved: Moved
    ) -> None:
        tr = member_translator(member)
        status = tr("offer.returned", why=tr("return_why." + reason.value))
        # The card keeps why it came to them (a rule, a known client, the turn), as it said.
        card = offer_card(before, await reason_for(u, before, member, tr), tr, status)
        await self._messages.close_private_card(u, before, member, card, moved.at)

    async def ask_return_reason(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, at: datetime
    ) -> None:
        def ask(tr: Translator) -> Html:
            return tr("return.ask_reason", id=lead.id)

        await notify_member(u.outbox, member, ask, at, lead.id)

    async def timed_out(
        self, u: Unit, before: LeadRecord, owner: MemberRecord, waited: timedelta, moved: Moved
    ) -> None:
        tr = member_translator(owner)
        reason = await reason_for(u, before, owner, tr)
        status = tr("offer.timed_out", wait=elapsed_text(waited, tr))
        await self._messages.close_private_card(
            u, before, owner, offer_card(before, reason, tr, status), moved.at
        )

    async def taken_back(
        self,
        u: Unit,
        before: LeadRecord,
        owner: MemberRecord,
        kind: str,  # bot.lifecycle.events.Gone
        team: TeamRecord,
        moved: Moved,
    ) -> None:
        """The team card says whose lead came back (the fresh card is further down); the
        manager's own card says why, and loses its buttons (if the bot can still edit it)."""
        if kind != "unreachable":
            tr = member_translator(owner)
            card = former_card(before, tr, tr("offer." + kind))
            await self._messages.close_private_card(u, before, owner, card, moved.at)
        returned = returned_card(moved.lead, owner.full_name, team_translator(team))
        await self._messages.edit_team_card(
            u, moved.lead, team, OutboxPurpose.CARD_RETURNED, returned, moved.at
        )

    # ---- a head decides, a vacation ends -----------------------------------------------

    async def assigned(
        self,
        u: Unit,
        moved: Moved,
        team: TeamRecord,
        member: MemberRecord,
        previous: MemberRecord | None,
        head: str,
        details: dict[str, object],
        announce: bool,
    ) -> None:
        """The new owner gets the contacts, the former owner's card says where it went,
        the team card and the heads' cards say who decided."""
        lead, now = moved.lead, moved.at
        tr = member_translator(member)
        await self._owner_card(u, lead, member.user_id, why(details, tr), tr, moved)
        if previous is not None:
            prev_tr = member_translator(previous)
            text = prev_tr("handover.moved", id=lead.id, name=member.full_name)
            await self._messages.close_private_card(
                u, lead, previous, former_card(lead, prev_tr, text), now
            )
            if previous.active:  # someone removed from the team is not written to
                await u.outbox.enqueue(
                    previous.user_id,
                    OutboxMethod.SEND,
                    OutboxPurpose.MEMBER_NOTICE,
                    text,
                    now,
                    lead_id=lead.id,
                )
        await self.team_card_says(
            u,
            lead,
            team,
            OutboxPurpose.CARD_ASSIGNED,
            lambda tr: tr("card.assigned", name=member.full_name, head=head),
            now,
        )
        team_tr = team_translator(team)
        done = head_card(lead, team_tr, team_tr("ask.done", name=member.full_name, head=head))
        await self._messages.edit_all(
            u, lead, OutboxPurpose.HEAD_ASK, OutboxPurpose.HEAD_ASK_DONE, done, now
        )
        if announce:
            await self._posts.announce(u, team, lead, member, ReasonCode.ASSIGNED, now)

    async def handed_back(
        self,
        u: Unit,
        before: LeadRecord,
        moved: Moved,
        deputy: MemberRecord,
        member: MemberRecord,
        details: dict[str, object],
    ) -> None:
        """The deputy's card says whose lead it was; the manager gets it back as it is: an
        offer stays an offer, a taken lead comes with its contacts."""
        lead, now = moved.lead, moved.at
        deputy_tr = member_translator(deputy)
        status = deputy_tr("handback.deputy_card", name=member.full_name)
        await self._messages.close_private_card(
            u, before, deputy, former_card(before, deputy_tr, status), now
        )
        if lead.status is LeadStatus.OFFERED:
            await self._posts.offer(u, lead, member, details, now)
        else:
            tr = member_translator(member)
            await self._owner_card(u, lead, member.user_id, why(details, tr), tr, moved)

    async def reopened(
        self, u: Unit, moved: Moved, team: TeamRecord, owner: MemberRecord, head: str
    ) -> None:
        """The owner is told and gets the card with the contacts and the outcome buttons
        again; the team card says who works the lead now."""
        lead, now = moved.lead, moved.at
        tr = member_translator(owner)
        # The closed card's undo is stale now: the fresh card below carries the buttons.
        await self._messages.retire_buttons(u, lead, owner.user_id, now)
        await u.outbox.enqueue(
            owner.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.MEMBER_NOTICE,
            tr("reopen.owner", id=lead.id, head=head),
            now,
            lead_id=lead.id,
        )
        await self._owner_card(u, lead, owner.user_id, tr("reason.reopened", head=head), tr, moved)
        await self.team_card_says(
            u,
            lead,
            team,
            OutboxPurpose.CARD_REOPENED,
            lambda tr: tr("card.reopened", name=owner.full_name, head=head),
            now,
        )

    async def heads_too_late(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, at: datetime
    ) -> None:
        """No head chose in time: their cards say the team chat has it now."""
        tr = team_translator(team)
        shown = head_card(lead, tr, tr("ask.to_chat"))
        await self._messages.edit_all(
            u, lead, OutboxPurpose.HEAD_ASK, OutboxPurpose.HEAD_ASK_DONE, shown, at
        )

    # ---- helpers ---------------------------------------------------------------------------

    async def team_card_says(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        purpose: OutboxPurpose,
        status: Text,
        at: datetime,
    ) -> None:
        """The lead's card in the team chat, with what became of it and no buttons left."""
        tr = team_translator(team)
        shown = with_status(team_card(lead, tr), status(tr))
        await self._messages.edit_team_card(u, lead, team, purpose, shown, at, buttons=[])

    async def _owner_card(
        self, u: Unit, lead: LeadRecord, user_id: int, reason: Html, tr: Translator, moved: Moved
    ) -> None:
        """The full card with the contacts and the outcome buttons, then what it cut."""
        await enqueue_messages(
            u.outbox,
            user_id,
            owner_messages(lead, reason, tr),
            OutboxPurpose.OWNER_CARD,
            moved.at,
            lead.id,
            buttons=owner_buttons(lead, tr),
        )
