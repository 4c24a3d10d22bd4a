from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.clock_format import from_db, from_db_optional, to_db


class LeadStatus(StrEnum):
    NEW = "new"  # waiting in the team chat for someone to claim it
    CLAIMED = "claimed"  # a manager took it


class LeadSource(StrEnum):
    HTTP = "http"
    COMMAND = "command"
    FORWARD = "forward"


@dataclass(frozen=True)
class LeadFields:
    """What a lead says about the client. Every field is optional on its own."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    company: str | None = None
    tax_id: str | None = None
    message: str | None = None
    channel: str | None = None
    industry: str | None = None
    region: str | None = None
    product: str | None = None
    external_id: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


KNOWN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LeadFields) if f.name != "extra")


@dataclass(frozen=True)
class LeadRecord:
    id: int
    team_id: int | None
    status: LeadStatus
    source: LeadSource
    fields: LeadFields
    contact_user_id: int | None
    owner_id: int | None
    created_at: datetime
    claimed_at: datetime | None
    card_chat_id: int | None
    card_message_id: int | None


_COLUMNS = (
    "id, team_id, status, source, "
    + ", ".join(KNOWN_FIELDS)
    + ", extra, contact_user_id, owner_id, created_at, claimed_at, card_chat_id, card_message_id"
)


def _lead(row: aiosqlite.Row) -> LeadRecord:
    known = {name: row[name] for name in KNOWN_FIELDS}
    return LeadRecord(
        id=row["id"],
        team_id=row["team_id"],
        status=LeadStatus(row["status"]),
        source=LeadSource(row["source"]),
        fields=LeadFields(**known, extra=json.loads(row["extra"])),
        contact_user_id=row["contact_user_id"],
        owner_id=row["owner_id"],
        created_at=from_db(row["created_at"]),
        claimed_at=from_db_optional(row["claimed_at"]),
        card_chat_id=row["card_chat_id"],
        card_message_id=row["card_message_id"],
    )


class LeadRepo:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def insert(
        self,
        team_id: int | None,
        source: LeadSource,
        lead: LeadFields,
        at: datetime,
        idempotency_key: str | None = None,
        contact_user_id: int | None = None,
    ) -> LeadRecord:
        values = [getattr(lead, name) for name in KNOWN_FIELDS]
        placeholders = ", ".join("?" for _ in KNOWN_FIELDS)
        async with self._db.execute(
            f"INSERT INTO leads (team_id, source, {', '.join(KNOWN_FIELDS)}, extra, "
            "idempotency_key, contact_user_id, created_at) "
            f"VALUES (?, ?, {placeholders}, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (
                team_id,
                source.value,
                *values,
                json.dumps(dict(lead.extra), ensure_ascii=False),
                idempotency_key,
                contact_user_id,
                to_db(at),
            ),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return _lead(row)

    async def get(self, lead_id: int) -> LeadRecord | None:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM leads WHERE id = ?", (lead_id,)
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _lead(row)

    async def find_duplicate(
        self, external_id: str | None, idempotency_key: str | None
    ) -> LeadRecord | None:
        """The lead an earlier delivery of the same form submission created, if any."""
        if external_id is None and idempotency_key is None:
            return None
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM leads WHERE external_id = ? OR idempotency_key = ? "
            "ORDER BY id LIMIT 1",
            (external_id, idempotency_key),
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _lead(row)

    async def claim(self, lead_id: int, member_id: int, at: datetime) -> bool:
        """Give an unclaimed lead to a member. Exactly one of concurrent callers gets True."""
        cur = await self._db.execute(
            "UPDATE leads SET status = ?, owner_id = ?, claimed_at = ? WHERE id = ? AND status = ?",
            (LeadStatus.CLAIMED.value, member_id, to_db(at), lead_id, LeadStatus.NEW.value),
        )
        return cur.rowcount == 1

    async def unclaim(self, lead_id: int, owner_id: int) -> bool:
        """Take a lead back from its owner so that someone else can claim it."""
        cur = await self._db.execute(
            "UPDATE leads SET status = ?, owner_id = NULL, claimed_at = NULL "
            "WHERE id = ? AND owner_id = ? AND status = ?",
            (LeadStatus.NEW.value, lead_id, owner_id, LeadStatus.CLAIMED.value),
        )
        return cur.rowcount == 1

    async def unclaimed_with_card_in(self, chat_id: int) -> list[LeadRecord]:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM leads WHERE card_chat_id = ? AND status = ? ORDER BY id",
            (chat_id, LeadStatus.NEW.value),
        ) as cur:
            rows = await cur.fetchall()
        return [_lead(row) for row in rows]

    async def clear_card(self, lead_id: int) -> None:
        await self._db.execute(
            "UPDATE leads SET card_chat_id = NULL, card_message_id = NULL WHERE id = ?",
            (lead_id,),
        )

    async def set_card(self, lead_id: int, chat_id: int, message_id: int) -> None:
        await self._db.execute(
            "UPDATE leads SET card_chat_id = ?, card_message_id = ? WHERE id = ?",
            (chat_id, message_id, lead_id),
        )

    async def without_team(self) -> list[LeadRecord]:
        async with self._db.execute(
            f"SELECT {_COLUMNS} FROM leads WHERE team_id IS NULL ORDER BY id"
        ) as cur:
            rows = await cur.fetchall()
        return [_lead(row) for row in rows]

    async def assign_team(self, lead_id: int, team_id: int) -> None:
        await self._db.execute(
            "UPDATE leads SET team_id = ? WHERE id = ? AND team_id IS NULL", (team_id, lead_id)
        )

    async def count_open_by_owner(self, team_id: int) -> dict[int, int]:
        async with self._db.execute(
            "SELECT owner_id, COUNT(*) FROM leads WHERE team_id = ? AND status = ? "
            "GROUP BY owner_id",
            (team_id, LeadStatus.CLAIMED.value),
        ) as cur:
            rows = await cur.fetchall()
        return {int(row[0]): int(row[1]) for row in rows}
