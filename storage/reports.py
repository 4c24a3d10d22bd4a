"""Read-only figures over leads and their history, for /stats. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.clock_format import to_db
from storage.rows import fetch_all

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
    taken: int = 0  # in work now

    def add(self, other: ChannelFigures) -> None:
        self.leads += other.leads
        self.won += other.won
        self.lost += other.lost
        self.taken += other.taken


class ReportRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def by_member(
        self, team_id: int, since: datetime, until: datetime
    ) -> dict[int, MemberFigures]:
        """Per manager, over [since, until): leads received and taken (each lead once per
        manager, however often it was offered), won and lost; and in work now (claimed or
        accepted, not closed)."""
        figures: dict[int, MemberFigures] = defaultdict(MemberFigures)
        received = ", ".join(f"'{k}'" for k in RECEIVED)
        taken = ", ".join(f"'{k}'" for k in TAKEN)
        rows = await fetch_all(
            self._db,
            "SELECT member_id, "
            f"COUNT(DISTINCT CASE WHEN kind IN ({received}) THEN lead_id END), "
            f"COUNT(DISTINCT CASE WHEN kind IN ({taken}) THEN lead_id END), "
            "COUNT(DISTINCT CASE WHEN kind = 'won' THEN lead_id END), "
            "COUNT(DISTINCT CASE WHEN kind = 'lost' THEN lead_id END) "
            "FROM lead_events AS e "
            "WHERE kind IN ('routed', 'claimed', 'accepted', 'assigned', 'won', 'lost') "
            "AND at >= ? AND at < ? AND member_id IN (SELECT id FROM members WHERE team_id = ?) "
            # An outcome a head reopened since is not an outcome: the lead is counted once,
            # by how it ends.
            "AND NOT (kind IN ('won', 'lost') AND EXISTS (SELECT 1 FROM lead_events AS r "
            "WHERE r.lead_id = e.lead_id AND r.kind = 'reopened' AND r.id > e.id)) "
            "GROUP BY member_id",
            (to_db(since), to_db(until), team_id),
        )
        for member_id, got, took, won, lost in rows:
            f = figures[int(member_id)]
            f.received, f.taken, f.won, f.lost = int(got), int(took), int(won), int(lost)
        # The median per owner, computed where the rows are: leads taken in the period, by
        # the manager who holds them now, from arrival to being taken.
        for member_id, median in (await self._median_take(team_id, since, until)).items():
            figures[member_id].median_take = median
        rows = await fetch_all(
            self._db,
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? AND status = 'taken' "
            "AND owner_id IS NOT NULL GROUP BY owner_id",
            (team_id,),
        )
        for member_id, count in rows:
            figures[int(member_id)].open = int(count)
        return dict(figures)

    async def _median_take(
        self, team_id: int, since: datetime, until: datetime
    ) -> dict[int, float]:
        """Each owner's median seconds from arrival to taken, over leads taken since `since`.

        Per owner, the middle one or two values are read at their offset in an index ordered
        by owner and wait: a few index steps each, instead of sorting a big team's leads.
        """
        async with self._db.execute(
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? AND taken_at >= ? "
            "AND taken_at < ? GROUP BY owner_id",
            (team_id, to_db(since), to_db(until)),
        ) as cur:
            counts = [(int(owner), int(count)) for owner, count in await cur.fetchall()]
        medians = {}
        for owner, count in counts:
            async with self._db.execute(
                "SELECT take_seconds FROM leads WHERE team_id = ? AND owner_id = ? "
                "AND taken_at >= ? AND taken_at < ? ORDER BY take_seconds LIMIT ? OFFSET ?",
                (team_id, owner, to_db(since), to_db(until), 2 - count % 2, (count - 1) // 2),
            ) as cur:
                middle = [float(row[0]) for row in await cur.fetchall()]
            medians[owner] = sum(middle) / len(middle)
        return medians

    async def by_channel(
        self, team_id: int, since: datetime, until: datetime
    ) -> dict[str | None, ChannelFigures]:
        """Leads that arrived in [since, until), by channel as written, with how they ended
        so far and how many are in work."""
        out: dict[str | None, ChannelFigures] = {}
        async with self._db.execute(
            "SELECT channel, COUNT(*), SUM(status = 'won'), SUM(status = 'lost'), "
            "SUM(status = 'taken') FROM leads WHERE team_id = ? AND created_at >= ? "
            "AND created_at < ? GROUP BY channel ORDER BY COUNT(*) DESC",
            (team_id, to_db(since), to_db(until)),
        ) as cur:
            for channel, count, won, lost, taken in await cur.fetchall():
                out[channel] = ChannelFigures(
                    int(count), int(won or 0), int(lost or 0), int(taken or 0)
                )
        return out
