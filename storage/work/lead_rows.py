"""A lead as a row: the columns every lead query selects, and the record read back."""

from __future__ import annotations

import json

from storage.clock_format import from_db, from_db_optional
from storage.driver import Row
from storage.work.lead_records import (
    KNOWN_FIELDS,
    LeadFields,
    LeadRecord,
    LeadSource,
    LeadStatus,
    Pool,
)

LEAD_COLUMNS = (
    "id, team_id, status, pool, source, "
    + ", ".join(KNOWN_FIELDS)
    + ", extra, contact_user_id, owner_id, created_at, assigned_at, taken_at, closed_at, "
    "lost_reason, card_chat_id, card_message_id, source_id, group_id, cover_for, stamp, "
    "contacted_at, contacted_by, won_amount"
)

OPEN_SQL = f"status IN ('{LeadStatus.OFFERED.value}', '{LeadStatus.TAKEN.value}')"

NOT_CLOSED_SQL = f"status NOT IN ('{LeadStatus.WON.value}', '{LeadStatus.LOST.value}')"


def lead_from_row(row: Row) -> LeadRecord:
    """A lead from a row selected with `LEAD_COLUMNS`."""
    known = {name: row[name] for name in KNOWN_FIELDS}
    return LeadRecord(
        id=row["id"],
        team_id=row["team_id"],
        status=LeadStatus(row["status"]),
        pool=None if row["pool"] is None else Pool(row["pool"]),
        source=LeadSource(row["source"]),
        fields=LeadFields(**known, extra=json.loads(row["extra"])),
        contact_user_id=row["contact_user_id"],
        owner_id=row["owner_id"],
        created_at=from_db(row["created_at"]),
        assigned_at=from_db_optional(row["assigned_at"]),
        taken_at=from_db_optional(row["taken_at"]),
        closed_at=from_db_optional(row["closed_at"]),
        lost_reason=row["lost_reason"],
        card_chat_id=row["card_chat_id"],
        card_message_id=row["card_message_id"],
        source_id=row["source_id"],
        group_id=row["group_id"],
        cover_for=row["cover_for"],
        stamp=row["stamp"],
        contacted_at=from_db_optional(row["contacted_at"]),
        contacted_by=row["contacted_by"],
        won_amount=row["won_amount"],
    )
