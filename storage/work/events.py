from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from storage.clock_format import from_db, to_db
from storage.driver import Conn


@dataclass(frozen=True)
class LeadEvent:
    lead_id: int
    at: datetime
    kind: str
    reason: str
    actor_user_id: int | None = None
    member_id: int | None = None
    details: Mapping[str, object] = field(default_factory=dict)
    id: int | None = None


class LeadEventRepo:
    """Append-only history: nothing here is ever updated or deleted."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(self, event: LeadEvent) -> int:
        row = await self._db.fetch_one(
            "INSERT INTO lead_events "
            "(lead_id, at, kind, actor_user_id, member_id, reason, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                event.lead_id,
                to_db(event.at),
                event.kind,
                event.actor_user_id,
                event.member_id,
                event.reason,
                json.dumps(dict(event.details), ensure_ascii=False),
            ),
        )
        assert row is not None
        return int(row[0])

    async def for_lead(self, lead_id: int) -> list[LeadEvent]:
        rows = await self._db.fetch_all(
            "SELECT id, lead_id, at, kind, actor_user_id, member_id, reason, details "
            "FROM lead_events WHERE lead_id = ? ORDER BY id",
            (lead_id,),
        )
        return [
            LeadEvent(
                id=row["id"],
                lead_id=row["lead_id"],
                at=from_db(row["at"]),
                kind=row["kind"],
                actor_user_id=row["actor_user_id"],
                member_id=row["member_id"],
                reason=row["reason"],
                details=json.loads(row["details"]),
            )
            for row in rows
        ]

    async def members_with(
        self, lead_id: int, kinds: tuple[str, ...], but_reasons: tuple[str, ...] = ()
    ) -> set[int]:
        """Members named by this lead's events of these kinds (who returned it, say), leaving
        out events for `but_reasons`."""
        marks = ", ".join("?" for _ in kinds)
        but = ", ".join("?" for _ in but_reasons)
        rows = await self._db.fetch_all(
            f"SELECT DISTINCT member_id FROM lead_events WHERE lead_id = ? AND kind IN ({marks}) "
            f"AND member_id IS NOT NULL AND COALESCE(reason, '') NOT IN ({but})",
            (lead_id, *kinds, *but_reasons),
        )
        return {int(row[0]) for row in rows}

    async def count(self, lead_id: int, kind: str, *reasons: str) -> int:
        """The lead's events of `kind` for any of `reasons`."""
        marks = ", ".join("?" for _ in reasons)
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM lead_events "
            f"WHERE lead_id = ? AND kind = ? AND reason IN ({marks})",
            (lead_id, kind, *reasons),
        )
        return int(row[0]) if row else 0

    async def turns_of(
        self,
        member_id: int,
        user_id: int,
        kinds: tuple[str, ...],
        since: datetime | None,
        limit: int,
    ) -> list[tuple[str, str, bool]]:
        """The member's latest events of `kinds`, newest first, back to `since`: (kind,
        reason, whether they did it themself; a timeout did not)."""
        marks = ", ".join("?" for _ in kinds)
        after = "AND at > ? " if since is not None else ""
        rows = await self._db.fetch_all(
            "SELECT kind, reason, actor_user_id FROM lead_events "
            f"WHERE member_id = ? AND kind IN ({marks}) {after}ORDER BY id DESC LIMIT ?",
            (member_id, *kinds, *((to_db(since),) if since else ()), limit),
        )
        return [(row[0], row[1] or "", row[2] == user_id) for row in rows]

    async def last(self, lead_id: int, kinds: tuple[str, ...], member_id: int) -> LeadEvent | None:
        """The latest event of these kinds about `member_id` (the decision that sent it)."""
        for event in reversed(await self.for_lead(lead_id)):
            if event.kind in kinds and event.member_id == member_id:
                return event
        return None
