"""Which messages show which lead: the ground truth for a tap on a lead's button."""

from __future__ import annotations

from storage import Database


class ButtonLedger:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._leads = db.repos.leads
        self._outbox = db.repos.outbox

    async def shows(self, lead_id: int, chat_id: int, message_id: int) -> bool:
        """Whether the bot posted or edited this message about this lead."""
        async with self._db.consistent_read():
            lead = await self._leads.get(lead_id)
            if lead is None:
                return False
            if (lead.card_chat_id, lead.card_message_id) == (chat_id, message_id):
                return True
            return await self._outbox.shows(lead_id, chat_id, message_id)
