"""Messages to the heads of sales, in their private chats, through the outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.cards import owner_card
from bot.clock import Clock
from bot.i18n import Html, Translator, language_for
from bot.services.people import Roles
from storage import LeadRecord, OutboxMethod, OutboxPurpose, OutboxRepo, TeamRecord

log = logging.getLogger(__name__)


class HeadNotices:
    def __init__(self, outbox: OutboxRepo, roles: Roles, clock: Clock) -> None:
        self._outbox = outbox
        self._roles = roles
        self._clock = clock

    async def tell(
        self,
        team: TeamRecord | None,
        text: Callable[[Translator], Html],
        lead_id: int | None = None,
    ) -> None:
        """Queue `text` for every head, in the team's language. Call inside a transaction."""
        tr = Translator(language_for(team.language if team else None))
        message = text(tr)
        for head_id in sorted(self._roles.admin_ids):
            await self._outbox.enqueue(
                head_id,
                OutboxMethod.SEND,
                OutboxPurpose.HEAD_NOTICE,
                message,
                self._clock.now(),
                lead_id=lead_id,
            )
        if not self._roles.admin_ids:
            log.warning("no ADMIN_IDS configured; nobody to tell: %s", message)

    async def hand_over(
        self, team: TeamRecord, lead: LeadRecord, notice_key: str, **params: object
    ) -> None:
        """Give the heads the whole lead, contacts included, for when the team cannot."""

        def text(tr: Translator) -> Html:
            notice = tr(notice_key, id=lead.id, title=team.title, **params)
            return Html(f"{notice}\n\n{owner_card(lead, tr('reason.for_head'), tr)}")

        await self.tell(team, text, lead.id)
