from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from bot.cards import claimed_card, owner_messages, returned_card, team_card
from bot.clock import Clock
from bot.delivery.signal import OutboxSignal
from bot.i18n import Translator, language_for
from bot.keyboards import claim_keyboard
from bot.leads.fields import cleaned, is_lead
from bot.routing import (
    ClaimVerdict,
    ClaimView,
    DecisionKind,
    LeadFacts,
    MemberState,
    Mode,
    ReasonCode,
    TeamSnapshot,
    judge_claim,
    route,
)
from bot.services.notices import HeadNotices, enqueue_messages
from bot.services.people import Person, Roles
from storage import (
    Database,
    LeadEvent,
    LeadEventRepo,
    LeadFields,
    LeadRecord,
    LeadRepo,
    LeadSource,
    LeadStatus,
    MemberRecord,
    MemberRepo,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    TeamRecord,
    TeamRepo,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewLead:
    fields: LeadFields
    source: LeadSource
    idempotency_key: str | None = None
    contact_user_id: int | None = None  # the author of a forwarded message
    added_by: int | None = None  # the head who entered it in Telegram


@dataclass(frozen=True)
class Submitted:
    lead_id: int
    created: bool  # False: an earlier delivery of the same submission already made it
    team_id: int | None  # None: stored, waiting for /setup


class HandEntry(StrEnum):
    CREATED = "created"
    WAITING = "waiting"  # stored, no team chat yet
    EMPTY = "empty"


@dataclass(frozen=True)
class HandEntryResult:
    outcome: HandEntry
    lead_id: int | None = None
    team_chat_id: int | None = None  # where its card goes


@dataclass(frozen=True)
class ClaimResult:
    won: bool
    verdict: ClaimVerdict
    lead_id: int
    owner_name: str | None = None


class LeadService:
    def __init__(self, db: Database, clock: Clock, roles: Roles, signal: OutboxSignal) -> None:
        self._db = db
        self._signal = signal
        self._clock = clock
        self._roles = roles
        self._leads = LeadRepo(db.conn)
        self._events = LeadEventRepo(db.conn)
        self._teams = TeamRepo(db.conn)
        self._members = MemberRepo(db.conn)
        self._outbox = OutboxRepo(db.conn)
        self._notices = HeadNotices(self._outbox, roles, clock)

    async def submit(self, new: NewLead) -> Submitted:
        """Store the lead and everything it must cause, in one transaction.

        When this returns, the lead and its outgoing card are committed: a crash after this
        point delays the card, it cannot lose it.
        """
        try:
            submitted = await self._store(new)
        except sqlite3.IntegrityError:
            # Another process sharing the file stored the same submission between our
            # duplicate check and our insert; the unique index kept it to one lead.
            async with self._db.consistent_read():
                earlier = await self._leads.find_duplicate(
                    new.fields.external_id, new.idempotency_key
                )
            if earlier is None:
                raise
            return Submitted(earlier.id, created=False, team_id=earlier.team_id)
        if submitted.created:
            self._signal.notify()
        return submitted

    async def _store(self, new: NewLead) -> Submitted:
        now = self._clock.now()
        fields = cleaned(new.fields)
        async with self._db.transaction():
            earlier = await self._leads.find_duplicate(fields.external_id, new.idempotency_key)
            if earlier is not None:
                return Submitted(earlier.id, created=False, team_id=earlier.team_id)
            team = await self._teams.primary()
            lead = await self._leads.insert(
                team.id if team else None,
                new.source,
                fields,
                now,
                idempotency_key=new.idempotency_key,
                contact_user_id=new.contact_user_id,
            )
            await self._events.add(
                LeadEvent(
                    lead.id, now, "created", reason=new.source.value, actor_user_id=new.added_by
                )
            )
            if team is not None:
                await self.dispatch(lead, team)
            else:
                log.warning("lead %d stored; no team chat yet, it waits for /setup", lead.id)
        return Submitted(lead.id, created=True, team_id=team.id if team else None)

    async def submit_by_hand(self, new: NewLead) -> HandEntryResult:
        """A lead a head entered in Telegram (the route is for heads only)."""
        if not is_lead(cleaned(new.fields)):
            return HandEntryResult(HandEntry.EMPTY)
        submitted = await self.submit(new)
        if submitted.team_id is None:
            return HandEntryResult(HandEntry.WAITING, submitted.lead_id)
        team = await self._teams.by_id(submitted.team_id)
        chat_id = team.chat_id if team else None
        return HandEntryResult(HandEntry.CREATED, submitted.lead_id, chat_id)

    async def offer_waiting(self, team: TeamRecord) -> int:
        """Give leads stored before any team existed to `team`. Call inside a transaction."""
        waiting = await self._leads.without_team()
        for lead in waiting:
            await self._leads.assign_team(lead.id, team.id)
            await self.dispatch(lead, team)
        return len(waiting)

    async def dispatch(self, lead: LeadRecord, team: TeamRecord) -> None:
        """Route the lead and write what that decision sends. Call inside a transaction."""
        now = self._clock.now()
        snapshot = await self._snapshot(team)
        facts = LeadFacts(
            lead.id,
            channel=lead.fields.channel,
            industry=lead.fields.industry,
            region=lead.fields.region,
            product=lead.fields.product,
        )
        decision = route(facts, snapshot, now)
        await self._events.add(
            LeadEvent(
                lead.id,
                now,
                "routed",
                reason=decision.reason.code.value,
                member_id=decision.member_id,
                details={"decision": decision.kind.value, **decision.reason.params},
            )
        )
        match decision.kind:
            case DecisionKind.CLAIM:
                tr = Translator(language_for(team.language))
                await self._outbox.enqueue(
                    team.chat_id,
                    OutboxMethod.SEND,
                    OutboxPurpose.CARD,
                    team_card(lead, tr),
                    now,
                    reply_markup=claim_keyboard(lead.id, tr).model_dump_json(exclude_none=True),
                    lead_id=lead.id,
                )
                if team.paused:
                    # The card waits for the team chat; a hot lead cannot.
                    await self._notices.held(team, lead)

    async def _snapshot(self, team: TeamRecord) -> TeamSnapshot:
        members = await self._members.active(team.id)
        open_counts = await self._leads.count_open_by_owner(team.id)
        return TeamSnapshot(
            team_id=team.id,
            mode=Mode(team.mode),
            members=tuple(MemberState(m.id, open_counts.get(m.id, 0)) for m in members),
        )

    async def claim(self, lead_id: int, chat_id: int, person: Person) -> ClaimResult:
        async with self._db.transaction():
            result = await self._claim(lead_id, chat_id, person)
        if result.won:
            self._signal.notify()
        elif result.verdict is not ClaimVerdict.TAKEN:
            log.info("claim of lead %d by user %d refused: %s", lead_id, person.user_id, result)
        return result

    async def _claim(self, lead_id: int, chat_id: int, person: Person) -> ClaimResult:
        lead = await self._leads.get(lead_id)
        team = await self._teams.by_chat(chat_id)
        member = await self._members.active_by_user(team.id, person.user_id) if team else None
        view = None
        if lead is not None:
            view = ClaimView(lead.team_id, lead.status is LeadStatus.NEW, lead.owner_id)
        verdict = judge_claim(view, team.id if team else None, member.id if member else None)
        if verdict is ClaimVerdict.TRY:
            assert team is not None and member is not None
            # The conditional update, not the verdict, picks the winner: another process on
            # the same file may have claimed the lead since we read it.
            if await self._leads.claim(lead_id, member.id, self._clock.now()):
                await self._announce_claim(lead_id, team, member.id, person)
                return ClaimResult(True, verdict, lead_id, person.full_name)
            verdict = ClaimVerdict.TAKEN
        owner_name = await self._owner_name(lead_id) if verdict is ClaimVerdict.TAKEN else None
        return ClaimResult(False, verdict, lead_id, owner_name)

    async def _owner_name(self, lead_id: int) -> str | None:
        lead = await self._leads.get(lead_id)
        if lead is None or lead.owner_id is None:
            return None
        owner = await self._members.by_id(lead.owner_id)
        return owner.full_name if owner else None

    async def _announce_claim(
        self, lead_id: int, team: TeamRecord, member_id: int, person: Person
    ) -> None:
        lead = await self._leads.get(lead_id)
        member = await self._members.by_id(member_id)
        assert lead is not None and member is not None and lead.claimed_at is not None
        await self._events.add(
            LeadEvent(
                lead_id,
                lead.claimed_at,
                "claimed",
                reason=ReasonCode.CLAIMED.value,
                actor_user_id=person.user_id,
                member_id=member_id,
            )
        )
        await self._members.update_profile(
            member_id, person.full_name, person.username, person.language
        )
        team_tr = Translator(language_for(team.language))
        await self._outbox.enqueue(
            team.chat_id,
            OutboxMethod.EDIT_CARD,
            OutboxPurpose.CARD_CLAIMED,
            claimed_card(lead, person.full_name, team_tr),
            lead.claimed_at,
            lead_id=lead_id,
        )
        owner_tr = Translator(person.language)
        await enqueue_messages(
            self._outbox,
            person.user_id,
            owner_messages(lead, owner_tr("reason.claimed"), owner_tr),
            OutboxPurpose.OWNER_CARD,
            lead.claimed_at,
            lead_id,
        )

    async def return_to_team(self, lead: LeadRecord, owner: MemberRecord, why: str) -> bool:
        """Take the lead back from an owner who cannot get it and offer it to the team again.

        The old card says where the lead went; a fresh card with a Claim button goes to the
        bottom of the chat, where people look. Call inside a transaction.
        """
        if lead.team_id is None or not await self._leads.unclaim(lead.id, owner.id):
            return False
        team = await self._teams.by_id(lead.team_id)
        fresh = await self._leads.get(lead.id)
        assert team is not None and fresh is not None
        now = self._clock.now()
        await self._events.add(
            LeadEvent(
                lead.id,
                now,
                "returned",
                reason="owner_unreachable",
                member_id=owner.id,
                details={"error": why},
            )
        )
        tr = Translator(language_for(team.language))
        await self._outbox.enqueue(
            team.chat_id,
            OutboxMethod.EDIT_CARD,
            OutboxPurpose.CARD_RETURNED,
            returned_card(fresh, owner.full_name, tr),
            now,
            lead_id=lead.id,
        )
        await self.dispatch(fresh, team)
        log.warning("lead %d returned to team %d: owner %d unreachable", lead.id, team.id, owner.id)
        return True
