"""Boards: a chat's live messages edited in place (the queue of waiting leads, the digest of
one-line notices), and what each of their messages shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.clock_format import from_db, to_db
from storage.delivery.buttons import Button, Buttons, dump_buttons, load_buttons
from storage.driver import Conn


class BoardKind(StrEnum):
    QUEUE = "queue"
    DIGEST = "digest"


@dataclass(frozen=True)
class BoardMessage:
    slot: int
    message_id: int
    text: str
    buttons: list[list[Button]] | None
    shown_at: datetime


@dataclass(frozen=True)
class BoardRecord:
    id: int
    chat_id: int
    kind: BoardKind
    opened_at: datetime
    folded_at: datetime
    messages: tuple[BoardMessage, ...] = ()

    @property
    def shown_at(self) -> datetime | None:
        return max((m.shown_at for m in self.messages), default=None)


class BoardRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def open_boards(self) -> list[BoardRecord]:
        """Every board still edited, with its messages."""
        return await self._open("", ())

    async def open_board(self, chat_id: int, kind: BoardKind) -> BoardRecord | None:
        """The chat's open board of that kind, if any."""
        found = await self._open(" AND b.chat_id = ? AND b.kind = ?", (chat_id, kind.value))
        return found[0] if found else None

    async def _open(self, where: str, params: tuple[object, ...]) -> list[BoardRecord]:
        boards = await self._db.fetch_all(
            "SELECT id, chat_id, kind, opened_at, folded_at FROM boards AS b "
            f"WHERE closed_at IS NULL{where} ORDER BY id",
            params,
        )
        if not boards:
            return []  # a quiet chat's round costs one statement, not two
        shown = await self._db.fetch_all(
            "SELECT m.board_id, m.slot, m.message_id, m.text, m.buttons, m.shown_at "
            "FROM board_messages AS m JOIN boards AS b ON b.id = m.board_id "
            f"WHERE b.closed_at IS NULL{where} ORDER BY m.board_id, m.slot",
            params,
        )
        by_board: dict[int, list[BoardMessage]] = {}
        for row in shown:
            by_board.setdefault(row["board_id"], []).append(
                BoardMessage(
                    row["slot"],
                    row["message_id"],
                    row["text"],
                    None if row["buttons"] is None else load_buttons(row["buttons"]),
                    from_db(row["shown_at"]),
                )
            )
        return [
            BoardRecord(
                row["id"],
                row["chat_id"],
                BoardKind(row["kind"]),
                from_db(row["opened_at"]),
                from_db(row["folded_at"]),
                tuple(by_board.get(row["id"], ())),
            )
            for row in boards
        ]

    async def folding_into(self, chat_id: int, kind: BoardKind, at: datetime) -> tuple[int, bool]:
        """The open board of that kind in the chat, opened now if there is none (then True);
        either way it took a fold at `at`."""
        row = await self._db.fetch_one(
            "SELECT id FROM boards WHERE chat_id = ? AND kind = ? AND closed_at IS NULL",
            (chat_id, kind.value),
        )
        if row is not None:
            await self._db.execute(
                "UPDATE boards SET folded_at = ? WHERE id = ?", (to_db(at), row[0])
            )
            return int(row[0]), False
        created = await self._db.fetch_one(
            "INSERT INTO boards (chat_id, kind, opened_at, folded_at) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            (chat_id, kind.value, to_db(at), to_db(at)),
        )
        assert created is not None
        return int(created[0]), True

    async def shown(
        self,
        board_id: int,
        slot: int,
        message_id: int,
        text: str,
        buttons: Buttons | None,
        at: datetime,
    ) -> None:
        """Telegram took the board's message `slot` (sent or edited) as it now reads."""
        await self._db.execute(
            "INSERT INTO board_messages (board_id, slot, message_id, text, buttons, shown_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (board_id, slot) DO UPDATE SET "
            "message_id = excluded.message_id, text = excluded.text, "
            "buttons = excluded.buttons, shown_at = excluded.shown_at",
            (
                board_id,
                slot,
                message_id,
                text,
                None if buttons is None else dump_buttons(buttons),
                to_db(at),
            ),
        )

    async def forget(self, board_id: int, slot: int) -> None:
        """The slot's message is gone from the chat: the next show sends it anew."""
        await self._db.execute(
            "DELETE FROM board_messages WHERE board_id = ? AND slot = ?", (board_id, slot)
        )

    async def close(self, board_id: int, at: datetime) -> None:
        """No longer edited: what it says stays in the chat; the next fold opens a new one."""
        await self._db.execute(
            "UPDATE boards SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
            (to_db(at), board_id),
        )

    async def close_chat(self, chat_id: int, at: datetime) -> None:
        """The chat is gone (a group became a supergroup): its boards stay behind, closed."""
        await self._db.execute(
            "UPDATE boards SET closed_at = ? WHERE chat_id = ? AND closed_at IS NULL",
            (to_db(at), chat_id),
        )
