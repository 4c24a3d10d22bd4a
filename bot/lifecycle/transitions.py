"""The only code that changes a lead's state.

Each move is one conditional UPDATE (exactly one of concurrent callers wins), then the
event in the lead's history, then the lead's timers replaced by the one its new state
waits on; it returns what happened (`Moved`) or why nothing did (`Refused`). What each
chat is told is decided afterwards, by the caller, from the lead as it now is. Call every
move inside a transaction: the change, its history and its timers commit together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.lifecycle.states import RELEASING, UNDO_WINDOW, Move
from bot.team_settings import TeamSettings
from storage import LeadEvent, LeadRecord, Pool
from storage.unit import Unit


@dataclass(frozen=True)
class Note:
    """What the lead's history says of a move: its kind, reason, details and who did it."""

    kind: str
    reason: str
    details: Mapping[str, object] = field(default_factory=dict)
    actor_user_id: int | None = None


class Refusal(StrEnum):
    GONE = "gone"  # no such lead
    MOVED_ON = "moved_on"  # the lead is not where the move needs it (anymore)


@dataclass(frozen=True)
class Refused:
    move: Move
    lead_id: int
    why: Refusal


@dataclass(frozen=True)
class Moved:
    """A lead moved: `lead` as it is now, `member_id` the member the move named."""

    move: Move
    lead: LeadRecord
    member_id: int | None
    at: datetime


