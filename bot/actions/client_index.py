"""The index of clients behind the known-client check and the joining of repeat
submissions: every lead's keys, written with the lead, and those of leads stored before the
index existed, written at start."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.leads.identity import client_keys
from bot.routing import KnownBy
from storage import Database, LeadFields, LeadRecord
from storage.unit import Unit
from storage.work.lead_records import KNOWN_FIELDS

# A repeat submission is the same client when it gives the same phone or e-mail: a company
# name or a brand alone may be another person of the same firm, with a request of their own.
_SAME_PERSON = (KnownBy.PHONE, KnownBy.EMAIL)

log = logging.getLogger(__name__)

BACKFILL_BATCH = 500  # leads per transaction: intake never waits long for the write lock


class ClientIndex:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def remember(self, u: Unit, lead: LeadRecord) -> None:
        """Index a lead's client. Call inside the transaction that stores the lead."""
        await u.client_keys.add(_rows([lead]))

    async def repeat_of(
        self, u: Unit, fields: LeadFields, team_id: int, window: timedelta | None, now: datetime
    ) -> LeadRecord | None:
        """The team's open lead the same client sent within `window` before `now`, which a
        new submission joins instead of making a second lead; None when there is none (or
        `window` is off)."""
        if window is None:
            return None
        keys = [(k.value, v) for k, v in client_keys(fields, None) if k in _SAME_PERSON]
        found = await u.client_keys.open_lead(team_id, keys, now - window)
        return None if found is None else await u.leads.get(found)

    async def join(self, u: Unit, lead: LeadRecord, fields: LeadFields) -> None:
        """The repeat's keys belong to the lead it joined: a new e-mail finds it too."""
        await u.client_keys.add(
            [(kind.value, value, lead.id) for kind, value in client_keys(fields, None)]
        )

    async def backfill(self) -> int:
        """Index the leads stored before the index existed; returns how many."""
        done = 0
        while True:
            async with self._db.unit() as u:
                pending = await u.client_keys.pending(BACKFILL_BATCH)
                await u.client_keys.add(_rows(await u.leads.many(pending)))
                await u.client_keys.indexed(pending)
            done += len(pending)
            if len(pending) < BACKFILL_BATCH:
                break
        if done:
            log.info("indexed the clients of %d earlier leads", done)
        return done


def added_fields(earlier: LeadFields, repeat: LeadFields) -> dict[str, dict[str, str]]:
    """What a repeat submission says that the lead did not: {"known": {field: value},
    "extra": {key: value}}, each part left out when empty."""
    known = {
        name: value
        for name in KNOWN_FIELDS
        if (value := getattr(repeat, name)) and value != getattr(earlier, name)
    }
    extra = {k: v for k, v in repeat.extra.items() if v and earlier.extra.get(k) != v}
    return {part: found for part, found in (("known", known), ("extra", extra)) if found}


def _rows(leads: Iterable[LeadRecord]) -> list[tuple[str, str, int]]:
    return [
        (kind.value, value, lead.id)
        for lead in leads
        for kind, value in client_keys(lead.fields, lead.contact_user_id)
    ]
