"""Read-only figures over leads and their history, for /stats. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import aiosqlite

from storage.clock_format import to_db

# Which history events count as what, per manager.
RECEIVED = ("routed", "claimed", "assigned")  # a routed event names a manager only for an offer
TAKEN = ("claimed", "accepted", "assigned")


@dataclass
class MemberFigures:
    received: int = 0
    taken: int = 0
    won: int = 0
    lost: int = 0
    open: int = 0
    take_seconds: list[float] = field(default_factory=list)


@dataclass
class ChannelFigures:
    leads: int = 0
    won: int = 0
    lost: int = 0


class ReportRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def by_member(self, team_id: int, since: datetime) -> dict[int, MemberFigures]:
        figures: dict[int, MemberFigures] = defaultdict(MemberFigures)
        async with self._db.execute(
            "SELECT e.member_id, e.kind, COUNT(*) FROM lead_events AS e "
            "JOIN leads AS l ON l.id = e.lead_id "
            "WHERE l.team_id = ? AND e.at >= ? AND e.member_id IS NOT NULL "
            "AND e.kind IN ('routed', 'claimed', 'accepted', 'assigned', 'won', 'lost') "
            "GROUP BY e.member_id, e.kind",
            (team_id, to_db(since)),
        ) as cur:
            for member_id, kind, count in await cur.fetchall():
                f = figures[int(member_id)]
                f.received += count if kind in RECEIVED else 0
                f.taken += count if kind in TAKEN else 0
                f.won += count if kind == "won" else 0
                f.lost += count if kind == "lost" else 0
        async with self._db.execute(
            "SELECT e.member_id, (julianday(e.at) - julianday(l.created_at)) * 86400 "
            "FROM lead_events AS e JOIN leads AS l ON l.id = e.lead_id "
            "WHERE l.team_id = ? AND e.at >= ? AND e.member_id IS NOT NULL "
            "AND e.kind IN ('claimed', 'accepted', 'assigned')",
            (team_id, to_db(since)),
        ) as cur:
            for member_id, seconds in await cur.fetchall():
                figures[int(member_id)].take_seconds.append(float(seconds))
        async with self._db.execute(
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? "
            "AND status IN ('offered', 'taken') GROUP BY owner_id",
            (team_id,),
        ) as cur:
            for member_id, count in await cur.fetchall():
                figures[int(member_id)].open = int(count)
        return dict(figures)

    async def by_channel(self, team_id: int, since: datetime) -> dict[str | None, ChannelFigures]:
        """Leads that arrived since `since`, by channel, with how they ended so far."""
        out: dict[str | None, ChannelFigures] = {}
        async with self._db.execute(
            "SELECT channel, COUNT(*), SUM(status = 'won'), SUM(status = 'lost') FROM leads "
            "WHERE team_id = ? AND created_at >= ? GROUP BY channel ORDER BY COUNT(*) DESC",
            (team_id, to_db(since)),
        ) as cur:
            for channel, count, won, lost in await cur.fetchall():
                out[channel] = ChannelFigures(int(count), int(won or 0), int(lost or 0))
        return out
