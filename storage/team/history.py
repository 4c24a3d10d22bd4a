"""The configuration's history, read for /replay: each setting's and the rules' changes
with what they replaced, and the managers' pauses. Written by the repositories that change
them (`TeamSettingRepo.put`, `RuleRepo`, `MemberRepo.set_paused`), in the same statement
batch, so no change goes unrecorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, from_db_optional, to_db
from storage.driver import Conn
from storage.team.rules import RuleRecord, rules_from_json


@dataclass(frozen=True)
class SettingChange:
    name: str
    old_value: str | None  # None: it was the default
    at: datetime


@dataclass(frozen=True)
class RuleChange:
    old_rules: tuple[RuleRecord, ...]  # the list before, numbered from 1 (ids are 0)
    at: datetime


@dataclass(frozen=True)
class Pause:
    member_id: int
    started_at: datetime
    ended_at: datetime | None  # None: paused still


class HistoryRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def setting_changes(self, team_id: int, since: datetime) -> list[SettingChange]:
        """Changes at or after `since`, in order: what was in force from `since` on."""
        rows = await self._db.fetch_all(
            "SELECT name, old_value, at FROM setting_changes WHERE team_id = ? AND at >= ? "
            "ORDER BY at, id",
            (team_id, to_db(since)),
        )
        return [SettingChange(row[0], row[1], from_db(row[2])) for row in rows]

    async def rule_changes(self, team_id: int, since: datetime) -> list[RuleChange]:
        rows = await self._db.fetch_all(
            "SELECT old_rules, at FROM rule_changes WHERE team_id = ? AND at >= ? ORDER BY at, id",
            (team_id, to_db(since)),
        )
        return [RuleChange(rules_from_json(row[0]), from_db(row[1])) for row in rows]

    async def pauses(self, team_id: int, since: datetime) -> list[Pause]:
        """The team's managers' pauses in force at or after `since`."""
        rows = await self._db.fetch_all(
            "SELECT p.member_id, p.started_at, p.ended_at FROM member_pauses AS p "
            "JOIN members AS m ON m.id = p.member_id "
            "WHERE m.team_id = ? AND (p.ended_at IS NULL OR p.ended_at > ?) "
            "ORDER BY p.started_at, p.id",
            (team_id, to_db(since)),
        )
        return [Pause(row[0], from_db(row[1]), from_db_optional(row[2])) for row in rows]
