"""Groups of managers that rules send leads to, each with its own mode."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn, Row

_COLUMNS = "id, team_id, name, mode, deleted_at IS NOT NULL AS deleted"


@dataclass(frozen=True)
class GroupRecord:
    id: int
    team_id: int
    name: str
    mode: str  # first_come or round_robin
    member_ids: tuple[int, ...]  # in the order they were added
    deleted: bool = False


class GroupRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def add(
        self, team_id: int, name: str, key: str, member_ids: Sequence[int], at: datetime
    ) -> int:
        row = await self._db.fetch_one(
            "INSERT INTO groups (team_id, name, name_key, created_at) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            (team_id, name, key, to_db(at)),
        )
        assert row is not None
        group_id = int(row[0])
        await self.add_members(group_id, member_ids)
        return group_id

    async def add_members(self, group_id: int, member_ids: Sequence[int]) -> None:
        row = await self._db.fetch_one(
            "SELECT COALESCE(MAX(position), 0) FROM group_members WHERE group_id = ?",
            (group_id,),
        )
        start = int(row[0]) if row else 0
        await self._db.execute_many(
            "INSERT INTO group_members (group_id, member_id, position) VALUES (?, ?, ?) "
            "ON CONFLICT (group_id, member_id) DO NOTHING",
            [(group_id, mid, start + i) for i, mid in enumerate(member_ids, start=1)],
        )

    async def remove_members(self, group_id: int, member_ids: Sequence[int]) -> None:
        await self._db.execute_many(
            "DELETE FROM group_members WHERE group_id = ? AND member_id = ?",
            [(group_id, mid) for mid in member_ids],
        )

    async def by_key(self, team_id: int, key: str) -> GroupRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM groups "
            "WHERE team_id = ? AND name_key = ? AND deleted_at IS NULL",
            (team_id, key),
        )
        return None if row is None else await self._record(row)

    async def get(self, group_id: int) -> GroupRecord | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM groups WHERE id = ?", (group_id,))
        return None if row is None else await self._record(row)

    async def active(self, team_id: int) -> list[GroupRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM groups WHERE team_id = ? AND deleted_at IS NULL "
            "ORDER BY name_key",
            (team_id,),
        )
        members = await self._members_of([int(row["id"]) for row in rows])
        return [_group(row, members.get(int(row["id"]), ())) for row in rows]

    async def set_mode(self, group_id: int, mode: str) -> bool:
        changed = await self._db.execute(
            "UPDATE groups SET mode = ? WHERE id = ? AND mode <> ?", (mode, group_id, mode)
        )
        return changed == 1

    async def delete(self, group_id: int, at: datetime) -> bool:
        changed = await self._db.execute(
            "UPDATE groups SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (to_db(at), group_id),
        )
        return changed == 1

    async def _record(self, row: Row) -> GroupRecord:
        members = await self._members_of([int(row["id"])])
        return _group(row, members.get(int(row["id"]), ()))

    async def _members_of(self, group_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        if not group_ids:
            return {}
        marks = ", ".join("?" for _ in group_ids)
        rows = await self._db.fetch_all(
            f"SELECT group_id, member_id FROM group_members WHERE group_id IN ({marks}) "
            "ORDER BY group_id, position",
            tuple(group_ids),
        )
        found: dict[int, list[int]] = {}
        for row in rows:
            found.setdefault(int(row[0]), []).append(int(row[1]))
        return {gid: tuple(mids) for gid, mids in found.items()}


def _group(row: Row, member_ids: tuple[int, ...]) -> GroupRecord:
    return GroupRecord(
        int(row["id"]),
        int(row["team_id"]),
        str(row["name"]),
        str(row["mode"]),
        member_ids,
        bool(row["deleted"]),
    )
