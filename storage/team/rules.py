"""A team's routing rules, in order, and the aliases its forms' spellings need."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn


@dataclass(frozen=True)
class RuleRecord:
    id: int
    number: int  # 1-based place in the list, as /rules shows it
    field: str
    values: tuple[str, ...]
    member_id: int | None
    group_id: int | None


@dataclass(frozen=True)
class AliasRecord:
    field: str
    alias: str
    canonical: str


def rules_json(rules: Sequence[RuleRecord]) -> str:
    """A list of rules as the history keeps it."""
    return json.dumps(
        [
            {
                "field": r.field,
                "values": list(r.values),
                "member_id": r.member_id,
                "group_id": r.group_id,
            }
            for r in rules
        ],
        ensure_ascii=False,
    )


def rules_from_json(text: str) -> tuple[RuleRecord, ...]:
    """A kept list, numbered from 1 (the rows are gone: ids are 0)."""
    items = json.loads(text)
    return tuple(
        RuleRecord(0, number, str(i["field"]), tuple(i["values"]), i["member_id"], i["group_id"])
        for number, i in enumerate(items, start=1)
    )


class RuleRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def all_of(self, team_id: int) -> list[RuleRecord]:
        rows = await self._db.fetch_all(
            "SELECT id, field, match_values, member_id, group_id FROM rules "
            "WHERE team_id = ? ORDER BY position, id",
            (team_id,),
        )
        return [
            RuleRecord(
                int(row["id"]),
                number,
                str(row["field"]),
                tuple(json.loads(row["match_values"])),
                row["member_id"],
                row["group_id"],
            )
            for number, row in enumerate(rows, start=1)
        ]

    async def add(
        self,
        team_id: int,
        field: str,
        values: Sequence[str],
        member_id: int | None,
        group_id: int | None,
        at: datetime,
    ) -> int:
        """Append a rule at the end of the list; returns its number."""
        await self._changed(team_id, at)
        await self._db.execute(
            "INSERT INTO rules (team_id, position, field, match_values, member_id, group_id, "
            "created_at) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM rules "
            "WHERE team_id = ?), ?, ?, ?, ?, ?)",
            (
                team_id,
                team_id,
                field,
                json.dumps(list(values), ensure_ascii=False),
                member_id,
                group_id,
                to_db(at),
            ),
        )
        return len(await self.all_of(team_id))

    async def delete(self, team_id: int, rule_id: int, at: datetime) -> None:
        await self._changed(team_id, at)
        await self._db.execute("DELETE FROM rules WHERE id = ? AND team_id = ?", (rule_id, team_id))

    async def reorder(self, team_id: int, rule_ids: Sequence[int], at: datetime) -> None:
        """Store `rule_ids` as the team's whole list, in this order."""
        await self._changed(team_id, at)
        await self._db.execute_many(
            "UPDATE rules SET position = ? WHERE id = ?",
            [(position, rule_id) for position, rule_id in enumerate(rule_ids, start=1)],
        )

    async def _changed(self, team_id: int, at: datetime) -> None:
        """Keep the list as it was before a change, for /replay."""
        await self._db.execute(
            "INSERT INTO rule_changes (team_id, old_rules, at) VALUES (?, ?, ?)",
            (team_id, rules_json(await self.all_of(team_id)), to_db(at)),
        )


class AliasRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def all_of(self, team_id: int) -> list[AliasRecord]:
        rows = await self._db.fetch_all(
            "SELECT field, alias, canonical FROM aliases WHERE team_id = ? "
            "ORDER BY field, alias_key",
            (team_id,),
        )
        return [AliasRecord(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    async def put(self, team_id: int, field: str, key: str, alias: str, canonical: str) -> None:
        await self._db.execute(
            "INSERT INTO aliases (team_id, field, alias_key, alias, canonical) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (team_id, field, alias_key) DO UPDATE SET "
            "alias = excluded.alias, canonical = excluded.canonical",
            (team_id, field, key, alias, canonical),
        )

    async def delete(self, team_id: int, field: str, key: str) -> bool:
        changed = await self._db.execute(
            "DELETE FROM aliases WHERE team_id = ? AND field = ? AND alias_key = ?",
            (team_id, field, key),
        )
        return changed == 1
