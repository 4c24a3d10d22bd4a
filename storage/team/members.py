from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.clock_format import from_db, from_db_optional, to_db
from storage.driver import Conn, Row


@dataclass(frozen=True)
class MemberRecord:
    id: int
    team_id: int
    user_id: int
    full_name: str
    username: str | None
    language: str
    active: bool
    joined_at: datetime
    removed_at: datetime | None
    removed_by: int | None = None  # the head who removed them; they may not rejoin alone
    paused_at: datetime | None = None  # gets no leads from round robin until resumed
    weight: int = 1  # round-robin share, 1 to 10
    cap: int | None = None  # own limit of open leads, over the team's
    skills: tuple[str, ...] = ()
    open_leads: int = 0  # offered and taken; kept by triggers on leads
    work_hours: str | None = None  # own daily hours, "10:00-19:00"; None: the team's
    on_duty: bool = False  # takes leads while the team is off, when it works with duty

    @property
    def barred(self) -> bool:
        return not self.active and self.removed_by is not None


_COLUMNS = (
    "id, team_id, user_id, full_name, username, language, active, joined_at, removed_at, "
    "removed_by, paused_at, weight, cap, skills, open_leads, work_hours, on_duty"
)


def _member(row: Row) -> MemberRecord:
    return MemberRecord(
        id=row["id"],
        team_id=row["team_id"],
        user_id=row["user_id"],
        full_name=row["full_name"],
        username=row["username"],
        language=row["language"],
        active=bool(row["active"]),
        joined_at=from_db(row["joined_at"]),
        removed_at=from_db_optional(row["removed_at"]),
        removed_by=row["removed_by"],
        paused_at=from_db_optional(row["paused_at"]),
        weight=row["weight"],
        cap=row["cap"],
        skills=tuple(json.loads(row["skills"])),
        open_leads=row["open_leads"],
        work_hours=row["work_hours"],
        on_duty=bool(row["on_duty"]),
    )


class MemberRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def upsert_active(
        self,
        team_id: int,
        user_id: int,
        full_name: str,
        username: str | None,
        language: str,
        at: datetime,
    ) -> MemberRecord:
        """Add the user to the team, or bring a removed member back under the same row."""
        row = await self._db.fetch_one(
            "INSERT INTO members (team_id, user_id, full_name, username, language, joined_at) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (team_id, user_id) DO UPDATE SET "
            "  full_name = excluded.full_name, username = excluded.username, "
            "  language = excluded.language, active = 1, removed_at = NULL, removed_by = NULL, "
            "  joined_at = CASE WHEN members.active = 1 THEN members.joined_at "
            "                   ELSE excluded.joined_at END "
            f"RETURNING {_COLUMNS}",
            (team_id, user_id, full_name, username, language, to_db(at)),
        )
        assert row is not None
        return _member(row)

    async def active_by_user(self, team_id: int, user_id: int) -> MemberRecord | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM members WHERE team_id = ? AND user_id = ? AND active = 1",
            (team_id, user_id),
        )
        return None if row is None else _member(row)

    async def by_id(self, member_id: int) -> MemberRecord | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM members WHERE id = ?", (member_id,))
        return None if row is None else _member(row)

    async def active(self, team_id: int) -> list[MemberRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM members WHERE team_id = ? AND active = 1 ORDER BY id",
            (team_id,),
        )
        return [_member(row) for row in rows]

    async def by_user(self, team_id: int, user_id: int) -> MemberRecord | None:
        """The member's row whether active or not."""
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM members WHERE team_id = ? AND user_id = ?",
            (team_id, user_id),
        )
        return None if row is None else _member(row)

    async def find_by_username(self, team_id: int, username: str) -> MemberRecord | None:
        """Active members first: a username may have passed to someone else since."""
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM members WHERE team_id = ? AND lower(username) = lower(?) "
            "ORDER BY active DESC, id DESC LIMIT 1",
            (team_id, username),
        )
        return None if row is None else _member(row)

    async def barred(self, team_id: int) -> list[MemberRecord]:
        """Members a head removed, who may not join again by themselves."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM members "
            "WHERE team_id = ? AND active = 0 AND removed_by IS NOT NULL ORDER BY id",
            (team_id,),
        )
        return [_member(row) for row in rows]

    async def deactivate(self, member_id: int, at: datetime, by: int | None = None) -> bool:
        """Take the member out of the team; `by` (a head) also bars them from rejoining."""
        changed = await self._db.execute(
            "UPDATE members SET active = 0, removed_at = ?, removed_by = ? "
            "WHERE id = ? AND active = 1",
            (to_db(at), by, member_id),
        )
        return changed == 1

    async def allow_rejoin(self, member_id: int) -> bool:
        changed = await self._db.execute(
            "UPDATE members SET removed_by = NULL "
            "WHERE id = ? AND active = 0 AND removed_by IS NOT NULL",
            (member_id,),
        )
        return changed == 1

    async def named(self, user_ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
        """The name and username each of these people had as a member of any team (their
        latest), for those who ever were one."""
        if not user_ids:
            return {}
        marks = ", ".join("?" for _ in user_ids)
        rows = await self._db.fetch_all(
            f"SELECT user_id, full_name, username FROM members WHERE user_id IN ({marks}) "
            "ORDER BY joined_at",
            tuple(user_ids),
        )
        return {int(row[0]): (str(row[1]), row[2]) for row in rows}

    async def refresh_profile(
        self, user_id: int, full_name: str, username: str | None, language: str
    ) -> int:
        """The person's name and language as Telegram shows them now, in every team they
        are a member of; how many rows changed (none when nothing did)."""
        return await self._db.execute(
            "UPDATE members SET full_name = ?, username = ?, language = ? "
            "WHERE user_id = ? AND (full_name IS DISTINCT FROM ? OR username IS DISTINCT FROM ? "
            "OR language IS DISTINCT FROM ?)",
            (full_name, username, language, user_id, full_name, username, language),
        )

    async def update_profile(
        self, member_id: int, full_name: str, username: str | None, language: str
    ) -> None:
        await self._db.execute(
            "UPDATE members SET full_name = ?, username = ?, language = ? WHERE id = ?",
            (full_name, username, language, member_id),
        )

    async def set_paused(self, member_id: int, paused: bool, at: datetime) -> bool:
        """Pause or resume at `at`; False if it already was so. Each pause is kept from
        start to end (`member_pauses`), for /replay."""
        state = "paused_at IS NULL" if paused else "paused_at IS NOT NULL"
        changed = await self._db.execute(
            f"UPDATE members SET paused_at = ? WHERE id = ? AND {state}",
            (to_db(at) if paused else None, member_id),
        )
        if changed != 1:
            return False
        if paused:
            await self._db.execute(
                "INSERT INTO member_pauses (member_id, started_at) VALUES (?, ?)",
                (member_id, to_db(at)),
            )
        else:
            await self._db.execute(
                "UPDATE member_pauses "
                "SET ended_at = CASE WHEN started_at > ?1 THEN started_at ELSE ?1 END "
                "WHERE member_id = ?2 AND ended_at IS NULL",
                (to_db(at), member_id),
            )
        return True

    async def back_since(self, member_id: int) -> datetime | None:
        """When the member last came back to work, from a pause or a vacation (None: they
        never were away)."""
        row = await self._db.fetch_one(
            "SELECT MAX(back) FROM ("
            "SELECT MAX(ended_at) AS back FROM member_pauses WHERE member_id = ?1 UNION ALL "
            "SELECT MAX(ended_at) FROM vacations WHERE member_id = ?1 AND status = 'ended'"
            ") AS returns",
            (member_id,),
        )
        return from_db_optional(row[0]) if row else None

    async def set_hours(self, member_id: int, hours: str | None) -> bool:
        """Own daily hours, or None for the team's; False if they already were so."""
        changed = await self._db.execute(
            "UPDATE members SET work_hours = ?1 WHERE id = ?2 AND work_hours IS DISTINCT FROM ?1",
            (hours, member_id),
        )
        return changed == 1

    async def set_duty(self, member_id: int, on_duty: bool) -> bool:
        changed = await self._db.execute(
            "UPDATE members SET on_duty = ?1 WHERE id = ?2 AND on_duty <> ?1",
            (int(on_duty), member_id),
        )
        return changed == 1

    async def set_weight(self, member_id: int, weight: int) -> None:
        await self._db.execute("UPDATE members SET weight = ? WHERE id = ?", (weight, member_id))

    async def set_cap(self, member_id: int, cap: int | None) -> None:
        await self._db.execute("UPDATE members SET cap = ? WHERE id = ?", (cap, member_id))

    async def set_skills(self, member_id: int, skills: tuple[str, ...]) -> None:
        await self._db.execute(
            "UPDATE members SET skills = ? WHERE id = ?",
            (json.dumps(list(skills), ensure_ascii=False), member_id),
        )

    async def all_of(self, team_id: int) -> list[MemberRecord]:
        """Every member the team ever had, for names in history and reports."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM members WHERE team_id = ? ORDER BY id", (team_id,)
        )
        return [_member(row) for row in rows]
