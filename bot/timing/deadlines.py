"""A lead's next deadline, written in the same transaction as the change that needs it.

Each state of a lead waits for one thing: a card in the chat for a claim, a head for a
choice, an offer for Accept, a taken lead for its outcome. Whenever a lead changes, its
pending timers are cancelled and the one its new state needs is written, so a stale timer
never fires on a lead that moved on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.lifecycle.planner import Planner
from bot.routing.hours import Calendar
from bot.team_settings import (
    ACCEPT_TIMEOUT,
    CLAIM_ESCALATE,
    CLAIM_REMIND,
    OUTCOME_REMIND,
    TeamSettings,
)
from bot.timing.alarm import Alarm
from bot.timing.calendars import member_calendar, team_calendar
from storage import Database, LeadRecord, LeadStatus, MemberRecord, MemberRepo, Pool, TeamRecord
from storage.timers import TimerKind, TimerRecord, TimerRepo


def owner_calendar(team: Calendar, member: MemberRecord, now: datetime) -> Calendar:
    """The clock a manager's deadlines run on: their working time, or every minute while
    they are on duty and the team is off (a lead at night waits on them, not on morning)."""
    if member.on_duty and not team.is_open(now):
        return Calendar.always(team.zone)
    return member_calendar(team, member)


class Deadlines:
    def __init__(self, db: Database, planner: Planner, alarm: Alarm) -> None:
        self._planner = planner
        self._alarm = alarm
        self._timers = TimerRepo(db.conn)
        self._members = MemberRepo(db.conn)

    @property
    def alarm(self) -> Alarm:
        return self._alarm

    async def add(
        self,
        team_id: int,
        kind: TimerKind,
        due: datetime,
        now: datetime,
        *,
        lead_id: int | None = None,
        member_id: int | None = None,
        vacation_id: int | None = None,
    ) -> TimerRecord:
        timer = await self._timers.add(
            team_id, kind, due, now, lead_id=lead_id, member_id=member_id, vacation_id=vacation_id
        )
        self._alarm.set(due)
        return timer

    async def lead_changed(
        self,
        lead: LeadRecord,
        team: TeamRecord,
        now: datetime,
        settings: TeamSettings | None = None,
    ) -> None:
        """Replace the lead's pending timers with the one its state waits on. Call inside
        the transaction that changed the lead (`settings`, when the caller has them)."""
        await self._timers.cancel_for_lead(lead.id, now)
        settings = settings or await self._planner.settings(team)
        match lead.status:
            case LeadStatus.NEW:
                await self._waiting(lead, team, settings, now)
            case LeadStatus.OFFERED:
                delay = settings[ACCEPT_TIMEOUT]
                await self._owner_timer(lead, team, settings, TimerKind.ACCEPT_TIMEOUT, delay, now)
            case LeadStatus.TAKEN:
                delay = settings[OUTCOME_REMIND]
                await self._owner_timer(lead, team, settings, TimerKind.OUTCOME_REMIND, delay, now)
            case LeadStatus.WON | LeadStatus.LOST:
                pass

    async def _waiting(
        self, lead: LeadRecord, team: TeamRecord, settings: TeamSettings, now: datetime
    ) -> None:
        calendar = team_calendar(settings)
        if lead.pool is Pool.HOURS or (lead.pool is Pool.CHAT and not calendar.is_open(now)):
            # A lead that waits for opening, or a card posted while everyone is off: the
            # morning summary will list it.
            await self.opening(team, settings, now)
        wait = _wait_for(lead.pool, settings)
        if wait is not None:
            kind, delay = wait
            await self.add(team.id, kind, calendar.add(now, delay), now, lead_id=lead.id)

    async def _owner_timer(
        self,
        lead: LeadRecord,
        team: TeamRecord,
        settings: TeamSettings,
        kind: TimerKind,
        delay: timedelta | None,
        now: datetime,
    ) -> None:
        owner = await self._members.by_id(lead.owner_id) if lead.owner_id else None
        if delay is None or owner is None:
            return
        due = owner_calendar(team_calendar(settings), owner, now).add(now, delay)
        await self.add(team.id, kind, due, now, lead_id=lead.id, member_id=owner.id)

    async def next_outcome_reminder(
        self, lead: LeadRecord, team: TeamRecord, now: datetime
    ) -> None:
        """Again each `outcome_remind` until the lead is closed."""
        settings = await self._planner.settings(team)
        await self._owner_timer(
            lead, team, settings, TimerKind.OUTCOME_REMIND, settings[OUTCOME_REMIND], now
        )

    async def opening(self, team: TeamRecord, settings: TeamSettings, now: datetime) -> None:
        """One pending opening per team: at the next start of working time, the leads that
        waited are routed."""
        if await self._timers.pending(team.id, (TimerKind.OPENING,)):
            return
        due = team_calendar(settings).next_open(now)
        await self.add(team.id, TimerKind.OPENING, due, now)


def _wait_for(pool: Pool | None, settings: TeamSettings) -> tuple[TimerKind, timedelta] | None:
    """What a new lead waiting in `pool` is reminded of first, and after how long."""
    remind, escalate = settings[CLAIM_REMIND], settings[CLAIM_ESCALATE]
    match pool:
        case Pool.CHAT:
            if remind is not None:
                return TimerKind.CLAIM_REMIND, remind
            if escalate is not None:
                return TimerKind.CLAIM_ESCALATE, escalate
            return None
        case Pool.HEADS:
            # The heads get as long as a card in the chat gets before the heads are told.
            total = (remind or timedelta(0)) + (escalate or timedelta(0))
            return (TimerKind.HEADS_WAIT, total) if total else None
        case Pool.HOURS | None:
            return None
