"""What follows an event, declared once, in two tables.

In the unit, as the event is emitted: what each chat is told. The messages are outbox rows
written in the same transaction as the change, so a lead never changes without its news and
the news never goes out for a change that was rolled back; and they are written where the
use case emits, in order (a lead taken back is told so before it is posted again: the
old card's edit must not land on the new card).
After the commit: waking whoever delivers (the outbox worker). A rolled-back unit emits
nothing, so nothing here runs for a change that did not happen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never, get_args

from bot.delivery.signal import OutboxSignal
from bot.durations import elapsed_text
from bot.i18n import Html, Translator
from bot.lifecycle.events import (
    Accepted,
    AskedHeads,
    Assigned,
    ChatReminded,
    Claimed,
    Closed,
    Contacted,
    ContactLapsed,
    ContactReminded,
    GivenBack,
    HandedBack,
    HeadsTooLate,
    HeldForHours,
    LeadMoved,
    LostExplained,
    Offered,
    OwnerReminded,
    PassedOn,
    PostedToChat,
    Reopened,
    Repeated,
    ReturnExplained,
    TakenBack,
    TimedOut,
    Undone,
)
from bot.lifecycle.head_cards import HeadCards
from bot.lifecycle.presence import PresenceChange, PresenceChanged
from bot.presentation.contacts import ContactPosts
from bot.presentation.endings import Endings
from bot.presentation.lead_posts import LeadPosts
from bot.presentation.notices import HeadNotices, PresencePosts
from bot.presentation.reactions import Reactions
from bot.presentation.reasons import passed_text
from bot.team_settings import working_time
from storage import OutboxDue, Unit

_LEAD_MOVED = get_args(LeadMoved)
_TOLD_IN_UNIT = (*_LEAD_MOVED, PresenceChanged)


class InUnit:
    """Tells each chat what a lead's move means for it, in the unit that moved it."""

    def __init__(
        self,
        told: Reactions,
        endings: Endings,
        posts: LeadPosts,
        notices: HeadNotices,
        heads: HeadCards,
        contacts: ContactPosts,
        presence: PresencePosts,
    ) -> None:
        self._told = told
        self._presence = presence
        self._contacts = contacts
        self._endings = endings
        self._posts = posts
        self._notices = notices
        self._heads = heads

    async def __call__(self, u: Unit, event: object) -> None:
        if isinstance(event, _LEAD_MOVED):
            await self._tell(u, event)
        elif isinstance(event, PresenceChanged):
            await self._presence_changed(u, event)

    async def _presence_changed(self, u: Unit, event: PresenceChanged) -> None:
        """The heads hear what a manager (or the bot) did, not what a head did: that head
        knows, and /team shows it to the others."""
        posts, member, team = self._presence, event.member, event.team
        match event.change:
            case PresenceChange.PAUSED:
                await posts.heads(u, team, "presence.head_paused", member)
            case PresenceChange.AUTO_PAUSED:
                await posts.auto_paused(u, team, member, event.lapses, event.at)
            case PresenceChange.RESUMED:
                await posts.back(u, member, event.at)
                await posts.heads(u, team, "presence.head_resumed", member)
            case PresenceChange.RESUMED_BY_HEAD:
                await posts.back(u, member, event.at)
            case PresenceChange.PAUSED_BY_HEAD:
                pass
            case _:
                assert_never(event.change)

    async def _tell(self, u: Unit, event: LeadMoved) -> None:  # noqa: PLR0912 - one arm a kind
        told, endings = self._told, self._endings
        match event:
            case Claimed():
                await told.claimed(
                    u, event.moved, event.team, event.name, event.user_id, event.language,
                    event.details,
                )  # fmt: skip
            case Accepted():
                await told.accepted(u, event.moved, event.member)
            case GivenBack():
                await told.given_back(u, event.before, event.member, event.reason, event.moved)
                if event.asks_why:
                    await told.ask_return_reason(u, event.before, event.member, event.moved.at)
            case TimedOut():
                await told.timed_out(u, event.before, event.owner, event.waited, event.moved)
            case HeadsTooLate():
                await told.heads_too_late(u, event.lead, event.team, event.at)
            case TakenBack():
                await told.taken_back(
                    u, event.before, event.owner, event.kind, event.team, event.moved
                )
            case Assigned():
                await told.assigned(
                    u, event.moved, event.team, event.member, event.previous, event.head,
                    event.details, event.announce,
                )  # fmt: skip
            case HandedBack():
                await told.handed_back(
                    u, event.before, event.moved, event.deputy, event.member, event.details
                )
            case Reopened():
                await told.reopened(u, event.moved, event.team, event.owner, event.head)
            case Repeated():
                await self._contacts.repeated(u, event.lead, event.team, event.added, event.at)
            case Contacted():
                moved = event.moved
                await self._contacts.contacted(u, moved.lead, event.member, event.team, moved.at)
            case ContactLapsed():
                await self._contacts.lapsed(
                    u, event.before, event.owner, event.waited, event.team, event.moved.lead,
                    event.moved.at,
                )  # fmt: skip
            case Closed():
                await endings.closed(u, event.moved, event.member)
                if event.asks_why:
                    await endings.ask_reason(u, event.moved.lead, event.member, event.moved)
                if event.asks_amount:
                    await endings.ask_amount(u, event.moved.lead, event.member, event.moved)
            case Undone():
                await endings.undone(u, event.moved, event.member)
            case LostExplained():
                await endings.explained(u, event.lead, event.owner, event.words, event.at)
            case ReturnExplained():
                await endings.return_explained(
                    u, event.lead, event.holder, event.name, event.words, event.at
                )
            case PostedToChat() | Offered() | AskedHeads() | HeldForHours():
                await self._routed(u, event)
            case ChatReminded() | OwnerReminded() | ContactReminded() | PassedOn():
                await self._timed(u, event)
            case _:
                assert_never(event)

    async def _timed(
        self, u: Unit, event: ChatReminded | OwnerReminded | ContactReminded | PassedOn
    ) -> None:
        """What a lead's timer sends: a reminder in the chat or to the owner, the heads'
        notice of an offer passed on."""
        match event:
            case ChatReminded():
                await self._posts.chat_reminder(u, event.lead, event.team, event.since, event.at)
            case OwnerReminded():
                await self._posts.outcome_reminder(
                    u, event.lead, event.owner, event.since, event.at
                )
            case ContactReminded():
                await self._contacts.reminder(u, event.lead, event.owner, event.since, event.at)
            case PassedOn():
                lead, owner, waited = event.lead, event.owner, event.waited
                decision = event.decision
                where = await self._posts.where(u, decision) if decision else _to_the_chat
                key = "notice.timeout" if event.why == "timeout" else "notice.no_contact"
                await self._notices.tell(
                    u,
                    event.team,
                    lambda tr: tr(
                        key,
                        id=lead.id,
                        wait=elapsed_text(waited, tr),
                        name=owner.full_name,
                        where=where(tr),
                    ),
                    event.at,
                    lead.id,
                )
            case _:
                assert_never(event)

    async def _routed(
        self, u: Unit, event: PostedToChat | Offered | AskedHeads | HeldForHours
    ) -> None:
        """What a routing decision sends: the card, the offer, the heads' cards, the
        night's count."""
        match event:
            case PostedToChat():
                lead = event.lead
                await self._posts.team_card(u, lead, event.team, event.at, event.group)
                if event.nobody_available is not None:
                    passed = event.nobody_available
                    await self._notices.tell(
                        u,
                        event.team,
                        lambda tr: tr(
                            "notice.nobody_available", id=lead.id, passed=passed_text(passed, tr)
                        ),
                        event.at,
                        lead.id,
                    )
            case Offered():
                await self._posts.offer(u, event.lead, event.member, event.details, event.at)
                if event.announce:
                    await self._posts.announce(
                        u,
                        event.team,
                        event.lead,
                        event.member,
                        event.code,
                        event.at,
                        duty=bool(event.details.get("duty")),
                    )
            case AskedHeads():
                await self._heads.send(
                    u, event.lead, event.team, event.situation, event.facts, event.candidates,
                    event.at,
                )  # fmt: skip
            case HeldForHours():
                settings = event.settings
                await self._notices.waiting_for_hours(
                    u,
                    event.team,
                    event.lead_id,
                    event.waiting,
                    lambda tr: working_time(settings, tr),
                    event.at,
                )
            case _:
                assert_never(event)


class AfterCommit:
    """Runs what follows a committed unit outside the database. Every event has its row in
    one of the two tables; one in neither would be emitted for nobody, so it raises."""

    def __init__(self, signal: OutboxSignal) -> None:
        self._signal = signal

    def __call__(self, events: Sequence[object]) -> None:
        for event in events:
            if isinstance(event, OutboxDue):
                self._signal.notify()
            elif not isinstance(event, _TOLD_IN_UNIT):  # told in the unit already
                raise LookupError(f"no reaction to {type(event).__name__}")


def _to_the_chat(tr: Translator) -> Html:
    return tr("where.chat")
