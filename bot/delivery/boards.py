"""Boards in the chat: reads what each open board should show, and brings one of its
messages up to date per call (one message of the chat's budget)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from aiogram import Bot
from aiogram.types import Message

from bot.delivery.board_text import Slot, digest_slots, queue_slots
from bot.delivery.planning import BoardState
from bot.delivery.premises import line_is_dead
from bot.delivery.telegram.markup import to_markup
from bot.i18n import Translator, language_for
from storage import (
    BoardKind,
    BoardRecord,
    Database,
    LeadEvent,
    LeadEventRepo,
    OutboxPurpose,
)
from storage.unit import Unit


class CardsPosted(Protocol):
    """Who starts a lead's clock when it becomes claimable in the team chat."""

    async def card_posted(self, u: Unit, lead_id: int, at: datetime) -> None: ...


async def card_shown(
    events: LeadEventRepo, lead_id: int, at: datetime, how: str, chat_id: int, message_id: int
) -> None:
    """The lead's history: claimable in the chat from now, on its own card ("outbox") or a
    line of the queue ("queue")."""
    details = {"chat_id": chat_id, "message_id": message_id}
    await events.add(LeadEvent(lead_id, at, "card_posted", reason=how, details=details))


class Boards:
    def __init__(self, db: Database, bot: Bot, posted: CardsPosted) -> None:
        self._db = db
        self._bot = bot
        self._posted = posted

    async def states(self, u: Unit) -> dict[int, dict[BoardKind, BoardState]]:
        """Every open board by chat and kind, read in the caller's unit."""
        out: dict[int, dict[BoardKind, BoardState]] = {}
        for record in await u.boards.open_boards():
            out.setdefault(record.chat_id, {})[record.kind] = await self._state(u, record)
        return out

    async def _state(self, u: Unit, record: BoardRecord) -> BoardState:
        rows = await u.outbox.folded(record.id)
        tr = await self._translator(u, record.chat_id)
        if record.kind is BoardKind.QUEUE:
            slots = queue_slots(rows, tr)
            # A queue that shrank keeps its messages: those left over say it is cleared.
            spare = queue_slots([], tr)[0].text
        else:
            # A line whose premise died (a reminder of a lead claimed since) leaves the
            # digest when it is next edited for news; it costs no edit of its own.
            rows = [row for row in rows if not line_is_dead(row, record.chat_id)]
            slots = digest_slots(rows, tr, private=record.chat_id > 0)
            spare = str(tr("board.digest_more"))
        shown = max((m.slot for m in record.messages), default=-1) + 1
        padded = [*slots, *[Slot(spare, None, ())] * max(shown - len(slots), 0)]
        waiting = [row.row_id for row in rows if row.waiting]
        news = record.kind is BoardKind.DIGEST and any(not row.shown for row in rows)
        return BoardState(
            record, tuple(padded), len(waiting), waiting[0] if waiting else None, news=news
        )

    async def _translator(self, u: Unit, chat_id: int) -> Translator:
        # A team chat speaks the team's language; the heads' notices about it do too.
        team = await u.teams.by_chat(chat_id) if chat_id < 0 else await u.teams.primary()
        return Translator(language_for(team.language if team else None))

    async def fold(
        self,
        u: Unit,
        chat_id: int,
        kind: BoardKind,
        row_ids: Sequence[int],
        at: datetime,
        adopt: int | None = None,
    ) -> None:
        """Show these rows as lines of the chat's board. A new digest grows out of the line
        sent just before (`adopt`, a row): that message is edited into it, not repeated.
        Call inside a transaction."""
        if not row_ids:
            return
        board_id, opened = await u.boards.folding_into(chat_id, kind, at)
        await u.outbox.fold(row_ids, board_id)
        before = await u.outbox.get(adopt) if opened and adopt is not None else None
        if before is not None and before.message_id is not None and before.sent_at is not None:
            await u.outbox.attach(before.id, board_id)
            await u.boards.shown(board_id, 0, before.message_id, before.text, None, before.sent_at)

    async def close_finished_digest(
        self, u: Unit, chat_id: int, quiet_since: datetime, at: datetime
    ) -> None:
        """A group's digest nothing folded into since `quiet_since`, or a private chat's
        digest already shown, stays as it is; the next line opens a new one at the bottom
        of the chat."""
        record = await u.boards.open_board(chat_id, BoardKind.DIGEST)
        if record is None:
            return
        finished = record.folded_at < quiet_since if chat_id < 0 else bool(record.messages)
        if finished:
            await u.boards.close(record.id, at)

    async def pending_slot(self, chat_id: int, kind: BoardKind) -> tuple[BoardState, int] | None:
        """The board and its first message that does not show what it should."""
        async with self._db.reading() as u:
            record = await u.boards.open_board(chat_id, kind)
            if record is None:
                return None
            state = await self._state(u, record)
        index = state.first_stale()
        return None if index is None else (state, index)

    async def show(self, state: BoardState, index: int) -> int:
        """Send or edit the board's message `index`; the message id Telegram gave it."""
        slot = state.slots[index]
        markup = None if slot.buttons is None else to_markup([list(b) for b in slot.buttons])
        shown = {m.slot: m for m in state.record.messages}
        if index not in shown:
            message = await self._bot.send_message(
                state.record.chat_id, slot.text, reply_markup=markup
            )
            return message.message_id
        message_id = shown[index].message_id
        edited = await self._bot.edit_message_text(
            chat_id=state.record.chat_id,
            message_id=message_id,
            text=slot.text,
            reply_markup=markup if markup is not None else to_markup([]),
        )
        return edited.message_id if isinstance(edited, Message) else message_id

    async def shown(self, state: BoardState, index: int, message_id: int, at: datetime) -> None:
        """Record what the message shows now; start the clock of leads shown for the first
        time; close a queue with nothing left in it."""
        slot = state.slots[index]
        record = state.record
        buttons = None if slot.buttons is None else [list(line) for line in slot.buttons]
        async with self._db.unit() as u:
            await u.boards.shown(record.id, index, message_id, slot.text, buttons, at)
            first = set(await u.outbox.mark_shown(slot.rows, at))
            for row in await u.outbox.folded(record.id):
                if row.row_id in first and row.purpose is OutboxPurpose.CARD and row.lead_id:
                    await self._posted.card_posted(u, row.lead_id, at)
                    await card_shown(u.events, row.lead_id, at, "queue", record.chat_id, message_id)
            # An empty queue that says so everywhere is finished: the next burst opens a
            # new one at the bottom of the chat, where people look. So is a private chat's
            # digest once shown: it is never edited into news nobody would hear.
            closing = (record.kind is BoardKind.QUEUE and state.waiting == 0) or (
                record.kind is BoardKind.DIGEST and record.chat_id > 0
            )
            if closing and state.first_stale(but=index) is None:
                await u.boards.close(record.id, at)

    async def forget(self, state: BoardState, index: int) -> None:
        """The message is gone from the chat (deleted): the next show sends it anew."""
        async with self._db.unit() as u:
            await u.boards.forget(state.record.id, index)
