"""What a lead's timer does when it fires: remind the chat, tell the heads, pass an offer
on, remind an owner of the outcome. Each checks first that the lead still waits for what
the timer was set for; `Deadlines.lead_changed` cancels stale timers, this is the guard
behind it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.durations import dump_duration, elapsed_text, rounded
from bot.i18n import Html, Translator
from bot.lifecycle.deadlines import Deadlines
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.events import (
    ChatReminded,
    ContactLapsed,
    ContactReminded,
    HeadsTooLate,
    OwnerReminded,
    PassedOn,
    TimedOut,
)
from bot.lifecycle.head_cards import HeadCards
from bot.lifecycle.planner import Planner
from bot.lifecycle.presence import LAPSES, NO_CONTACT, TIMED_OUT, Presence
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.presentation.reasons import Cause
from bot.team_settings import (
    ACCEPT_TIMEOUT,
    CLAIM_REMIND,
    CONTACT_REMIND,
    CONTACT_TIMEOUT,
    MAX_PASSES,
)
from storage import (
    LeadEvent,
    LeadRecord,
    LeadStatus,
    MemberRecord,
    Pool,
    TeamRecord,
)
from storage.unit import Unit
from storage.work.timers import TimerKind, TimerRecord

log = logging.getLogger(__name__)


class LeadTimers:
    def __init__(
        self,
        planner: Planner,
        deadlines: Deadlines,
        life: Lifecycle,
        distributor: Distributor,
        heads: HeadCards,
        presence: Presence,
    ) -> None:
        self._planner = planner
        self._presence = presence
        self._deadlines = deadlines
        self._life = life
        self._distributor = distributor
        self._heads = heads

    async def fire(self, u: Unit, timer: TimerRecord, team: TeamRecord, now: datetime) -> None:
        """Do what the timer is for. Call inside the transaction that fired it."""
        lead = await u.leads.get(timer.lead_id) if timer.lead_id is not None else None
        if lead is None:
            return
        claimable = lead.status is LeadStatus.NEW and lead.pool is Pool.CHAT
        owner = (
            await u.members.by_id(timer.member_id)
            if timer.member_id is not None and timer.member_id == lead.owner_id
            else None
        )
        match timer.kind:
            case TimerKind.CLAIM_REMIND if claimable:
                await self._remind_chat(u, lead, team, timer, now)
            case TimerKind.CLAIM_ESCALATE if claimable:
                await self._escalate(u, lead, team, timer, now)
            case TimerKind.HEADS_WAIT if lead.status is LeadStatus.NEW and lead.pool is Pool.HEADS:
                await self._to_chat(u, lead, team, now)
            case TimerKind.ACCEPT_TIMEOUT if owner and lead.status is LeadStatus.OFFERED:
                await self._lapse(u, lead, team, owner, timer, now, TIMED_OUT)
            case TimerKind.OUTCOME_REMIND if owner and lead.status is LeadStatus.TAKEN:
                await self._remind_owner(u, lead, team, owner, now)
            case TimerKind.CONTACT_REMIND if owner and lead.awaits_contact:
                settings = await self._planner.settings(u, team)
                if settings[CONTACT_REMIND] is not None:  # else turned off since
                    await u.emit(ContactReminded(lead, owner, timer.since or now, now))
            case TimerKind.CONTACT_TIMEOUT if owner and lead.awaits_contact:
                await self._lapse(u, lead, team, owner, timer, now, NO_CONTACT)
            case _:
                log.info("timer %d (%s) found lead %d moved on", timer.id, timer.kind, lead.id)

    async def _remind_chat(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, timer: TimerRecord, now: datetime
    ) -> None:
        settings = await self._planner.settings(u, team)
        since = timer.since or now
        if settings[CLAIM_REMIND] is not None:  # else turned off after this one was set
            await u.emit(ChatReminded(lead, team, since, now))
        await self._deadlines.wait(u, lead, team.id, settings, TimerKind.CLAIM_ESCALATE, since, now)

    async def _escalate(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, timer: TimerRecord, now: datetime
    ) -> None:
        waited = now - (timer.since or now)
        told = await self._heads.escalate(
            u,
            lead,
            team,
            lambda tr: tr("escalate.unclaimed", id=lead.id, wait=elapsed_text(waited, tr)),
            now,
        )
        await self._record(u, lead, now, "escalated", "unclaimed")
        if not told:
            log.warning("lead %d is unclaimed and there is no head to tell", lead.id)

    async def _to_chat(self, u: Unit, lead: LeadRecord, team: TeamRecord, now: datetime) -> None:
        """No head chose a manager in time (or none could be reached): anyone in the team
        may claim it now. The heads' cards say so, and keep no buttons."""
        await u.emit(HeadsTooLate(lead, team, now))
        await self._distributor.to_chat(u, lead, team, now, Note("to_chat", "heads_wait"))

    async def _lapse(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        owner: MemberRecord,
        timer: TimerRecord,
        now: datetime,
        why: str,
    ) -> None:
        """An offer not accepted in time (`TIMED_OUT`), or a taken lead whose client was not
        reached in time (`NO_CONTACT`): the next manager by the same routing gets it (first
        come: back to the chat), or after `max_passes` such lapses the heads do. The owner
        may be paused for it (`auto_pause`)."""
        settings = await self._planner.settings(u, team)
        # A head may have turned the timeout off since: then the lead stays where it is.
        if settings[ACCEPT_TIMEOUT if why == TIMED_OUT else CONTACT_TIMEOUT] is None:
            return
        waited = rounded(now - (timer.since or now))
        passes = 1 + await u.events.count(lead.id, "returned", *LAPSES)
        note = Note("returned", why, {"after": dump_duration(waited), "pass": passes})
        move = self._life.time_out if why == TIMED_OUT else self._life.take_back
        moved = await move(u, lead.id, owner.id, now, note)
        if not isinstance(moved, Moved):
            return
        if why == TIMED_OUT:
            await u.emit(TimedOut(lead, owner, waited, moved))
        else:
            await u.emit(ContactLapsed(lead, owner, waited, team, moved))
        fresh = moved.lead
        cause = Cause(why, owner.full_name, dump_duration(waited))
        decision = None
        if passes < settings[MAX_PASSES]:
            decision = await self._distributor.distribute(u, fresh, team, now, cause)
            await u.emit(PassedOn(fresh, team, owner, waited, decision, now, why))
        elif not await self._to_heads(u, fresh, team, passes, owner, waited, now, why):
            # No head to ask: the chat can claim it; otherwise the heads' card says what
            # happened and asks whom, in one message.
            await u.emit(PassedOn(fresh, team, owner, waited, decision, now, why))
        await self._presence.lapsed(u, owner, team, settings, now)

    async def _to_heads(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        passes: int,
        owner: MemberRecord,
        waited: timedelta,
        now: datetime,
        why: str,
    ) -> bool:
        """The heads choose whom to give it (their card says why they are asked); False
        when there is no head: then the team chat can claim it."""
        await self._life.ask_heads(u, lead.id, now, Note("to_heads", "max_passes"))
        key = "escalate.passes" if why == TIMED_OUT else "escalate.no_contact_passes"

        def note(tr: Translator) -> Html:
            wait = elapsed_text(waited, tr)
            return tr(key, id=lead.id, wait=wait, name=owner.full_name, passes=passes)

        if await self._heads.escalate(u, lead, team, note, now):
            return True
        await self._distributor.to_chat(u, lead, team, now, Note("to_chat", "no_heads"))
        return False

    async def _remind_owner(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, owner: MemberRecord, now: datetime
    ) -> None:
        since = lead.taken_at or lead.assigned_at or now
        await u.emit(OwnerReminded(lead, owner, since, now))
        # Again each `outcome_remind`, counted from this one, until the lead is closed.
        settings = await self._planner.settings(u, team)
        await self._deadlines.wait(u, lead, team.id, settings, TimerKind.OUTCOME_REMIND, now, now)

    async def _record(
        self, u: Unit, lead: LeadRecord, now: datetime, kind: str, reason: str
    ) -> None:
        await u.events.add(LeadEvent(lead.id, now, kind, reason=reason))
