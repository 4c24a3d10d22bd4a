"""The index of clients behind the known-client check: every lead's keys, written with the
lead, and those of leads stored before the index existed, written at start."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.leads.identity import client_keys
from storage import Database, LeadRecord

log = logging.getLogger(__name__)

BACKFILL_BATCH = 500  # leads per transaction: intake never waits long for the write lock


class ClientIndex:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._keys = db.repos.client_keys
        self._leads = db.repos.leads

    async def remember(self, lead: LeadRecord) -> None:
        """Index a lead's client. Call inside the transaction that stores the lead."""
        await self._keys.add(_rows([lead]))

    async def backfill(self) -> int:
        """Index the leads stored before the index existed; returns how many."""
        done = 0
        while True:
            async with self._db.transaction():
                pending = await self._keys.pending(BACKFILL_BATCH)
                await self._keys.add(_rows(await self._leads.many(pending)))
                await self._keys.indexed(pending)
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
