"""A Bot API session that records every call and refuses any call a test did not expect."""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import EditMessageText, SendMessage, SendPhoto, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, InlineKeyboardMarkup, Message

Responder = Callable[[Any], Any] | BaseException | Any


class UnexpectedCallError(AssertionError):
    pass


_message_ids = itertools.count(1000)


def message_for(method: SendMessage | EditMessageText | SendPhoto) -> Message:
    """What Telegram answers to a sendMessage, editMessageText or sendPhoto."""
    chat_id = int(method.chat_id) if method.chat_id is not None else 0
    chat_type = "private" if chat_id > 0 else "supergroup"
    message_id = (
        method.message_id
        if isinstance(method, EditMessageText) and method.message_id
        else next(_message_ids)
    )
    return Message(
        message_id=message_id,
        date=datetime(2026, 12, 1, tzinfo=UTC),
        chat=Chat(id=chat_id, type=chat_type),
        text=None if isinstance(method, SendPhoto) else method.text,
        caption=method.caption if isinstance(method, SendPhoto) else None,
        reply_markup=(
            method.reply_markup if isinstance(method.reply_markup, InlineKeyboardMarkup) else None
        ),
    )


class _OfflineSession(BaseSession):
    """Nothing to close, and no file downloads: no test expects one."""

    async def close(self) -> None:
        pass

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise UnexpectedCallError(f"unexpected download of {url}")
        yield b""


class RecordingSession(_OfflineSession):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self._expected: dict[type, deque[Responder]] = defaultdict(deque)

    def expect(
        self, method: type[TelegramMethod[Any]], result: Responder = True, times: int = 1
    ) -> None:
        """Allow `times` more calls of `method`; each answers `result` (a value, a callable
        taking the call, or an exception to raise)."""
        for _ in range(times):
            self._expected[method].append(result)

    def expect_message(
        self,
        method: type[SendMessage | EditMessageText | SendPhoto] = SendMessage,
        times: int = 1,
    ) -> None:
        self.expect(method, message_for, times)

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.calls.append(method)
        queue = self._expected.get(type(method))
        if not queue:
            raise UnexpectedCallError(f"unexpected {method.__api_method__}: {method.model_dump()}")
        responder = queue.popleft()
        if isinstance(responder, BaseException):
            raise responder
        if callable(responder):
            return responder(method)  # type: ignore[no-any-return]
        return responder  # type: ignore[no-any-return]

    def withdraw(self, method: type[TelegramMethod[Any]]) -> None:
        """Take back the calls of `method` allowed and not made."""
        self._expected.pop(method, None)

    def unused(self) -> dict[str, int]:
        return {m.__name__: len(q) for m, q in self._expected.items() if q}

    def of(self, method: type[TelegramMethod[Any]]) -> list[Any]:
        return [call for call in self.calls if isinstance(call, method)]


class SharedSession(_OfflineSession):
    """A second session whose calls land in the same RecordingSession.

    The application gives handlers and the outbox separate sessions (only the handlers'
    retries in place); this lets tests do the same while vetting all calls in one list.
    """

    def __init__(self, recording: RecordingSession) -> None:
        super().__init__()
        self._recording = recording

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        return await self._recording.make_request(bot, method, timeout)
