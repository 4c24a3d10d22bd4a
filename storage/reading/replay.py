"""Read-only history for /replay: a period's leads with how each was first routed, and who
held how many open leads at a moment. Nothing here writes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn
from storage.work.lead_records import LeadRecord
from storage.work.lead_rows import LEAD_COLUMNS, lead_from_row

# The history events that record a routing decision (see bot.lifecycle.distribution).
ROUTING_EVENTS = ("routed", "held")


@dataclass(frozen=True)
class PastLead:
    lead: LeadRecord
    first_route: dict[str, object] | None  # the details of its first routing decision
    known_owner: int | None  # the manager of the earlier lead that made its client known


class ReplayRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def leads(self, team_id: int, since: datetime, until: datetime) -> list[PastLead]:
        """The team's leads that arrived in [since, until), in order of arrival."""
        params = (team_id, to_db(since), to_db(until))
        window = "team_id = ? AND created_at >= ? AND created_at < ?"
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE {window} ORDER BY created_at, id",
            params,
        )
        marks = ", ".join("?" for _ in ROUTING_EVENTS)
        events = await self._db.fetch_all(
            "SELECT e.lead_id, e.details FROM lead_events AS e WHERE e.kind IN "
            f"({marks}) AND e.lead_id IN (SELECT id FROM leads WHERE {window}) ORDER BY e.id",
            (*ROUTING_EVENTS, *params),
        )
        first: dict[int, dict[str, object]] = {}
        for event in events:
            if event[0] not in first:
                details = json.loads(event[1]) if event[1] else {}
                first[event[0]] = details if isinstance(details, dict) else {}
        owners = await self._owners(list(first.values()))
        out = []
        for row in rows:
            lead = lead_from_row(row)
            route = first.get(lead.id)
            out.append(PastLead(lead, route, owners.get(_known_lead(route))))
        return out

    async def _owners(self, routes: list[dict[str, object]]) -> dict[int | None, int]:
        """The owners of the earlier leads that made clients known."""
        ids = sorted({i for i in map(_known_lead, routes) if i is not None})
        owners: dict[int | None, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = await self._db.fetch_all(
                "SELECT id, owner_id FROM leads WHERE owner_id IS NOT NULL AND id IN "
                f"({', '.join('?' for _ in chunk)})",
                tuple(chunk),
            )
            owners.update({row[0]: row[1] for row in rows})
        return owners

    async def open_at(self, team_id: int, at: datetime) -> dict[int, int]:
        """How many leads each manager held open at `at`, as far as the leads' present
        owners tell (a lead passed on since counts for whoever has it now)."""
        moment = to_db(at)
        rows = await self._db.fetch_all(
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? AND owner_id IS NOT NULL "
            "AND assigned_at < ? AND (closed_at IS NULL OR closed_at >= ?) GROUP BY owner_id",
            (team_id, moment, moment),
        )
        return {row[0]: row[1] for row in rows}


def _known_lead(route: dict[str, object] | None) -> int | None:
    known = route.get("known") if route else None
    lead = known.get("lead") if isinstance(known, dict) else None
    return lead if isinstance(lead, int) else None
