"""Vacations: `/vacation`, `/vacations`, and what happens when one starts and ends.

A vacation is a row with two timers, its start and its end, at the team's local midnight.
One that starts today starts at once. While it lasts, routing skips the manager and sends
what names them (a rule, a known client) to the deputy; on return the deputy's cover leads
go back when the team's `handback` is on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.buttons import outcome_buttons
from bot.cards import owner_messages, team_card, with_status
from bot.clock import Clock
from bot.delivery.signal import OutboxSignal
from bot.i18n import Html, Translator
from bot.reasons import why
from bot.routing.hours import local_midnight
from bot.services.distribution import Distributor, member_translator, team_translator
from bot.services.handover import Handover
from bot.services.lead_messages import LeadMessages
from bot.services.notices import enqueue_messages
from bot.services.people import Person, Roles
from bot.services.reply import NO_TEAM, Reply, reply
from bot.services.team import TeamService
from bot.team_settings import HANDBACK, TIMEZONE
from storage import (
    Database,
    LeadEvent,
    LeadEventRepo,
    LeadRecord,
    LeadRepo,
    LeadStatus,
    MemberRecord,
    MemberRepo,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    TeamRecord,
    TeamRepo,
)
from storage.timers import TimerKind, TimerRepo
from storage.vacations import VacationRecord, VacationRepo, VacationStatus

log = logging.getLogger(__name__)

MAX_DAYS = 366
TODAY_WORDS = {"today", "сегодня"}


@dataclass(frozen=True)
class VacationArgs:
    subject: str | None  # "@ivan" before the dates: a head sets someone's vacation
    first: str
    last: str
    deputy: str | None  # "@olga" after the dates


def parse_args(text: str) -> VacationArgs | None:
    """`[@who] first last [@deputy]`; None if the words do not fit that shape."""
    words = text.split()
    subject = words.pop(0) if words and _names_someone(words[0]) else None
    deputy = words.pop() if len(words) == 3 and _names_someone(words[-1]) else None
    if len(words) != 2 or any(_names_someone(word) for word in words):
        return None
    return VacationArgs(subject, words[0], words[1], deputy)


def _names_someone(word: str) -> bool:
    """@username, or a member's number from /team."""
    return word.startswith("@") or (word.isdecimal() and len(word) < 6)


def parse_day(text: str, today: date) -> date | None:
    """2026-12-01, 01.12.2026, 01.12 (this year, or next if that has passed), today."""
    text = text.strip().casefold()
    if text in TODAY_WORDS:
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split(".")
    if len(parts) not in (2, 3) or not all(p.isdecimal() and p.isascii() for p in parts):
        return None
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else today.year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if len(parts) == 2 and found < today:
        return _next_year(found)
    return found


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


