"""Sends one outbox row: checks its premise, marks it, calls Telegram, records the answer,
and decides what a failure means (retry, wait out a 429, hand the lead on)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from enum import StrEnum
from typing import Protocol, TypeVar

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramMigrateToChat, TelegramRetryAfter
from aiogram.types import BufferedInputFile, Message

from bot.clock import Clock
from bot.delivery.backoff import RetryDelay
from bot.delivery.boards import CardsPosted, card_shown
from bot.delivery.pacing import Pacer
from bot.delivery.premises import broken as premise_broken
from bot.delivery.targets import CardNotPostedError, MessageGoneError, edited_message, reply_to
from bot.delivery.telegram.failures import Failure, classify, describe
from bot.delivery.telegram.markup import to_markup
from storage import Database, OutboxFile, OutboxMethod, OutboxPurpose, OutboxRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

# Failures of the network or of Telegram: retried quietly. Anything else is a bug, retried too
# (a lead must not be dropped over it) but logged with its traceback.
EXPECTED_FAILURES = (TelegramAPIError, CardNotPostedError, TimeoutError, OSError)
# A claim reminder a second early is not worth re-planning the lead's timers for.
CARD_CLOCK_SLACK = timedelta(seconds=1)


T = TypeVar("T")


class Refusals(Protocol):
    """Who decides what happens to a lead when Telegram refuses its message for good."""

    async def refused(self, row: OutboxRecord, failure: Failure, detail: str) -> None: ...

    async def chat_moved(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Move the team of `old_chat_id` to `new_chat_id`; False if no team was there."""
        ...


class Outcome(StrEnum):
    SENT = "sent"  # Telegram took it
    FAILED = "failed"  # tried: retried later, or handed on
    DROPPED = "dropped"  # never tried: it stopped being true (costs no message)


