"""The outbox as the chat planner sees it: each chat's waiting rows, classified, with the
state of its boards. Pure: the worker reads the database and passes everything in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.delivery.board_text import LINE_LIMIT, Slot, length
from bot.delivery.chatplan import Board, ChatView, Item, Kind
from storage import (
    BoardKind,
    BoardMessage,
    BoardRecord,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    PendingRow,
)

# Notices that read as one line: they fold into a digest while they come thick and fast.
LINE_PURPOSES = frozenset(
    {
        OutboxPurpose.ANNOUNCE,
        OutboxPurpose.CARD_REMINDER,
        OutboxPurpose.TEAM_NOTICE,
        OutboxPurpose.HEAD_NOTICE,
        OutboxPurpose.MEMBER_NOTICE,
    }
)


@dataclass(frozen=True)
class BoardState:
    """An open board, what its messages should say now, and whether they say it."""

    record: BoardRecord
    slots: tuple[Slot, ...]
    waiting: int  # the queue: leads it lists that still wait
    oldest_waiting: int | None = None  # the queue: the row of the lead waiting longest
    news: bool = False  # the digest: lines not shown yet

    @property
    def stale(self) -> bool:
        """Worth a message of the chat's budget. A queue must show who may still claim what;
        a digest is edited for news only (a line that merely left it waits for that)."""
        if self.record.kind is BoardKind.DIGEST:
            shown = {m.slot for m in self.record.messages}
            missing = any(index not in shown for index in range(len(self.slots)))
            return self.news or missing
        return self.first_stale() is not None

    def first_stale(self, but: int | None = None) -> int | None:
        """The first message that does not show what it should (leaving out `but`)."""
        shown = {m.slot: m for m in self.record.messages}
        for index, slot in enumerate(self.slots):
            if index != but and not shows(shown.get(index), slot):
                return index
        return None


def shows(message: BoardMessage | None, slot: Slot) -> bool:
    if message is None:
        return False
    buttons = None if message.buttons is None else tuple(tuple(b) for b in message.buttons)
    return (message.text, buttons) == (slot.text, slot.buttons)


@dataclass
class ChatRows:
    chat_id: int
    rows: list[PendingRow] = field(default_factory=list)

    def record(self, row_id: int) -> OutboxRecord:
        return next(row.record for row in self.rows if row.record.id == row_id)


def kind_of(row: PendingRow) -> Kind:
    record = row.record
    if record.method is OutboxMethod.SEND_PHOTO:
        return Kind.MESSAGE
    if record.method is not OutboxMethod.SEND:
        return Kind.MARK if record.purpose is OutboxPurpose.CARD_CLAIMED else Kind.EDIT
    if record.purpose is OutboxPurpose.CARD:
        return Kind.CARD
    if record.purpose is OutboxPurpose.CONTACTS:
        return Kind.CONTACTS
    if (
        record.purpose in LINE_PURPOSES
        and record.buttons is None
        and length(record.text) <= LINE_LIMIT
        and "\n" not in record.text
    ):
        return Kind.LINE
    return Kind.MESSAGE


def item_of(row: PendingRow, now: datetime) -> Item:
    record = row.record
    kind = kind_of(row)
    due = record.next_attempt_at <= now and not row.after_own
    target: str | None = None
    if record.method is OutboxMethod.EDIT_CARD:
        target = f"card:{record.lead_id}"
    elif record.method is OutboxMethod.EDIT:
        target = f"row:{record.target_id}"
    ready = due and (row.shown if target is not None else True)
    bundles = record.purpose is OutboxPurpose.OFFER_ACCEPTED and record.bundled_at is None
    return Item(record.id, kind, record.created_at.timestamp(), ready, target, bundles)


def by_chat(rows: list[PendingRow]) -> dict[int, ChatRows]:
    chats: dict[int, ChatRows] = {}
    for row in rows:
        chats.setdefault(row.record.chat_id, ChatRows(row.record.chat_id)).rows.append(row)
    return chats


def chat_view(
    chat_id: int,
    rows: list[PendingRow],
    boards: Mapping[BoardKind, BoardState],
    now: datetime,
    last_line_at: datetime | None,
    digest_window: float,
    room: int,
) -> ChatView:
    queue = boards.get(BoardKind.QUEUE)
    digest = boards.get(BoardKind.DIGEST)
    group = chat_id < 0
    # A group's digest quiet for a while is finished: the next line starts a new one below.
    # A private chat's is finished once shown: lines after it ring as messages of their own.
    digest_live = digest is not None and (
        (now - digest.record.folded_at).total_seconds() < digest_window
        if group
        else not digest.record.messages
    )
    return ChatView(
        group=group,
        items=tuple(item_of(row, now) for row in rows if not row.orphan),
        now=now.timestamp(),
        queue=_board(queue, live=queue is not None),
        digest=_board(digest, live=digest_live),
        last_line_at=None if last_line_at is None else last_line_at.timestamp(),
        room=room,
    )


def _board(state: BoardState | None, *, live: bool) -> Board:
    if state is None:
        return Board()
    shown_at = state.record.shown_at
    return Board(
        live=live,
        stale=state.stale,
        shown_at=None if shown_at is None else shown_at.timestamp(),
        waiting=state.waiting,
    )