class Vacations:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        roles: Roles,
        teams: TeamService,
        distributor: Distributor,
        handover: Handover,
        signal: OutboxSignal,
    ) -> None:
        self._db = db
        self._handover = handover
        self._clock = clock
        self._roles = roles
        self._teams = teams
        self._distributor = distributor
        self._signal = signal
        conn = db.conn
        self._vacations = VacationRepo(conn)
        self._timers = TimerRepo(conn)
        self._members = MemberRepo(conn)
        self._leads = LeadRepo(conn)
        self._events = LeadEventRepo(conn)
        self._outbox = OutboxRepo(conn)
        self._team_rows = TeamRepo(conn)
        self._messages = LeadMessages(self._outbox)

    # ---- commands -----------------------------------------------------------------------

    async def plan(self, actor: Person, text: str) -> Reply:
        args = parse_args(text)
        if args is None:
            return Reply("vacation.usage")
        team = await self._teams.primary()
        if team is None:
            return NO_TEAM
        now = self._clock.now()
        zone = (await self._distributor.settings(team))[TIMEZONE]
        today = now.astimezone(zone).date()
        checked = await self._check(team, actor, args, today)
        if isinstance(checked, Reply):
            return checked
        who, first, last, deputy = checked
        async with self._db.transaction():
            vacation = await self._vacations.add(
                team.id, who.id, deputy.id if deputy else None, first, last, actor.user_id, now
            )
            end = local_midnight(last + timedelta(days=1), zone)
            deadlines = self._distributor.deadlines
            await deadlines.add(team.id, TimerKind.VACATION_END, end, now, vacation_id=vacation.id)
            if first == today:
                await self._start(vacation, team, now)
            else:
                start = local_midnight(first, zone)
                await deadlines.add(
                    team.id, TimerKind.VACATION_START, start, now, vacation_id=vacation.id
                )
        self._signal.notify()
        # A team set up since the bot started has no midnight job yet: this makes sure.
        self._distributor.deadlines.alarm.zone_changed(team.id, zone)
        log.info("vacation %d of member %d: %s..%s", vacation.id, who.id, first, last)
        return reply(
            "vacation.started" if first == today else "vacation.planned",
            name=who.full_name,
            first=_day(first),
            last=_day(last),
            deputy=_deputy_reply(deputy.full_name if deputy else None),
        )

    async def _check(
        self, team: TeamRecord, actor: Person, args: VacationArgs, today: date
    ) -> tuple[MemberRecord, date, date, MemberRecord | None] | Reply:
        """Whose vacation, when, and who covers: or why it cannot be."""
        who = await self._subject(team, actor, args.subject)
        if isinstance(who, Reply):
            return who
        days = _days(args, today)
        if isinstance(days, Reply):
            return days
        first, last = days
        deputy = await self._deputy(team, who, args.deputy, first, last)
        if isinstance(deputy, Reply):
            return deputy
        if await self._overlaps(who, first, last):
            return reply("vacation.overlap", name=who.full_name)
        return who, first, last, deputy

    async def _deputy(
        self, team: TeamRecord, who: MemberRecord, target: str | None, first: date, last: date
    ) -> MemberRecord | Reply | None:
        if target is None:
            return None
        deputy = await self._teams.find_member(team, target)
        if deputy is None or not deputy.active:
            return reply("vacation.no_deputy", who=target)
        if deputy.id == who.id:
            return Reply("vacation.self_deputy")
        if await self._overlaps(deputy, first, last):
            return reply("vacation.deputy_away", name=deputy.full_name)
        return deputy

    async def end(self, actor: Person, target: str | None) -> Reply:
        """End a vacation early: the manager is back now."""
        found = await self._one(actor, target, VacationStatus.ACTIVE, "vacation.none_active")
        if isinstance(found, Reply):
            return found
        team, who, vacation = found
        async with self._db.transaction():
            moved = await self._end(vacation, team, self._clock.now())
        self._signal.notify()
        return reply("vacation.ended", name=who.full_name, moved=moved)

    async def cancel(self, actor: Person, target: str | None) -> Reply:
        """Drop a vacation that has not started."""
        found = await self._one(actor, target, VacationStatus.PLANNED, "vacation.none_planned")
        if isinstance(found, Reply):
            return found
        _, who, vacation = found
        now = self._clock.now()
        async with self._db.transaction():
            await self._vacations.cancel(vacation.id, now)
            await self._timers.cancel_for_vacation(vacation.id, now)
        return reply(
            "vacation.cancelled",
            name=who.full_name,
            first=_day(vacation.first_day),
            last=_day(vacation.last_day),
        )

    async def _one(
        self, actor: Person, target: str | None, status: VacationStatus, none: str
    ) -> tuple[TeamRecord, MemberRecord, VacationRecord] | Reply:
        """The team, whose vacation, and their soonest vacation in `status`; or why not."""
        team = await self._teams.primary()
        if team is None:
            return NO_TEAM
        who = await self._subject(team, actor, target)
        if isinstance(who, Reply):
            return who
        found = [v for v in await self._vacations.open_of(who.id) if v.status is status]
        if not found:
            return reply(none, name=who.full_name)
        return team, who, found[0]

    async def listing(self) -> Reply:
        team = await self._teams.primary()
        if team is None:
            return NO_TEAM
        vacations = await self._vacations.open_of_team(team.id)
        if not vacations:
            return Reply("vacations.empty")
        lines = []
        for v in vacations:
            member = await self._members.by_id(v.member_id)
            deputy = await self._members.by_id(v.deputy_id) if v.deputy_id else None
            lines.append(
                Reply(
                    "vacations.line_now" if v.status is VacationStatus.ACTIVE else "vacations.line",
                    {
                        "name": member.full_name if member else "?",
                        "first": _day(v.first_day),
                        "last": _day(v.last_day),
                        "deputy": _deputy_reply(deputy.full_name if deputy else None),
                    },
                )
            )
        return Reply("vacations.list", {"lines": tuple(lines)})

    async def _subject(
        self, team: TeamRecord, actor: Person, target: str | None
    ) -> MemberRecord | Reply:
        """Whose vacation: the actor's own, or anyone's when a head names them."""
        if target is None:
            member = await self._members.active_by_user(team.id, actor.user_id)
            return member if member is not None else Reply("vacation.not_member")
        member = await self._teams.find_member(team, target)
        if member is None or not member.active:
            return reply("vacation.no_member", who=target)
        if member.user_id != actor.user_id and not self._roles.is_head(actor.user_id):
            return Reply("vacation.head_only")
        return member

    async def _overlaps(self, member: MemberRecord, first: date, last: date) -> bool:
        return any(
            v.first_day <= last and first <= v.last_day
            for v in await self._vacations.open_of(member.id)
        )

    # ---- start and end, on their timers -------------------------------------------------

    async def fire(self, kind: TimerKind, vacation_id: int, now: datetime) -> None:
        """A vacation's timer fired. Call inside the transaction that fired it."""
        vacation = await self._vacations.get(vacation_id)
        team = await self._team_rows.by_id(vacation.team_id) if vacation else None
        if vacation is None or team is None:
            return
        if kind is TimerKind.VACATION_START:
            await self._start(vacation, team, now)
        else:
            await self._end(vacation, team, now)

    async def _start(self, vacation: VacationRecord, team: TeamRecord, now: datetime) -> None:
        if not await self._vacations.start(vacation.id, now):
            return
        member = await self._members.by_id(vacation.member_id)
        deputy = await self._members.by_id(vacation.deputy_id) if vacation.deputy_id else None
        if member is None or not member.active:
            return  # removed from the team since it was planned
        # An offer waiting for them would wait for the whole vacation.
        await self._handover.withdraw_offers(member, "on vacation", "away")
        tr = team_translator(team)
        text = tr(
            "vacation.team_started",
            name=member.full_name,
            last=_day(vacation.last_day),
            deputy=_deputy_line(deputy.full_name if deputy else None, tr),
        )
        await self._team_line(team, text, now)

    async def _end(self, vacation: VacationRecord, team: TeamRecord, now: datetime) -> int:
        """The manager is back: the deputy's cover leads go back (with `handback`)."""
        if not await self._vacations.end(vacation.id, now):
            return 0
        await self._timers.cancel_for_vacation(vacation.id, now)
        member = await self._members.by_id(vacation.member_id)
        if member is None or not member.active:
            return 0
        covered = await self._leads.covering(member.id)
        moved: list[LeadRecord] = []
        if (await self._distributor.settings(team))[HANDBACK]:
            for lead in covered:
                if await self._hand_back(lead, member, now):
                    moved.append(lead)
        else:
            await self._leads.forget_cover(member.id)
        await self._tell_deputies(moved, member, now)
        tr = team_translator(team)
        await self._team_line(
            team, tr("vacation.team_ended", name=member.full_name, moved=len(moved)), now
        )
        return len(moved)

    async def _hand_back(self, lead: LeadRecord, member: MemberRecord, now: datetime) -> bool:
        deputy = await self._members.by_id(lead.owner_id) if lead.owner_id else None
        if deputy is None or not await self._leads.hand_back(lead.id, deputy.id, member.id, now):
            return False
        details: dict[str, object] = {"reason": "handback", "deputy": deputy.full_name}
        await self._events.add(
            LeadEvent(
                lead.id, now, "handed_back", reason="handback", member_id=member.id, details=details
            )
        )
        fresh = await self._leads.get(lead.id)
        assert fresh is not None
        deputy_tr = member_translator(deputy)
        status = deputy_tr("handback.deputy_card", name=member.full_name)
        await self._messages.close_private_card(
            lead, deputy, with_status(team_card(lead, deputy_tr), status), now
        )
        if fresh.status is LeadStatus.OFFERED:
            await self._distributor.offer_card(fresh, member, details, now)
        else:
            tr = member_translator(member)
            await enqueue_messages(
                self._outbox,
                member.user_id,
                owner_messages(fresh, why(details, tr), tr),
                OutboxPurpose.OWNER_CARD,
                now,
                lead.id,
                buttons=outcome_buttons(lead.id, tr),
            )
        team = await self._team_rows.by_id(member.team_id)
        assert team is not None
        await self._distributor.deadlines.lead_changed(fresh, team, now)
        return True

    async def _tell_deputies(
        self, moved: list[LeadRecord], member: MemberRecord, now: datetime
    ) -> None:
        by_deputy: dict[int, list[int]] = {}
        for lead in moved:
            assert lead.owner_id is not None
            by_deputy.setdefault(lead.owner_id, []).append(lead.id)
        for deputy_id, lead_ids in by_deputy.items():
            deputy = await self._members.by_id(deputy_id)
            if deputy is None:
                continue
            tr = member_translator(deputy)
            await self._outbox.enqueue(
                deputy.user_id,
                OutboxMethod.SEND,
                OutboxPurpose.MEMBER_NOTICE,
                tr(
                    "handback.deputy",
                    name=member.full_name,
                    leads=", ".join(f"№{i}" for i in lead_ids),
                ),
                now,
            )

    async def _team_line(self, team: TeamRecord, text: str, now: datetime) -> None:
        await self._outbox.enqueue(
            team.chat_id, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, text, now
        )


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _days(args: VacationArgs, today: date) -> tuple[date, date] | Reply:
    first, last = parse_day(args.first, today), parse_day(args.last, today)
    if first is None or last is None:
        return Reply("vacation.bad_date")
    if first < today:
        return Reply("vacation.past")
    if last < first:
        return Reply("vacation.backwards")
    if (last - first).days >= MAX_DAYS:
        return reply("vacation.too_long", days=MAX_DAYS)
    return first, last


def _deputy_reply(name: str | None) -> Reply:
    return Reply("vacation.deputy", {"name": name}) if name else Reply("vacation.no_deputy_set")


def _deputy_line(name: str | None, tr: Translator) -> Html:
    return tr("vacation.deputy", name=name) if name else tr("vacation.no_deputy_set")