class TimerPlan(Protocol):
    """Who writes the timer a lead's new state waits on (`timing.deadlines.Deadlines`)."""

    async def lead_changed(
        self,
        u: Unit,
        lead: LeadRecord,
        now: datetime,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> None: ...


class Lifecycle:
    def __init__(self, deadlines: TimerPlan) -> None:
        self._deadlines = deadlines

    # ---- routing: where a new lead waits, or whom it is offered to ------------------------

    async def post(
        self,
        u: Unit,
        lead_id: int,
        now: datetime,
        note: Note,
        group_id: int | None = None,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> Moved | Refused:
        """`first`: the lead was stored in this transaction, so it has no timers yet."""
        changed = await u.leads.wait_in(lead_id, Pool.CHAT, group_id)
        return await self._after(u, Move.POST, lead_id, changed, None, now, note, settings, first)

    async def ask_heads(
        self,
        u: Unit,
        lead_id: int,
        now: datetime,
        note: Note,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> Moved | Refused:
        changed = await u.leads.wait_in(lead_id, Pool.HEADS)
        return await self._after(
            u, Move.ASK_HEADS, lead_id, changed, None, now, note, settings, first
        )

    async def hold(
        self,
        u: Unit,
        lead_id: int,
        now: datetime,
        note: Note,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> Moved | Refused:
        changed = await u.leads.wait_in(lead_id, Pool.HOURS)
        return await self._after(u, Move.HOLD, lead_id, changed, None, now, note, settings, first)

    async def offer(
        self,
        u: Unit,
        lead_id: int,
        member_id: int,
        now: datetime,
        note: Note,
        cover_for: int | None = None,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> Moved | Refused:
        changed = await u.leads.offer(lead_id, member_id, now, cover_for)
        return await self._after(
            u, Move.OFFER, lead_id, changed, member_id, now, note, settings, first
        )

    # ---- a manager takes it ------------------------------------------------------------------

    async def claim(
        self,
        u: Unit,
        lead_id: int,
        member_id: int,
        now: datetime,
        note: Note,
        settings: TeamSettings | None = None,
    ) -> Moved | Refused:
        changed = await u.leads.claim(lead_id, member_id, now)
        return await self._after(u, Move.CLAIM, lead_id, changed, member_id, now, note, settings)

    async def accept(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        changed = await u.leads.accept(lead_id, member_id, now)
        return await self._after(u, Move.ACCEPT, lead_id, changed, member_id, now, note)

    # ---- it leaves its manager, to be routed again --------------------------------------

    async def give_back(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        changed = await u.leads.release(lead_id, member_id, offered_only=True)
        return await self._after(u, Move.GIVE_BACK, lead_id, changed, member_id, now, note)

    async def time_out(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        changed = await u.leads.release(lead_id, member_id, offered_only=True)
        return await self._after(u, Move.TIME_OUT, lead_id, changed, member_id, now, note)

    async def take_back(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        changed = await u.leads.release(lead_id, member_id)
        return await self._after(u, Move.TAKE_BACK, lead_id, changed, member_id, now, note)

    # ---- a head decides -------------------------------------------------------------------

    async def assign(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note, *, only_if_new: bool
    ) -> Moved | Refused:
        """A head's button (`only_if_new`: the first of two heads wins) or /assign."""
        changed = await u.leads.assign(lead_id, member_id, now, only_if_new=only_if_new)
        move = Move.PICK if only_if_new else Move.ASSIGN
        return await self._after(u, move, lead_id, changed, member_id, now, note)

    async def hand_back(
        self, u: Unit, lead_id: int, deputy_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        """Back from vacation: the deputy's cover lead goes back to `member_id`, as it is."""
        changed = await u.leads.hand_back(lead_id, deputy_id, member_id, now)
        return await self._after(u, Move.HAND_BACK, lead_id, changed, member_id, now, note)

    async def keep_cover(self, u: Unit, member_id: int) -> None:
        """Back from vacation with `handback` off: the deputies keep what they covered. The
        leads' owners and states do not change; only whom they covered for is forgotten."""
        await u.leads.forget_cover(member_id)

    # ---- the outcome --------------------------------------------------------------------

    async def contact(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        """The owner reached the client: the lead stays theirs, its contact timers go."""
        changed = await u.leads.contact(lead_id, member_id, now)
        return await self._after(u, Move.CONTACT, lead_id, changed, member_id, now, note)

    async def close(
        self,
        u: Unit,
        lead_id: int,
        member_id: int,
        won: bool,
        now: datetime,
        note: Note,
        lost_reason: str | None = None,
        *,
        contacted: bool = False,
    ) -> Moved | Refused:
        """`contacted`: the outcome implies the client was reached (see `implies_contact`)."""
        changed = await u.leads.close(
            lead_id, member_id, won, now, lost_reason, contacted=contacted
        )
        move = Move.WIN if won else Move.LOSE
        return await self._after(u, move, lead_id, changed, member_id, now, note)

    async def reopen(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        changed = await u.leads.reopen(lead_id, member_id)
        return await self._after(u, Move.REOPEN, lead_id, changed, member_id, now, note)

    async def undo(
        self, u: Unit, lead_id: int, member_id: int, now: datetime, note: Note
    ) -> Moved | Refused:
        """Its owner takes back Won or Lost, if it was set within UNDO_WINDOW of `now`."""
        changed = await u.leads.undo_close(lead_id, member_id, now - UNDO_WINDOW)
        return await self._after(u, Move.UNDO, lead_id, changed, member_id, now, note)

    # ---- what every move does after its UPDATE ------------------------------------------

    async def _after(
        self,
        u: Unit,
        move: Move,
        lead_id: int,
        lead: LeadRecord | None,
        member_id: int | None,
        now: datetime,
        note: Note,
        settings: TeamSettings | None = None,
        first: bool = False,
    ) -> Moved | Refused:
        if lead is None:
            gone = await u.leads.get(lead_id) is None
            return Refused(move, lead_id, Refusal.GONE if gone else Refusal.MOVED_ON)
        await u.events.add(
            LeadEvent(
                lead_id,
                now,
                note.kind,
                reason=note.reason,
                actor_user_id=note.actor_user_id,
                member_id=member_id,
                details=note.details,
            )
        )
        if move in RELEASING:
            # Routed again in this transaction: the routing move writes the next timer.
            await u.timers.cancel_for_lead(lead_id, now)
        else:
            await self._deadlines.lead_changed(u, lead, now, settings, first=first)
        return Moved(move, lead, member_id, now)
