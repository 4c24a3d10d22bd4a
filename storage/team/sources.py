from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.clock_format import from_db_optional, to_db
from storage.driver import Conn, Row


class SourceKind(StrEnum):
    FORM = "form"  # any form builder posting JSON, a form or multipart
    VK = "vk"  # VK lead forms through VK's Callback API


@dataclass(frozen=True)
class SourceRecord:
    id: int
    name: str
    kind: SourceKind
    channel: str | None
    vk_confirm: str | None
    vk_secret: str | None


@dataclass(frozen=True)
class SourceFigures:
    """What /sources shows per source."""

    source: SourceRecord
    leads_today: int
    leads_week: int
    last_lead_at: datetime | None
    last_refusal_at: datetime | None
    last_refusal_reason: str | None


_COLUMNS = "id, name, kind, channel, vk_confirm, vk_secret"


def _source(row: Row) -> SourceRecord:
    return SourceRecord(
        id=row["id"],
        name=row["name"],
        kind=SourceKind(row["kind"]),
        channel=row["channel"],
        vk_confirm=row["vk_confirm"],
        vk_secret=row["vk_secret"],
    )


class SourceRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def create(
        self,
        name: str,
        kind: SourceKind,
        channel: str | None,
        secret_hash: str,
        created_by: int,
        at: datetime,
        vk_confirm: str | None = None,
        vk_secret: str | None = None,
    ) -> SourceRecord | None:
        """None when a source of that name exists already."""
        row = await self._db.fetch_one(
            "INSERT INTO sources (name, kind, channel, secret_hash, vk_confirm, vk_secret, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT DO NOTHING RETURNING {_COLUMNS}",
            (name, kind.value, channel, secret_hash, vk_confirm, vk_secret, created_by, to_db(at)),
        )
        return None if row is None else _source(row)

    async def by_secret_hash(self, secret_hash: str) -> SourceRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM sources WHERE secret_hash = ? AND deleted_at IS NULL",
            (secret_hash,),
        )
        return None if row is None else _source(row)

    async def by_name(self, name: str) -> SourceRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM sources WHERE lower(name) = lower(?) AND deleted_at IS NULL",
            (name,),
        )
        return None if row is None else _source(row)

    async def delete(self, source_id: int, at: datetime) -> bool:
        changed = await self._db.execute(
            "UPDATE sources SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (to_db(at), source_id),
        )
        return changed == 1

    async def set_secret(self, source_id: int, secret_hash: str) -> None:
        await self._db.execute(
            "UPDATE sources SET secret_hash = ? WHERE id = ?", (secret_hash, source_id)
        )

    async def figures(self, day_start: datetime, week_start: datetime) -> list[SourceFigures]:
        """Every source in use, with its leads since the two moments and its last refusal."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS},"
            " (SELECT COUNT(*) FROM leads AS l WHERE l.source_id = s.id AND l.created_at >= ?)"
            "   AS today,"
            " (SELECT COUNT(*) FROM leads AS l WHERE l.source_id = s.id AND l.created_at >= ?)"
            "   AS week,"
            " (SELECT MAX(created_at) FROM leads AS l WHERE l.source_id = s.id) AS last_lead,"
            " (SELECT at FROM intake_refusals AS r WHERE r.source_id = s.id"
            "   ORDER BY at DESC LIMIT 1) AS refused_at,"
            " (SELECT reason FROM intake_refusals AS r WHERE r.source_id = s.id"
            "   ORDER BY at DESC LIMIT 1) AS refused_why "
            "FROM sources AS s WHERE deleted_at IS NULL ORDER BY lower(name)",
            (to_db(day_start), to_db(week_start)),
        )
        return [
            SourceFigures(
                _source(row),
                int(row["today"]),
                int(row["week"]),
                from_db_optional(row["last_lead"]),
                from_db_optional(row["refused_at"]),
                row["refused_why"],
            )
            for row in rows
        ]
