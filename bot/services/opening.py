"""The team starts work: leads that waited for opening are routed, and the team chat gets
a summary of what arrived while it was off."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Html, Translator
from bot.services.distribution import Distributor, client_label, team_translator
from bot.services.planner import team_calendar
from storage import (
    Database,
    LeadRecord,
    LeadRepo,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    Pool,
    TeamRecord,
)


class Opening:
    def __init__(self, db: Database, distributor: Distributor) -> None:
        self._distributor = distributor
        self._leads = LeadRepo(db.conn)
        self._outbox = OutboxRepo(db.conn)

    async def fire(self, team: TeamRecord, now: datetime) -> None:
        """Call inside the transaction that fired the team's opening timer."""
        settings = await self._distributor.settings(team)
        calendar = team_calendar(settings)
        if not calendar.is_open(now):
            # The hours changed since the timer was set: wait for the real opening.
            await self._distributor.deadlines.opening(team, settings, now)
            return
        tr = team_translator(team)
        lines: list[str] = []
        routed: set[int] = set()
        for lead in await self._leads.waiting_in(team.id, Pool.HOURS):
            decision = await self._distributor.distribute(lead, team, now)
            where = await self._distributor.where(decision)
            lines.append(_line(lead, where(tr), tr))
            routed.add(lead.id)
        since = calendar.last_close(now)
        if since is not None:
            for lead in await self._leads.unclaimed_since(team.id, since):
                if lead.id not in routed:
                    lines.append(_line(lead, tr("where.chat_waiting"), tr))
        if lines:
            text = tr("opening.summary", count=len(lines), lines=Html("\n".join(lines)))
            await self._outbox.enqueue(
                team.chat_id, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, text, now
            )


def _line(lead: LeadRecord, where: Html, tr: Translator) -> Html:
    return tr("opening.line", id=lead.id, client=client_label(lead, tr), where=where)
