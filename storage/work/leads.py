from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import datetime

from storage.clock_format import to_db
from storage.driver import Conn, Dialect
from storage.errors import DuplicateLeadError, UniqueViolationError
from storage.work.lead_records import (
    KNOWN_FIELDS,
    LeadFields,
    LeadRecord,
    LeadSource,
    LeadStatus,
    Pool,
)
from storage.work.lead_rows import LEAD_COLUMNS, NOT_CLOSED_SQL, OPEN_SQL, lead_from_row


# Taking a lead also records how long it waited: /stats then reads a number, not two times.
# The first take is kept for good (a Return clears `taken_at`): the reports' time to take,
# and whose take it was. `?1` is the moment; the taker is the parameter given.
def _taken_at(dialect: Dialect, taker: str) -> str:
    waited = dialect.seconds_between.format(later="?1", earlier="created_at")
    return (
        f"taken_at = ?1, take_seconds = {waited}, first_taken_at = COALESCE(first_taken_at, ?1), "
        f"first_taker_id = COALESCE(first_taker_id, {taker})"
    )


# The next lead's number: past every lead here and past every number issued before the
# last restore (`lead_numbers`), so that no number is issued twice.
_NEXT_NUMBER = (
    "COALESCE((SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM leads "
    "UNION ALL SELECT high_water FROM lead_numbers WHERE id = 1) AS issued), 0) + 1"
)
STAMP_BYTES = 3  # four characters in a button: one chance in 16 million to match by luck


def new_stamp() -> str:
    """What a lead's buttons carry besides its number (URL-safe: no ':' of callback data)."""
    return secrets.token_urlsafe(STAMP_BYTES)


class LeadRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def insert(
        self,
        team_id: int | None,
        source: LeadSource,
        lead: LeadFields,
        at: datetime,
        idempotency_key: str | None = None,
        contact_user_id: int | None = None,
        source_id: int | None = None,
    ) -> LeadRecord:
        values = [getattr(lead, name) for name in KNOWN_FIELDS]
        placeholders = ", ".join("?" for _ in KNOWN_FIELDS)
        sql = (
            f"INSERT INTO leads (id, team_id, source, {', '.join(KNOWN_FIELDS)}, extra, "
            "idempotency_key, contact_user_id, source_id, created_at, stamp) "
            f"VALUES ({_NEXT_NUMBER}, ?, ?, {placeholders}, ?, ?, ?, ?, ?, ?) "
            f"RETURNING {LEAD_COLUMNS}"
        )
        params = (
            team_id,
            source.value,
            *values,
            json.dumps(dict(lead.extra), ensure_ascii=False),
            idempotency_key,
            contact_user_id,
            source_id,
            to_db(at),
            new_stamp(),
        )
        try:
            row = await self._db.fetch_one(sql, params)
        except UniqueViolationError as error:
            raise DuplicateLeadError(str(error)) from error
        assert row is not None
        return lead_from_row(row)

    async def highest_number(self) -> int:
        """The highest lead number ever issued here, those taken out by a restore included."""
        row = await self._db.fetch_one(f"SELECT {_NEXT_NUMBER} - 1")
        assert row is not None
        return int(row[0])

    async def many(self, lead_ids: Sequence[int]) -> list[LeadRecord]:
        """The leads with these ids that exist, in id order."""
        if not lead_ids:
            return []
        marks = ", ".join("?" for _ in lead_ids)
        rows = await self._db.fetch_all(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE id IN ({marks}) ORDER BY id",
            tuple(lead_ids),
        )
        return [lead_from_row(row) for row in rows]

    async def get(self, lead_id: int) -> LeadRecord | None:
        row = await self._db.fetch_one(f"SELECT {LEAD_COLUMNS} FROM leads WHERE id = ?", (lead_id,))
        return None if row is None else lead_from_row(row)

    async def find_duplicate(
        self, external_id: str | None, idempotency_key: str | None
    ) -> LeadRecord | None:
        """The lead an earlier delivery of the same form submission created, if any."""
        if external_id is None and idempotency_key is None:
            return None
        row = await self._db.fetch_one(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE external_id = ? OR idempotency_key = ? "
            "ORDER BY id LIMIT 1",
            (external_id, idempotency_key),
        )
        return None if row is None else lead_from_row(row)

    async def _moved(self, sql: str, params: tuple[object, ...]) -> LeadRecord | None:
        """A state change: the lead as it now is, or None when the UPDATE found no row in
        the state it needs (one of concurrent callers gets the lead)."""
        row = await self._db.fetch_one(f"{sql} RETURNING {LEAD_COLUMNS}", params)
        return None if row is None else lead_from_row(row)

    async def claim(self, lead_id: int, member_id: int, at: datetime) -> LeadRecord | None:
        """Give a lead claimable in the team chat to a member. Exactly one of concurrent
        callers gets the lead as it now is."""
        return await self._moved(
            f"UPDATE leads SET status = 'taken', pool = NULL, owner_id = ?2, assigned_at = ?1, "
            f"{_taken_at(self._db.dialect, '?2')} "
            "WHERE id = ?3 AND status = 'new' AND pool = 'chat'",
            (to_db(at), member_id, lead_id),
        )

    async def wait_in(
        self, lead_id: int, pool: Pool, group_id: int | None = None
    ) -> LeadRecord | None:
        """Where a new lead waits: claimable in the chat (by a group only, when a rule said
        so), or for a head's choice."""
        return await self._moved(
            "UPDATE leads SET pool = ?, group_id = ? WHERE id = ? AND status = 'new'",
            (pool.value, group_id, lead_id),
        )

    async def offer(
        self, lead_id: int, member_id: int, at: datetime, cover_for: int | None = None
    ) -> LeadRecord | None:
        return await self._moved(
            "UPDATE leads SET status = 'offered', pool = NULL, owner_id = ?, assigned_at = ?, "
            "cover_for = ? WHERE id = ? AND status = 'new'",
            (member_id, to_db(at), cover_for, lead_id),
        )

    async def hand_back(
        self, lead_id: int, deputy_id: int, member_id: int, at: datetime
    ) -> LeadRecord | None:
        """A lead the deputy got as cover goes back to the manager it was for, as it is:
        offered stays offered, taken stays taken (the deputy's talk with the client is in
        its history)."""
        return await self._moved(
            "UPDATE leads SET owner_id = ?1, assigned_at = ?2, cover_for = NULL "
            f"WHERE id = ?3 AND owner_id = ?4 AND cover_for = ?1 AND {OPEN_SQL}",
            (member_id, to_db(at), lead_id, deputy_id),
        )

    async def forget_cover(self, member_id: int) -> None:
        """The deputies keep what they got as cover (the team's `handback` is off)."""
        await self._db.execute(
            "UPDATE leads SET cover_for = NULL WHERE cover_for = ?", (member_id,)
        )

    async def accept(self, lead_id: int, member_id: int, at: datetime) -> LeadRecord | None:
        return await self._moved(
            f"UPDATE leads SET status = 'taken', {_taken_at(self._db.dialect, '?3')} "
            "WHERE id = ?2 AND status = 'offered' AND owner_id = ?3",
            (to_db(at), lead_id, member_id),
        )

    async def release(
        self, lead_id: int, owner_id: int, *, offered_only: bool = False
    ) -> LeadRecord | None:
        """Take an open lead back from its owner (`offered_only`: only while still offered to
        them), to be routed again."""
        held = "status = 'offered'" if offered_only else OPEN_SQL
        return await self._moved(
            "UPDATE leads SET status = 'new', pool = 'chat', owner_id = NULL, assigned_at = NULL, "
            "cover_for = NULL, taken_at = NULL, take_seconds = NULL "
            f"WHERE id = ? AND owner_id = ? AND {held}",
            (lead_id, owner_id),
        )

    async def assign(
        self, lead_id: int, member_id: int, at: datetime, *, only_if_new: bool = False
    ) -> LeadRecord | None:
        """A head gives the lead to a member, who owns it at once. With `only_if_new` (a tap
        on a head's card) only a lead nobody has yet: two heads tapping, one assignment."""
        waiting = "status = 'new'" if only_if_new else NOT_CLOSED_SQL
        return await self._moved(
            "UPDATE leads SET status = 'taken', pool = NULL, owner_id = ?2, assigned_at = ?1, "
            f"cover_for = NULL, {_taken_at(self._db.dialect, '?2')} "
            f"WHERE id = ?3 AND {waiting} AND owner_id IS DISTINCT FROM ?2",
            (to_db(at), member_id, lead_id),
        )

    async def close(
        self,
        lead_id: int,
        member_id: int,
        won: bool,
        at: datetime,
        reason: str | None = None,
        *,
        contacted: bool = False,
    ) -> LeadRecord | None:
        """Won or Lost by its owner; `contacted`: the outcome implies the client was reached,
        which counts as the first contact if none was recorded."""
        status = LeadStatus.WON if won else LeadStatus.LOST
        return await self._moved(
            "UPDATE leads SET status = ?1, closed_at = ?2, lost_reason = ?3, "
            "contacted_at = CASE WHEN ?6 AND contacted_at IS NULL THEN ?2 ELSE contacted_at END, "
            "contacted_by = CASE WHEN ?6 AND contacted_at IS NULL THEN ?5 ELSE contacted_by END "
            "WHERE id = ?4 AND status = 'taken' AND owner_id = ?5",
            (status.value, to_db(at), None if won else reason, lead_id, member_id, contacted),
        )

    async def set_amount(self, lead_id: int, owner_id: int, amount: int) -> LeadRecord | None:
        """What a won deal was worth, as its owner says; only while it stays won."""
        return await self._moved(
            "UPDATE leads SET won_amount = ? WHERE id = ? AND owner_id = ? AND status = 'won'",
            (amount, lead_id, owner_id),
        )

    async def contact(self, lead_id: int, member_id: int, at: datetime) -> LeadRecord | None:
        """Its owner reached the client: the first contact, once, while the lead is theirs."""
        return await self._moved(
            "UPDATE leads SET contacted_at = ?, contacted_by = ? "
            "WHERE id = ? AND owner_id = ? AND status = 'taken' AND contacted_at IS NULL",
            (to_db(at), member_id, lead_id, member_id),
        )

    async def reopen(self, lead_id: int, owner_id: int) -> LeadRecord | None:
        """A closed lead is worked again by the owner who closed it."""
        return await self._moved(
            "UPDATE leads SET status = 'taken', closed_at = NULL, lost_reason = NULL, "
            "won_amount = NULL WHERE id = ? AND owner_id = ? AND status IN ('won', 'lost')",
            (lead_id, owner_id),
        )

    async def undo_close(
        self, lead_id: int, owner_id: int, closed_since: datetime
    ) -> LeadRecord | None:
        """Its owner takes back the outcome set at or after `closed_since`."""
        return await self._moved(
            "UPDATE leads SET status = 'taken', closed_at = NULL, lost_reason = NULL, "
            "won_amount = NULL "
            "WHERE id = ? AND owner_id = ? AND status IN ('won', 'lost') AND closed_at >= ?",
            (lead_id, owner_id, to_db(closed_since)),
        )

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

    async def assign_team(self, lead_id: int, team_id: int) -> None:
        await self._db.execute(
            "UPDATE leads SET team_id = ? WHERE id = ? AND team_id IS NULL", (team_id, lead_id)
        )
