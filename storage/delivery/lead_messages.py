"""The messages about a lead, or in a chat, as the bot sent them: their buttons, the last card."""

from __future__ import annotations

from storage.delivery.buttons import load_buttons
from storage.delivery.outbox_records import (
    COLUMNS,
    O_COLUMNS,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    ShownMessage,
    outbox_record,
)
from storage.driver import Conn


class LeadMessageRepo:
    """Reads of the outbox by what its messages are about."""

    def __init__(self, db: Conn) -> None:
        self._db = db

    async def last_message(self, chat_id: int, purpose: OutboxPurpose) -> OutboxRecord | None:
        """The newest message of `purpose` in the chat that was sent or still waits."""
        row = await self._db.fetch_one(
            f"SELECT {COLUMNS} FROM outbox WHERE chat_id = ? AND purpose = ? AND method = ? "
            "AND status IN ('pending', 'sent') ORDER BY id DESC LIMIT 1",
            (chat_id, purpose.value, OutboxMethod.SEND.value),
        )
        return None if row is None else outbox_record(row)

    async def shows(self, lead_id: int, chat_id: int, message_id: int) -> bool:
        """Whether the message is one the bot sent (or edited) about the lead in that chat."""
        row = await self._db.fetch_one(
            "SELECT 1 FROM outbox WHERE lead_id = ? AND chat_id = ? AND message_id = ? "
            "AND status = 'sent' LIMIT 1",
            (lead_id, chat_id, message_id),
        )
        return row is not None

    async def for_lead(self, lead_id: int) -> list[OutboxRecord]:
        rows = await self._db.fetch_all(
            f"SELECT {COLUMNS} FROM outbox WHERE lead_id = ? ORDER BY id", (lead_id,)
        )
        return [outbox_record(row) for row in rows]

    async def latest(
        self, lead_id: int, chat_id: int, purposes: frozenset[OutboxPurpose]
    ) -> OutboxRecord | None:
        """The newest message of these kinds about the lead in the chat, sent or waiting:
        the one to edit when the lead's state changes (never one refused or dropped)."""
        marks = ", ".join("?" for _ in purposes)
        row = await self._db.fetch_one(
            f"SELECT {COLUMNS} FROM outbox WHERE lead_id = ? AND chat_id = ? AND method = ? "
            f"AND purpose IN ({marks}) AND status IN ('pending', 'sent') "
            "ORDER BY id DESC LIMIT 1",
            (lead_id, chat_id, OutboxMethod.SEND.value, *sorted(p.value for p in purposes)),
        )
        return None if row is None else outbox_record(row)

    async def with_buttons(self, lead_id: int, chat_id: int) -> list[ShownMessage]:
        """The messages about the lead in the chat, sent or waiting, that still show buttons
        once their last edit (sent or waiting) is applied, with the text they show then."""
        rows = await self._db.fetch_all(
            f"SELECT {O_COLUMNS}, e.text AS shown_text, e.buttons AS shown_buttons, "
            "  e.id IS NOT NULL AS edited "
            "FROM outbox AS o LEFT JOIN outbox AS e ON e.id = ("
            "  SELECT MAX(x.id) FROM outbox AS x WHERE x.target_id = o.id AND x.method = ?"
            "    AND x.status IN ('pending', 'sent')) "
            "WHERE o.lead_id = ? AND o.chat_id = ? AND o.method = ? "
            "AND o.status IN ('pending', 'sent') AND o.buttons IS NOT NULL ORDER BY o.id",
            (OutboxMethod.EDIT.value, lead_id, chat_id, OutboxMethod.SEND.value),
        )
        out = []
        for row in rows:
            record = outbox_record(row)
            text = row["shown_text"] if row["edited"] else record.text
            raw = row["shown_buttons"] if row["edited"] else row["buttons"]
            buttons = None if raw is None else load_buttons(raw)
            if buttons and any(buttons):
                out.append(ShownMessage(record, text))
        return out

    async def sent_of(self, lead_id: int, purpose: OutboxPurpose) -> list[OutboxRecord]:
        """Every message of one kind sent (or waiting) about a lead, such as the heads' cards;
        none that was refused or dropped."""
        rows = await self._db.fetch_all(
            f"SELECT {COLUMNS} FROM outbox WHERE lead_id = ? AND purpose = ? AND method = ? "
            "AND status IN ('pending', 'sent') ORDER BY id",
            (lead_id, purpose.value, OutboxMethod.SEND.value),
        )
        return [outbox_record(row) for row in rows]
