"""Messages to the heads of sales, in their private chats, through the outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.cards import owner_messages
from bot.clock import Clock
from bot.i18n import Html, Translator, language_for
from bot.services.people import Roles
from storage import LeadRecord, OutboxMethod, OutboxPurpose, OutboxRepo, TeamRecord

log = logging.getLogger(__name__)

Text = Callable[[Translator], Html]


async def enqueue_messages(
    outbox: OutboxRepo,
    chat_id: int,
    messages: list[Html],
    purpose: OutboxPurpose,
    at: datetime,
    lead_id: int | None,
) -> None:
    """Queue a message and the follow-ups that carry what it had to cut (`owner_messages`).
    Only the first is `purpose`: a refused follow-up changes nothing about the lead."""
    for index, text in enumerate(messages):
        kind = purpose if index == 0 else OutboxPurpose.LEAD_TEXT
        await outbox.enqueue(chat_id, OutboxMethod.SEND, kind, text, at, lead_id=lead_id)


class HeadNotices:
    def __init__(self, outbox: OutboxRepo, roles: Roles, clock: Clock) -> None:
        self._outbox = outbox
        self._roles = roles
        self._clock = clock

    async def tell(self, team: TeamRecord | None, text: Text, lead_id: int | None = None) -> None:
        """Queue `text` for every head, in the team's language. Call inside a transaction."""
        await self._tell_all(team, lambda tr: [text(tr)], lead_id)

    async def hand_over(self, team: TeamRecord, lead: LeadRecord, notice: Text) -> None:
        """Give the heads the whole lead, contacts included, for when the team cannot."""

        def texts(tr: Translator) -> list[Html]:
            card, *rest = owner_messages(lead, tr("reason.for_head"), tr)
            return [Html(f"{notice(tr)}\n\n{card}"), *rest]

        await self._tell_all(team, texts, lead.id)

    async def held(self, team: TeamRecord, lead: LeadRecord) -> None:
        """The team chat cannot show this lead's card now; a hot lead cannot wait for it."""
        await self.hand_over(team, lead, lambda tr: tr("notice.held", id=lead.id, title=team.title))

    async def _tell_all(
        self,
        team: TeamRecord | None,
        texts: Callable[[Translator], list[Html]],
        lead_id: int | None,
    ) -> None:
        tr = Translator(language_for(team.language if team else None))
        messages = texts(tr)
        now = self._clock.now()
        heads = sorted(self._roles.head_ids)
        for head_id in heads:
            await enqueue_messages(
                self._outbox, head_id, messages, OutboxPurpose.HEAD_NOTICE, now, lead_id
            )
        if not heads:
            log.warning("no heads of sales configured; nobody to tell: %s", messages[0])
