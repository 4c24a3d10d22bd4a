"""Rows longer than Telegram takes: split into several before they are sent."""

from __future__ import annotations

import logging

from bot.delivery.board_text import CAPTION_LIMIT, TEXT_LIMIT, length, split_long
from bot.delivery.planning import ChatRows
from storage import HANDING_OVER, Database, OutboxMethod, OutboxPurpose

log = logging.getLogger(__name__)


def limit_of(method: OutboxMethod) -> int:
    """How long a row's text may be: a photo's caption is shorter than a message; what a
    caption cannot hold follows it as messages."""
    return CAPTION_LIMIT if method is OutboxMethod.SEND_PHOTO else TEXT_LIMIT


async def split_long_rows(db: Database, rows: list[ChatRows]) -> bool:
    """No message is lost for being too long: a row longer than Telegram takes becomes
    several (an edit, which cannot, is cut). True if any changed."""
    long = [
        r.record
        for chat in rows
        for r in chat.rows
        if length(r.record.text) > limit_of(r.record.method)
    ]
    if not long:
        return False
    async with db.unit() as u:
        for record in long:
            first, *rest = split_long(record.text, limit_of(record.method))
            if record.method in (OutboxMethod.EDIT, OutboxMethod.EDIT_CARD):
                await u.outbox.rewrite(record.id, first.rsplit("\n", 1)[0] + "\n…")
                continue
            await u.outbox.rewrite(record.id, first)
            follow = OutboxPurpose.LEAD_TEXT if record.purpose in HANDING_OVER else record.purpose
            for part in rest:
                await u.outbox.enqueue(
                    record.chat_id,
                    OutboxMethod.SEND,
                    follow,
                    part,
                    record.created_at,
                    lead_id=record.lead_id,
                )
    log.warning("outbox: %d message(s) too long for Telegram were split", len(long))
    return True
