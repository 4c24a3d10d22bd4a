"""A lead's next deadline, written in the same transaction as the change that needs it.

Each state of a lead waits for one thing: a card in the chat for a claim, a head for a
choice, an offer for Accept, a taken lead for its outcome. Whenever a lead changes, its
pending timers are cancelled and the one its new state needs is written, so a stale timer
never fires on a lead that moved on. A timer remembers when what it measures began
(`since`): a card's clock starts when Telegram showed it, and a changed duration moves the
timers already set.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.lifecycle.alarm import Alarm
from bot.lifecycle.calendars import member_calendar, team_calendar
from bot.lifecycle.planner import Planner
from bot.periods import next_report_time
from bot.routing.hours import Calendar
from bot.team_settings import (
    ACCEPT_TIMEOUT,
    CLAIM_ESCALATE,
    CLAIM_REMIND,
    CONTACT_REMIND,
    CONTACT_TIMEOUT,
    DIGEST,
    OUTCOME_REMIND,
    TIMEZONE,
    Digest,
    TeamSettings,
)
from storage import LeadRecord, LeadStatus, MemberRecord, Pool
from storage.unit import Unit
from storage.work.timers import LEAD_KINDS, TimerKind, TimerRecord

# Timers that run on the owner's working time rather than the team's.
OWNER_KINDS = frozenset(
    {
        TimerKind.ACCEPT_TIMEOUT,
        TimerKind.OUTCOME_REMIND,
        TimerKind.CONTACT_REMIND,
        TimerKind.CONTACT_TIMEOUT,
    }
)
CLAIM_KINDS = (TimerKind.CLAIM_REMIND, TimerKind.CLAIM_ESCALATE)
CONTACT_KINDS = (TimerKind.CONTACT_REMIND, TimerKind.CONTACT_TIMEOUT)
# What a new lead waits on in each pool, in order; a lead waiting for opening waits on none.
_POOL_WAITS = {Pool.CHAT: CLAIM_KINDS, Pool.HEADS: (TimerKind.HEADS_WAIT,), Pool.HOURS: ()}


def owner_calendar(team: Calendar, member: MemberRecord, now: datetime) -> Calendar:
    """The clock a manager's deadlines run on: their working time, or every minute while
    they are on duty and the team is off (a lead at night waits on them, not on morning)."""
    if member.on_duty and not team.is_open(now):
        return Calendar.always(team.zone)
    return member_calendar(team, member)


def delay_of(kind: TimerKind, settings: TeamSettings) -> timedelta | None:  # noqa: PLR0911 - a kind an arm
    """How long after its `since` a lead's timer of `kind` is due under `settings`; None
    when a head turned it off. The escalation counts from the card too: after the
    reminder, for as long again as `claim_escalate`."""
    remind, escalate = settings[CLAIM_REMIND], settings[CLAIM_ESCALATE]
    match kind:
        case TimerKind.CLAIM_REMIND:
            return remind
        case TimerKind.CLAIM_ESCALATE:
            return None if escalate is None else (remind or timedelta(0)) + escalate
        case TimerKind.HEADS_WAIT:
            # The heads get as long as a card in the chat gets before the heads are told.
            total = (remind or timedelta(0)) + (escalate or timedelta(0))
            return total or None
        case TimerKind.ACCEPT_TIMEOUT:
            return settings[ACCEPT_TIMEOUT]
        case TimerKind.OUTCOME_REMIND:
            return settings[OUTCOME_REMIND]
        case TimerKind.CONTACT_REMIND:
            remind, timeout = settings[CONTACT_REMIND], settings[CONTACT_TIMEOUT]
            # A reminder due with the timeout, or after it, would only ring for a lead
            # that is gone already.
            return remind if remind and (timeout is None or remind < timeout) else None
        case TimerKind.CONTACT_TIMEOUT:
            return settings[CONTACT_TIMEOUT]
        case (
            TimerKind.VACATION_START
            | TimerKind.VACATION_END
            | TimerKind.OPENING
            | TimerKind.WEEKLY_REPORT
        ):
            return None


def waits(lead: LeadRecord, settings: TeamSettings) -> tuple[TimerKind, ...]:
    """The timers a lead in its present state waits on from now, of those switched on. A
    taken lead waits on its outcome, and until its client is reached, on the contact."""
    match lead.status:
        case LeadStatus.NEW:
            kinds = _POOL_WAITS.get(lead.pool, ()) if lead.pool is not None else ()
            first = next((k for k in kinds if delay_of(k, settings)), None)
            return () if first is None else (first,)
        case LeadStatus.OFFERED:
            return (TimerKind.ACCEPT_TIMEOUT,) if settings[ACCEPT_TIMEOUT] else ()
        case LeadStatus.TAKEN:
            kinds = (TimerKind.OUTCOME_REMIND,)
            if lead.contacted_at is None:
                kinds = (*CONTACT_KINDS, *kinds)
            return tuple(k for k in kinds if delay_of(k, settings))
        case LeadStatus.WON | LeadStatus.LOST:
            return ()


class Deadlines:
    def __init__(self, planner: Planner, alarm: Alarm) -> None:
        self._planner = planner
        self._alarm = alarm

    @property
    def alarm(self) -> Alarm:
        return self._alarm

    async def add(
        self,
        u: Unit,
        team_id: int,
        kind: TimerKind,
        due: datetime,
        now: datetime,
        *,
        lead_id: int | None = None,
        member_id: int | None = None,
        vacation_id: int | None = None,
        since: datetime | None = None,
    ) -> TimerRecord:
        timer = await u.timers.add(
            team_id,
            kind,
            due,
            now,
            lead_id=lead_id,
            member_id=member_id,
            vacation_id=vacation_id,
            since=since,
        )
        self._alarm.set(due)
        return timer

    async def lead_changed(
        self,
        u: Unit,
        lead: LeadRecord,
        now: datetime,
        settings: TeamSettings | None = None,
        *,
        first: bool = False,
    ) -> None:
        """Replace the lead's pending timers with the one its state waits on. Called by the
        lifecycle, in the transaction that changed the lead (`settings`, when the caller
        has them; `first`: the lead was stored in this transaction and has no timers)."""
        if not first:
            await u.timers.cancel_for_lead(lead.id, now)
        if lead.team_id is None:
            return
        if settings is None:
            team = await u.teams.by_id(lead.team_id)
            if team is None:
                return
            settings = await self._planner.settings(u, team)
        if lead.status is LeadStatus.NEW and (
            lead.pool is Pool.HOURS
            or (lead.pool is Pool.CHAT and not team_calendar(settings).is_open(now))
        ):
            # A lead that waits for opening, or a card posted while everyone is off: the
            # morning summary will list it.
            await self.opening(u, lead.team_id, settings, now)
        for kind in waits(lead, settings):
            await self.wait(u, lead, lead.team_id, settings, kind, now, now)

    async def wait(
        self,
        u: Unit,
        lead: LeadRecord,
        team_id: int,
        settings: TeamSettings,
        kind: TimerKind,
        since: datetime,
        now: datetime,
    ) -> None:
        """A timer of `kind` for the lead, measured from `since` (nothing if turned off)."""
        due = await self._due(u, lead, settings, kind, since, now)
        if due is not None:
            member_id = lead.owner_id if kind in OWNER_KINDS else None
            await self.add(
                u, team_id, kind, due, now, lead_id=lead.id, member_id=member_id, since=since
            )

    async def _due(
        self,
        u: Unit,
        lead: LeadRecord,
        settings: TeamSettings,
        kind: TimerKind,
        since: datetime,
        now: datetime,
    ) -> datetime | None:
        delay = delay_of(kind, settings)
        if delay is None:
            return None
        calendar = team_calendar(settings)
        if kind in OWNER_KINDS:
            owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
            if owner is None:
                return None
            calendar = owner_calendar(calendar, owner, now)
        return calendar.add(since, delay)

    async def replan(
        self,
        u: Unit,
        lead: LeadRecord,
        team_id: int,
        settings: TeamSettings,
        now: datetime,
        since: datetime | None = None,
        kinds: tuple[TimerKind, ...] = LEAD_KINDS,
    ) -> None:
        """Move the lead's pending timers of `kinds` to where today's settings put them,
        measured from `since` (or from what each already measures). A timer turned off
        gives way to the next one its lead waits on (no reminder: straight to the heads)."""
        for timer in await u.timers.for_lead(lead.id):
            if timer.kind not in kinds:
                continue
            start = since or timer.since or now
            due = await self._due(u, lead, settings, timer.kind, start, now)
            if due is not None:
                await u.timers.move(timer.id, due, start)
                self._alarm.set(due)
                continue
            await u.timers.cancel(timer.id, now)
            if timer.kind is TimerKind.CLAIM_REMIND:
                await self.wait(u, lead, team_id, settings, TimerKind.CLAIM_ESCALATE, start, now)

    async def opening(self, u: Unit, team_id: int, settings: TeamSettings, now: datetime) -> None:
        """One pending opening per team: at the next start of working time, the leads that
        waited are routed."""
        if await u.timers.pending(team_id, (TimerKind.OPENING,)):
            return
        due = team_calendar(settings).next_open(now)
        await self.add(u, team_id, TimerKind.OPENING, due, now)

    async def weekly_report(
        self, u: Unit, team_id: int, settings: TeamSettings, now: datetime, *, moved: bool = False
    ) -> None:
        """One pending weekly report per team while `digest` is on, on the next Monday
        morning in the team's zone. `moved`: the zone or `digest` changed, so a pending one
        is planned again; otherwise it is kept, even overdue (a report missed while the bot
        was stopped goes out when it starts)."""
        pending = await u.timers.pending(team_id, (TimerKind.WEEKLY_REPORT,))
        if moved or settings[DIGEST] is Digest.OFF:
            for timer in pending:
                await u.timers.cancel(timer.id, now)
            pending = []
        if pending or settings[DIGEST] is Digest.OFF:
            return
        await self.add(
            u, team_id, TimerKind.WEEKLY_REPORT, next_report_time(now, settings[TIMEZONE]), now
        )
