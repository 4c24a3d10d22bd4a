"""The team starts work: leads that waited for opening are routed, and the team chat gets
a summary of what arrived while it was off and where each lead stands now."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Html, Translator
from bot.lifecycle.calendars import team_calendar
from bot.lifecycle.deadlines import Deadlines
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.planner import Planner
from bot.presentation.lead_posts import LeadPosts, client_label
from bot.presentation.notices import team_translator
from bot.team_settings import TIMEZONE
from storage import (
    LeadRecord,
    LeadStatus,
    OutboxMethod,
    OutboxPurpose,
    Pool,
    TeamRecord,
)
from storage.unit import Unit
from storage.work.timers import TimerKind

NOON = 12  # the summary of an opening after it says good day, not good morning


class Opening:
    def __init__(
        self,
        planner: Planner,
        deadlines: Deadlines,
        distributor: Distributor,
        posts: LeadPosts,
    ) -> None:
        self._planner = planner
        self._deadlines = deadlines
        self._distributor = distributor
        self._posts = posts

    async def fire(self, u: Unit, team: TeamRecord, now: datetime, timer_id: int) -> None:
        """Call inside the transaction that fired the team's opening timer `timer_id`."""
        settings = await self._planner.settings(u, team)
        calendar = team_calendar(settings)
        if not calendar.is_open(now):
            # The hours changed since the timer was set: wait for the real opening.
            await self._deadlines.opening(u, team.id, settings, now)
            return
        tr = team_translator(team)
        held = await u.lists.waiting_in(team.id, Pool.HOURS)
        routed: dict[int, Html] = {}
        for lead in held:
            decision = await self._distributor.distribute(u, lead, team, now)
            routed[lead.id] = (await self._posts.where(u, decision))(tr)
        # The leads of closed time since the last opening: a night's leads are listed once,
        # however often the team opens again (hours changed midday), and a lead that came
        # in working hours is no lead of the night.
        previous = await u.timers.last_fired(team.id, TimerKind.OPENING, timer_id)
        since = max((t for t in (calendar.last_close(now), previous) if t), default=None)
        arrived = {
            lead.id: lead
            for lead in (await u.lists.created_since(team.id, since) if since else [])
            if not calendar.is_open(lead.created_at)
        }
        # A held lead's line says where routing sent it; its older record is enough for that.
        arrived.update({lead.id: lead for lead in held if lead.id not in arrived})
        lines = [
            _line(lead, routed.get(lead.id) or await self._state(u, lead, tr), tr)
            for _, lead in sorted(arrived.items())
        ]
        if lines:
            morning = now.astimezone(settings[TIMEZONE]).hour < NOON
            key = "opening.summary" if morning else "opening.summary_later"
            text = tr(key, count=len(lines), lines=Html("\n".join(lines)))
            await u.outbox.enqueue(
                team.chat_id, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, text, now
            )

    async def _state(self, u: Unit, lead: LeadRecord, tr: Translator) -> Html:
        """Where a lead that came in overnight stands now: in the chat, with whom."""
        if lead.status is LeadStatus.NEW:
            return tr("where.heads" if lead.pool is Pool.HEADS else "where.chat_waiting")
        owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        state = tr("state." + lead.status.value)
        return tr("where.state", state=state, name=owner.full_name if owner else "?")


def _line(lead: LeadRecord, where: Html, tr: Translator) -> Html:
    return tr("opening.line", id=lead.id, client=client_label(lead, tr), where=where)