class RowSender:
    def __init__(
        self,
        db: Database,
        bot: Bot,
        clock: Clock,
        pacer: Pacer,
        refusals: Refusals,
        posted: CardsPosted,
        retry_delay: RetryDelay,
    ) -> None:
        self._db = db
        self._bot = bot
        self._clock = clock
        self._pacer = pacer
        self._refusals = refusals
        self._posted = posted
        self._retry_delay = retry_delay
        # Rows Telegram accepted whose record failed (a locked file, a full disk): their
        # answer is kept here and the record retried; the send never is.
        self._unrecorded: dict[int, tuple[OutboxRecord, int | None]] = {}

    @property
    def unrecorded(self) -> int:
        return len(self._unrecorded)

    async def record_unrecorded(self) -> bool:
        """Record what Telegram accepted but the database did not take; True when none is
        left. Until then nothing else is sent: the next write would likely fail as well."""
        for row_id, (row, message_id) in list(self._unrecorded.items()):
            try:
                await self._sent(row, message_id)
            except Exception as error:
                log.warning("outbox row %d is still not recorded as sent: %s", row_id, error)
                return False
            del self._unrecorded[row_id]
        return True

    async def send_one(self, row: OutboxRecord) -> Outcome:
        """Send the row unless its premise broke (then drop it)."""
        # Marked first: when the database cannot take even this, nothing is sent, and a
        # crash during the call leaves a mark that says the row may repeat.
        now = self._clock.now()
        async with self._db.unit() as u:
            broken = await premise_broken(u, row)
            if broken is None:
                await u.outbox.mark_sending(row.id, now)
            else:
                await u.outbox.drop(row.id, now, broken)
        if broken is not None:
            log.info("outbox row %d (%s) not sent: %s", row.id, row.purpose.value, broken)
            return Outcome.DROPPED
        try:
            message_id = await self._send(row)
        except Exception as error:
            await self._failed(row, error)
            return Outcome.FAILED
        try:
            await self._sent(row, message_id)
        except Exception as error:
            log.warning(
                "outbox row %d reached chat %d but could not be recorded (%s); the record is "
                "retried, the message is not sent again",
                row.id,
                row.chat_id,
                error,
            )
            self._unrecorded[row.id] = (row, message_id)
        return Outcome.SENT

    async def _failed(self, row: OutboxRecord, error: Exception) -> None:
        failure = Failure.REJECTED if isinstance(error, MessageGoneError) else classify(error)
        match failure:
            case Failure.NOT_MODIFIED:
                await self._sent(row, None)  # the card already says this
            case Failure.RATE_LIMITED:
                assert isinstance(error, TelegramRetryAfter)
                delay = timedelta(seconds=error.retry_after)
                self._pacer.hold(row.chat_id, (self._clock.now() + delay).timestamp())
                await self._retry(row, delay, error)
            case Failure.CHAT_MOVED:
                assert isinstance(error, TelegramMigrateToChat)
                old = int(getattr(error.method, "chat_id", row.chat_id))
                log.warning("chat %d became %d", old, error.migrate_to_chat_id)
                moved = await self._refusals.chat_moved(old, error.migrate_to_chat_id)
                if not moved or row.method is OutboxMethod.EDIT_CARD:
                    # A card left behind in the old chat cannot be edited any more; the
                    # move posts unclaimed leads' cards again in the new chat.
                    await self._refusals.refused(row, Failure.REJECTED, describe(error))
            case Failure.CHAT_GONE | Failure.REJECTED:
                log.warning(
                    "outbox row %d (%s) to chat %d refused for good: %s",
                    row.id,
                    row.purpose.value,
                    row.chat_id,
                    error,
                )
                await self._refusals.refused(row, failure, describe(error))
            case Failure.RETRY:
                if not isinstance(error, EXPECTED_FAILURES):
                    log.exception("unexpected failure sending outbox row %d", row.id)
                await self._retry(row, self._retry_delay(row.attempts), error)

    async def _send(self, row: OutboxRecord) -> int | None:
        markup = None if row.buttons is None else to_markup(row.buttons)
        match row.method:
            case OutboxMethod.SEND:
                message = await self._bot.send_message(
                    row.chat_id,
                    row.text,
                    reply_markup=markup,
                    reply_parameters=await self._read(reply_to, row),
                )
                return message.message_id
            case OutboxMethod.SEND_PHOTO:
                file = await self._read(_picture, row)
                if file is None:
                    raise MessageGoneError(f"row {row.id} has no picture to send")
                message = await self._bot.send_photo(
                    row.chat_id,
                    BufferedInputFile(file.data, file.name),
                    caption=row.text or None,
                    reply_markup=markup,
                )
                return message.message_id
            case OutboxMethod.EDIT_CARD | OutboxMethod.EDIT:
                chat_id, message_id = await self._read(edited_message, row)
                edited = await self._bot.edit_message_text(
                    chat_id=chat_id, message_id=message_id, text=row.text, reply_markup=markup
                )
                return edited.message_id if isinstance(edited, Message) else message_id

    async def _read(
        self, read: Callable[[Unit, OutboxRecord], Awaitable[T]], row: OutboxRecord
    ) -> T:
        """What sending the row needs to know, read before (never while) Telegram is called."""
        async with self._db.reading() as u:
            return await read(u, row)

    async def _sent(self, row: OutboxRecord, message_id: int | None) -> None:
        now = self._clock.now()
        async with self._db.unit() as u:
            await u.outbox.mark_sent(row.id, now, message_id)
            if row.method is OutboxMethod.SEND_PHOTO:
                await u.outbox_files.forget_done()
            if (
                row.purpose is OutboxPurpose.CARD
                and row.lead_id is not None
                and message_id is not None
            ):
                await u.leads.set_card(row.lead_id, row.chat_id, message_id)
                # A lead shown in the queue first has been claimable since then; a card
                # shown within a second of its lead keeps the clock it was written with.
                if row.board_id is None and now - row.created_at > CARD_CLOCK_SLACK:
                    await self._posted.card_posted(u, row.lead_id, now)
                await card_shown(u.events, row.lead_id, now, "outbox", row.chat_id, message_id)

    async def _retry(self, row: OutboxRecord, delay: timedelta, error: BaseException) -> None:
        log.warning(
            "outbox row %d to chat %d failed (attempt %d), retry in %.0fs: %s",
            row.id,
            row.chat_id,
            row.attempts + 1,
            delay.total_seconds(),
            error,
        )
        async with self._db.unit() as u:
            await u.outbox.reschedule(row.id, u.now + delay, repr(error))


async def _picture(u: Unit, row: OutboxRecord) -> OutboxFile | None:
    return await u.outbox_files.get(row.id)
