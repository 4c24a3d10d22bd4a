from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.actions.client_index import ClientIndex, added_fields
from bot.leads.fields import cleaned, is_lead, settle_channel
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.events import Repeated
from bot.offload import SMALL_BYTES, SMALL_FIELDS, by_size
from bot.team_settings import DUPLICATE_WINDOW
from storage import (
    Database,
    DuplicateLeadError,
    LeadEvent,
    LeadFields,
    LeadRecord,
    LeadSource,
    TeamRecord,
)
from storage.unit import Unit
from storage.work.lead_records import KNOWN_FIELDS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewLead:
    fields: LeadFields
    source: LeadSource
    idempotency_key: str | None = None
    contact_user_id: int | None = None  # the author of a forwarded message
    added_by: int | None = None  # the head who entered it in Telegram
    source_id: int | None = None  # the intake link it came through
    default_channel: str | None = None  # that link's channel, when the form gives none


@dataclass(frozen=True)
class Submitted:
    lead_id: int
    created: bool  # False: an earlier delivery of the same submission already made it
    team_id: int | None  # None: stored, waiting for /setup
    joined: bool = False  # the same client's open lead took it in (`duplicate_window`)


class HandEntry(StrEnum):
    CREATED = "created"
    JOINED = "joined"  # the same client's open lead took it in
    WAITING = "waiting"  # stored, no team chat yet
    EMPTY = "empty"


@dataclass(frozen=True)
class HandEntryResult:
    outcome: HandEntry
    lead_id: int | None = None
    team_chat_id: int | None = None  # where its card goes


def _small(fields: LeadFields) -> bool:
    if len(fields.extra) > SMALL_FIELDS:
        return False
    texts = (*fields.extra.values(), *(getattr(fields, n) for n in KNOWN_FIELDS))
    return sum(len(t) for t in texts if isinstance(t, str)) <= SMALL_BYTES


def _prepared(new: NewLead) -> LeadFields:
    return settle_channel(cleaned(new.fields), new.default_channel)


class IntakeService:
    """New leads in: stored with everything they cause, in one transaction."""

    def __init__(self, db: Database, distributor: Distributor) -> None:
        self._db = db
        self._distributor = distributor
        self._clients = ClientIndex(db)

    async def submit(self, new: NewLead, wait: float | None = None) -> Submitted:
        """Store the lead and everything it must cause, in one transaction.

        When this returns, the lead and its outgoing card are committed: a crash after this
        point delays the card, it cannot lose it. With `wait`, give up with
        `StorageUnavailableError` (nothing stored) rather than wait longer for the database.
        """
        try:
            submitted = await self._store(new, wait)
        except DuplicateLeadError:
            # Another process sharing the file stored the same submission between our
            # duplicate check and our insert; the unique index kept it to one lead.
            async with self._db.reading() as u:
                earlier = await u.leads.find_duplicate(new.fields.external_id, new.idempotency_key)
            if earlier is None:
                raise
            return Submitted(earlier.id, created=False, team_id=earlier.team_id)
        return submitted

    async def _store(self, new: NewLead, wait: float | None) -> Submitted:
        fields = await by_size(_small(new.fields), _prepared, new)
        async with self._db.unit(wait) as u:
            now = u.now
            earlier = await u.leads.find_duplicate(fields.external_id, new.idempotency_key)
            if earlier is not None:
                return Submitted(earlier.id, created=False, team_id=earlier.team_id)
            configuration = await self._distributor.configuration(u)
            primary = configuration.primary
            team = primary.team if primary else None
            if primary is not None:
                window = primary.settings[DUPLICATE_WINDOW]
                joined = await self._clients.repeat_of(u, fields, primary.team.id, window, now)
                if joined is not None:
                    await self._join(u, joined, primary.team, fields, new, now)
                    return Submitted(joined.id, created=False, team_id=joined.team_id, joined=True)
            lead = await u.leads.insert(
                team.id if team else None,
                new.source,
                fields,
                now,
                idempotency_key=new.idempotency_key,
                contact_user_id=new.contact_user_id,
                source_id=new.source_id,
            )
            await u.events.add(
                LeadEvent(
                    lead.id, now, "created", reason=new.source.value, actor_user_id=new.added_by
                )
            )
            await self._clients.remember(u, lead)
            if team is not None:
                await self._distributor.distribute_new(u, lead, team, now, configuration)
            else:
                log.warning("lead %d stored; no team chat yet, it waits for /setup", lead.id)
        return Submitted(lead.id, created=True, team_id=team.id if team else None)

    async def _join(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        fields: LeadFields,
        new: NewLead,
        now: datetime,
    ) -> None:
        """A repeat of an open lead's client: its history keeps what the repeat said, and
        whoever has the lead (or the team chat's card, while nobody does) hears it."""
        added = added_fields(lead.fields, fields)
        event = LeadEvent(
            lead.id, now, "repeated", reason=new.source.value, actor_user_id=new.added_by,
            details=added,
        )  # fmt: skip
        await u.events.add(event)
        await self._clients.join(u, lead, fields)
        await u.emit(Repeated(lead, team, added, now))
        log.info("lead %d: the same client sent it again; joined", lead.id)

    async def submit_by_hand(self, new: NewLead) -> HandEntryResult:
        """A lead a head entered in Telegram (the route is for heads only)."""
        if not is_lead(cleaned(new.fields)):
            return HandEntryResult(HandEntry.EMPTY)
        submitted = await self.submit(new)
        if submitted.joined:
            return HandEntryResult(HandEntry.JOINED, submitted.lead_id)
        if submitted.team_id is None:
            return HandEntryResult(HandEntry.WAITING, submitted.lead_id)
        async with self._db.reading() as u:
            team = await u.teams.by_id(submitted.team_id)
        chat_id = team.chat_id if team else None
        return HandEntryResult(HandEntry.CREATED, submitted.lead_id, chat_id)

    async def offer_waiting(self, u: Unit, team: TeamRecord, now: datetime) -> int:
        """Give leads stored before any team existed to `team`. Call inside a transaction."""
        waiting = await u.lists.without_team()
        for lead in waiting:
            await u.leads.assign_team(lead.id, team.id)
            await self._distributor.distribute(u, lead, team, now)
        return len(waiting)
