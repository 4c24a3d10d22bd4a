"""What happens when the bot loses a chat, gets it back, or the chat moves.

Telegram tells us in two ways: an update (the bot was removed, a group became a supergroup)
or a refused message. Either way no lead may be lost: the team chat's messages are held
until the bot can post there again, and a lead whose owner cannot be reached goes back to
the team. The heads of sales are told each time, in private.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.delivery.telegram.failures import Failure, explain
from bot.i18n import plain_text
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.handover import Handover
from bot.people import Roles
from bot.presentation.notices import HeadNotices
from storage import (
    HANDING_OVER,
    Database,
    LeadEvent,
    LeadRecord,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    TeamRecord,
)
from storage.unit import Unit

log = logging.getLogger(__name__)

# How much of a refused message the heads are shown, to recognise it.
_START = 200


# Messages only heads get: a refusal of one is not reported to the heads again.
TO_HEADS = frozenset({OutboxPurpose.HEAD_NOTICE, OutboxPurpose.HOURS_NOTICE})


class PauseReason(StrEnum):
    REMOVED = "removed"  # the bot was removed from the chat
    MUTED = "muted"  # the bot may not send messages there
    REFUSED = "refused"  # Telegram refused a message there as if the bot had no access


class ChatService:
    def __init__(
        self,
        db: Database,
        roles: Roles,
        distributor: Distributor,
        handover: Handover,
    ) -> None:
        self._db = db
        self._roles = roles
        self._distributor = distributor
        self._handover = handover
        self._notices = HeadNotices(roles)

    # ---- refused messages (called by the outbox worker) ---------------------------------

    async def refused(self, row: OutboxRecord, failure: Failure, detail: str) -> None:
        async with self._db.unit() as u:
            team = await u.teams.by_chat(row.chat_id)
            if failure is Failure.CHAT_GONE and team is not None:
                # The row stays pending: it goes out, in order, once the team is resumed.
                await self._pause(u, team, PauseReason.REFUSED, detail)
            else:
                await u.outbox.mark_failed(row.id, u.now, detail)
                await self._hand_on(u, row, detail)

    async def _hand_on(self, u: Unit, row: OutboxRecord, detail: str) -> None:
        lead = await u.leads.get(row.lead_id) if row.lead_id is not None else None
        if lead is not None and row.purpose in HANDING_OVER:
            await self._owner_unreachable(u, lead, row.chat_id, detail)
        elif lead is not None and row.purpose is OutboxPurpose.OFFER_ACCEPTED:
            # The offer card is gone (deleted in the chat): the contacts go in a new message.
            await u.outbox.enqueue(
                row.chat_id,
                OutboxMethod.SEND,
                OutboxPurpose.OWNER_CARD,
                row.text,
                u.now,
                buttons=row.buttons,
                lead_id=lead.id,
            )
        elif lead is not None and row.purpose is OutboxPurpose.CARD:
            await self._card_refused(u, lead, detail)
        else:
            # Card edits and notices: the database already holds the truth they showed.
            log.warning("outbox row %d (%s) dropped: %s", row.id, row.purpose.value, detail)
            # A message that never reached its chat is news to the heads, unless it was
            # theirs: telling them of their own refused notice could go round for ever.
            if row.method is OutboxMethod.SEND and row.purpose not in TO_HEADS:
                await self._tell_refused(u, row, detail)

    async def _tell_refused(self, u: Unit, row: OutboxRecord, detail: str) -> None:
        team = await u.teams.primary()
        member = await u.members.by_user(team.id, row.chat_id) if team else None
        where = (
            team.title
            if team is not None and team.chat_id == row.chat_id
            else member.full_name
            if member is not None
            else str(row.chat_id)
        )
        plain = plain_text(row.text).strip()
        start = plain if len(plain) <= _START else plain[: _START - 1] + "…"
        await self._notices.tell(
            u,
            team,
            lambda tr: tr(
                "notice.refused_ours",
                chat=where,
                why=tr("tg_refusal." + explain(detail)),
                start=start,
            ),
            u.now,
        )

    async def _owner_unreachable(
        self, u: Unit, lead: LeadRecord, user_id: int, detail: str
    ) -> None:
        owner = await u.members.by_id(lead.owner_id) if lead.owner_id is not None else None
        if owner is None or owner.user_id != user_id:
            return  # the lead changed hands since; the current owner got their own copy
        if not await self._handover.take_back(u, lead, owner, detail):
            return
        # Joining requires a private chat the bot can write to; without it every lead this
        # member claims would bounce back the same way. Join again to come back.
        if await u.members.deactivate(owner.id, u.now):
            log.warning("member %d left team: the bot cannot write to them", owner.id)
            await self._handover.withdraw_offers(u, owner, detail, "unreachable")
        team = await u.teams.by_id(lead.team_id) if lead.team_id is not None else None
        await self._notices.tell(
            u,
            team,
            lambda tr: tr(
                "notice.returned",
                id=lead.id,
                name=owner.full_name,
                reason=tr("tg_refusal." + explain(detail)),
            ),
            u.now,
            lead.id,
        )

    async def _card_refused(self, u: Unit, lead: LeadRecord, detail: str) -> None:
        """Telegram will not show this card in the team chat; the heads get the lead."""
        await u.events.add(
            LeadEvent(
                lead.id,
                u.now,
                "card_refused",
                reason="telegram",
                details={"error": detail},
            )
        )
        team = await u.teams.by_id(lead.team_id) if lead.team_id is not None else None
        if team is None:
            log.warning("lead %d: card refused and no team to tell: %s", lead.id, detail)
            return
        await self._notices.hand_over(
            u,
            team,
            lead,
            lambda tr: tr(
                "notice.card_refused", id=lead.id, reason=tr("tg_refusal." + explain(detail))
            ),
            u.now,
        )

    # ---- chat changes (called by handlers, and by the worker for a moved chat) -----------

    async def chat_lost(self, chat_id: int, reason: PauseReason, detail: str = "") -> bool:
        async with self._db.unit() as u:
            team = await u.teams.by_chat(chat_id)
            return team is not None and await self._pause(u, team, reason, detail)

    async def chat_back(self, chat_id: int) -> bool:
        async with self._db.unit() as u:
            team = await u.teams.by_chat(chat_id)
            if team is None or not await u.teams.resume(team.id):
                return False
            held = await u.outbox.pending_for_chat(chat_id)
            log.info("team %d resumed in chat %d, %d messages held", team.id, chat_id, held)
            await self._notices.tell(
                u,
                team,
                lambda tr: tr("notice.resumed", title=team.title, count=held),
                u.now,
            )
        return True

    async def chat_moved(self, old_chat_id: int, new_chat_id: int) -> bool:
        """A group became a supergroup: the team, its waiting messages and its open cards
        move to the new chat id. Safe to call again for the same move."""
        async with self._db.unit() as u:
            team = await u.teams.by_chat(old_chat_id) or await u.teams.by_chat(new_chat_id)
            if team is None:
                return False
            first_time = team.chat_id == old_chat_id
            if first_time:
                await u.teams.move_chat(team.id, new_chat_id)
                await u.outbox.move_chat(old_chat_id, new_chat_id)
                await u.boards.close_chat(old_chat_id, u.now)
            await u.teams.resume(team.id)
            moved = await u.teams.by_id(team.id)
            assert moved is not None
            # Buttons left in the old chat may no longer be pressed: post open leads again.
            stranded = await u.lists.unclaimed_with_card_in(old_chat_id)
            now = u.now
            for lead in stranded:
                await u.leads.clear_card(lead.id)
                await self._distributor.distribute(u, lead, moved, now)
            if first_time:
                log.warning("team %d moved from chat %d to %d", team.id, old_chat_id, new_chat_id)
                await self._notices.tell(
                    u,
                    moved,
                    lambda tr: tr("notice.moved", title=moved.title, count=len(stranded)),
                    now,
                )
        return True

    # ---- helpers ------------------------------------------------------------------------

    async def _pause(self, u: Unit, team: TeamRecord, reason: PauseReason, detail: str) -> bool:
        now = u.now
        if not await u.teams.pause(team.id, now, reason.value):
            return False
        log.warning("team %d paused: %s %s", team.id, reason.value, detail)
        await self._notices.tell(
            u,
            team,
            lambda tr: tr("notice.paused", title=team.title, reason=tr("pause." + reason)),
            now,
        )
        # Hot leads cannot wait for someone to re-add the bot: the heads get them now.
        for lead_id in await u.outbox.leads_waiting_for_cards(team.chat_id):
            lead = await u.leads.get(lead_id)
            if lead is not None:
                await self._notices.held(u, team, lead, now)
        return True
