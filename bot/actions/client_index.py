"""The index of clients behind the known-client check: every lead's keys, written with the
lead, and those of leads stored before the index existed, written at start."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.leads.identity import client_keys
from storage import Database, LeadRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

BACKFILL_BATCH = 500  # leads per transaction: intake never waits long for the write lock


class ClientIndex:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def remember(self, u: Unit, lead: LeadRecord) -> None:
        """Index a lead's client. Call inside the transaction that stores the lead."""
        await u.client_keys.add(_rows([lead]))

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


def _rows(leads: Iterable[LeadRecord]) -> list[tuple[str, str, int]]:
    return [
        (kind.value, value, lead.id)
        for lead in leads
        for kind, value in client_keys(lead.fields, lead.contact_user_id)
    ]
