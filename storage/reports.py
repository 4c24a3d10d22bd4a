"""Read-only figures over leads and their history, for /stats. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
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
    median_take: float | None = None  # seconds from arrival to being taken


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
            "SELECT member_id, kind, COUNT(*) FROM lead_events AS e "
            "WHERE kind IN ('routed', 'claimed', 'accepted', 'assigned', 'won', 'lost') "
            "AND at >= ? AND member_id IN (SELECT id FROM members WHERE team_id = ?) "
            # An outcome a head reopened since is not an outcome: the lead is counted once,
            # by how it ends.
            "AND NOT (kind IN ('won', 'lost') AND EXISTS (SELECT 1 FROM lead_events AS r "
            "WHERE r.lead_id = e.lead_id AND r.kind = 'reopened' AND r.id > e.id)) "
            "GROUP BY member_id, kind",
            (to_db(since), team_id),
        ) as cur:
            for member_id, kind, count in await cur.fetchall():
                f = figures[int(member_id)]
                f.received += count if kind in RECEIVED else 0
                f.taken += count if kind in TAKEN else 0
                f.won += count if kind == "won" else 0
                f.lost += count if kind == "lost" else 0
        # The median per owner, computed where the rows are: leads taken in the period, by
        # the manager who holds them now, from arrival to being taken.
        for member_id, median in (await self._median_take(team_id, since)).items():
            figures[member_id].median_take = median
        async with self._db.execute(
            "SELECT id, open_leads FROM members WHERE team_id = ? AND open_leads > 0",
            (team_id,),
        ) as cur:
            for member_id, count in await cur.fetchall():
                figures[int(member_id)].open = int(count)
        return dict(figures)

    async def _median_take(self, team_id: int, since: datetime) -> dict[int, float]:
        """Each owner's median seconds from arrival to taken, over leads taken since `since`.

        Per owner, the middle one or two values are read at their offset in an index ordered
        by owner and wait: a few index steps each, instead of sorting a big team's leads.
        """
        async with self._db.execute(
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? AND taken_at >= ? "
            "GROUP BY owner_id",
            (team_id, to_db(since)),
        ) as cur:
            counts = [(int(owner), int(count)) for owner, count in await cur.fetchall()]
        medians = {}
        for owner, count in counts:
            async with self._db.execute(
                "SELECT take_seconds FROM leads WHERE team_id = ? AND owner_id = ? "
                "AND taken_at >= ? ORDER BY take_seconds LIMIT ? OFFSET ?",
                (team_id, owner, to_db(since), 2 - count % 2, (count - 1) // 2),
            ) as cur:
                middle = [float(row[0]) for row in await cur.fetchall()]
            medians[owner] = sum(middle) / len(middle)
        return medians

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
