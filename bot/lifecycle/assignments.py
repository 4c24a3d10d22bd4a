"""What managers do with a lead sent to them: accept or return an offer, close it won or lost.

Each step is one conditional UPDATE that says whether it won, so two taps at once, a stale
button or a repeated update change the lead at most once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum

from bot.delivery.signal import OutboxSignal
from bot.i18n import Html, Translator
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.planner import Planner
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.presentation.buttons import outcome_buttons
from bot.presentation.callbacks import LostWhy, ReturnWhy
from bot.presentation.cards import offer_card, owner_messages, team_card, with_status
from bot.presentation.lead_messages import LeadMessages
from bot.presentation.notices import enqueue_messages, member_translator, team_translator
from bot.presentation.reasons import DECIDING_EVENTS, Cause, why
from bot.services.people import Person
from bot.timing.clock import Clock
from storage import (
    Database,
    LeadRecord,
    LeadStatus,
    MemberRecord,
    OutboxPurpose,
)

log = logging.getLogger(__name__)


class Step(StrEnum):
    """How an Accept, Return, Won or Lost tap ended."""

    DONE = "done"
    STALE = "stale"  # the lead is no longer in the state the button was made for
    NOT_YOURS = "not_yours"  # someone else's lead
    INVALID = "invalid"  # no such lead, or the tapper is not in the team


class Assignments:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        planner: Planner,
        life: Lifecycle,
        distributor: Distributor,
        signal: OutboxSignal,
    ) -> None:
        self._db = db
        self._clock = clock
        self._planner = planner
        self._life = life
        self._distributor = distributor
        self._signal = signal
        repos = db.repos
        self._leads = repos.leads
        self._groups = repos.groups
        self._teams = repos.teams
        self._members = repos.members
        self._events = repos.events
        self._outbox = repos.outbox
        self._messages = LeadMessages(self._outbox)

    # ---- offered: accept or return -----------------------------------------------------

    async def accept(self, lead_id: int, person: Person) -> Step:
        async with self._db.transaction():
            now = self._clock.now()
            owned = await self._owned(lead_id, person)
            if isinstance(owned, Step):
                return owned
            _lead, member = owned
            decided = await self._events.last(lead_id, DECIDING_EVENTS, member.id)
            details = dict(decided.details) if decided else {}
            note = Note("accepted", "accepted", actor_user_id=person.user_id)
            moved = await self._life.accept(lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            fresh = moved.lead
            tr = member_translator(member)
            card, *rest = owner_messages(fresh, why(details, tr), tr)
            offer = await self._messages.private_card(fresh, member)
            if offer is None:
                await enqueue_messages(
                    self._outbox,
                    member.user_id,
                    [card, *rest],
                    OutboxPurpose.OWNER_CARD,
                    now,
                    lead_id,
                    buttons=outcome_buttons(lead_id, tr),
                )
            else:
                # The offer becomes the full card in place: the contacts appear where the
                # manager tapped.
                await self._messages.edit(
                    offer, OutboxPurpose.OFFER_ACCEPTED, card, now, outcome_buttons(lead_id, tr)
                )
                await enqueue_messages(
                    self._outbox, member.user_id, rest, OutboxPurpose.LEAD_TEXT, now, lead_id
                )
        self._signal.notify()
        return Step.DONE

    async def give_back(self, lead_id: int, person: Person, reason: ReturnWhy) -> Step:
        """Return an offered lead: it is routed again without this manager."""
        async with self._db.transaction():
            now = self._clock.now()
            owned = await self._owned(lead_id, person)
            if isinstance(owned, Step):
                return owned
            lead, member = owned
            note = Note("returned", reason.value, actor_user_id=person.user_id)
            moved = await self._life.give_back(lead_id, member.id, now, note)
            if not isinstance(moved, Moved):
                return Step.STALE
            tr = member_translator(member)
            status = tr("offer.returned", why=tr("return_why." + reason.value))
            await self._messages.close_private_card(
                lead,
                member,
                offer_card(lead, tr("reason.returned_by_you"), tr, status),
                now,
            )
            assert lead.team_id is not None  # _owned found the member through it
            team = await self._teams.by_id(lead.team_id)
            assert team is not None
            cause = Cause("returned", member.full_name, reason.value)
            await self._distributor.distribute(moved.lead, team, now, cause)
        self._signal.notify()
        return Step.DONE

    # ---- outcomes -----------------------------------------------------------------------

    async def close(
        self, lead_id: int, person: Person, won: bool, reason: LostWhy | None = None
    ) -> Step:
        async with self._db.transaction():
            now = self._clock.now()
            owned = await self._owned(lead_id, person)
            if isinstance(owned, Step):
                return owned
            _lead, member = owned
            why_lost = None if won else (reason or LostWhy.OTHER).value
            kind = "won" if won else "lost"
            note = Note(kind, why_lost or kind, actor_user_id=person.user_id)
            moved = await self._life.close(lead_id, member.id, won, now, note, why_lost)
            if not isinstance(moved, Moved):
                return Step.STALE
            closed = moved.lead
            await self._show_outcome(closed, member, now)
        self._signal.notify()
        return Step.DONE

    async def _show_outcome(self, lead: LeadRecord, member: MemberRecord, now: datetime) -> None:
        tr = member_translator(member)
        decided = await self._events.last(lead.id, DECIDING_EVENTS, member.id)
        card = owner_messages(lead, why(dict(decided.details) if decided else {}, tr), tr)[0]
        closed = with_status(card, outcome_line(lead, tr))
        await self._messages.close_private_card(lead, member, closed, now)
        team = await self._teams.by_id(lead.team_id) if lead.team_id is not None else None
        if team is None:
            return
        team_tr = team_translator(team)
        owner = team_tr("card.owner", name=member.full_name)
        shown = with_status(
            with_status(team_card(lead, team_tr), owner), outcome_line(lead, team_tr)
        )
        await self._messages.edit_team_card(lead, team, OutboxPurpose.CARD_CLOSED, shown, now)

    # ---- before a menu ------------------------------------------------------------------

    async def may_give_back(self, lead_id: int, person: Person) -> Step:
        """Whether a Return could go ahead now: the lead is offered to this person."""
        return await self._holds(lead_id, person, LeadStatus.OFFERED)

    async def may_close(self, lead_id: int, person: Person) -> Step:
        """Whether Won or Lost could go ahead now: the lead is taken by this person."""
        return await self._holds(lead_id, person, LeadStatus.TAKEN)

    async def _holds(self, lead_id: int, person: Person, status: LeadStatus) -> Step:
        async with self._db.consistent_read():
            owned = await self._owned(lead_id, person)
        if isinstance(owned, Step):
            return owned
        lead, _member = owned
        return Step.DONE if lead.status is status else Step.STALE

    # ---- helpers ------------------------------------------------------------------------

    async def _owned(self, lead_id: int, person: Person) -> tuple[LeadRecord, MemberRecord] | Step:
        """The lead and the tapper's membership, if the lead is theirs; else why not."""
        lead = await self._leads.get(lead_id)
        member = (
            await self._members.active_by_user(lead.team_id, person.user_id)
            if lead is not None and lead.team_id is not None
            else None
        )
        if lead is None or member is None:
            return Step.INVALID
        if lead.owner_id != member.id:
            return Step.NOT_YOURS
        return lead, member


def outcome_line(lead: LeadRecord, tr: Translator) -> Html:
    if lead.status is LeadStatus.WON:
        return tr("outcome.won")
    return tr("outcome.lost", why=tr("lost_why." + (lead.lost_reason or LostWhy.OTHER.value)))
