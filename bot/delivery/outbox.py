"""Sends what the outbox holds, in order per chat, retrying until Telegram accepts it."""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramMigrateToChat, TelegramRetryAfter
from aiogram.types import Message

from bot.clock import Clock
from bot.delivery.backoff import RetryDelay, jittered_backoff
from bot.delivery.failures import Failure, classify, describe
from bot.delivery.markup import to_markup
from bot.delivery.pacing import Pacer, SendLimits
from bot.delivery.premises import Premises
from bot.delivery.signal import OutboxSignal
from bot.delivery.targets import CardNotPostedError, MessageGoneError, Targets
from storage import (
    Database,
    LeadEvent,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
)

log = logging.getLogger(__name__)

MAX_IDLE_SECONDS = 30.0
FAILED_ROUND_PAUSE_SECONDS = 5.0


# Failures of the network or of Telegram: retried quietly. Anything else is a bug, retried too
# (a lead must not be dropped over it) but logged with its traceback.
EXPECTED_FAILURES = (TelegramAPIError, CardNotPostedError, TimeoutError, OSError)


class Refusals(Protocol):
    """Who decides what happens to a lead when Telegram refuses its message for good."""

    async def refused(self, row: OutboxRecord, failure: Failure, detail: str) -> None: ...

    async def chat_moved(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Move the team of `old_chat_id` to `new_chat_id`; False if no team was there."""
        ...


class CardsPosted(Protocol):
    """Who starts a lead's clock when its card reaches the team chat."""

    async def card_posted(self, lead_id: int, at: datetime) -> None: ...


class OutboxWorker:
    def __init__(
        self,
        db: Database,
        bot: Bot,
        clock: Clock,
        signal: OutboxSignal,
        refusals: Refusals,
        posted: CardsPosted,
        *,
        limits: SendLimits | None = None,
        retry_delay: RetryDelay | None = None,
    ) -> None:
        self._db = db
        self._bot = bot
        self._clock = clock
        self._signal = signal
        self._refusals = refusals
        self._posted = posted
        self._pacer = Pacer(limits or SendLimits(), clock.now().timestamp())
        # S311: the randomness only spreads retries apart; it guards no secret.
        self._retry_delay = retry_delay or jittered_backoff(random.Random())  # noqa: S311
        self._outbox = db.repos.outbox
        self._leads = db.repos.leads
        self._events = db.repos.events
        self._premises = Premises(db.repos)
        self._targets = Targets(self._leads, self._outbox)
        self._stopping = False
        # Rows Telegram accepted whose record failed (a locked file, a full disk): their
        # answer is kept here and the record retried; the send never is.
        self._unrecorded: dict[int, tuple[OutboxRecord, int | None]] = {}

    def stop(self) -> None:
        """Finish the message in flight, then return from run(). Cancelling instead could
        interrupt a send after Telegram took it but before it was recorded: a repeat."""
        self._stopping = True
        self._signal.notify()

    async def run(self) -> None:
        await self._warn_in_doubt()
        while not self._stopping:
            try:
                if not await self._record_unrecorded():
                    idle = FAILED_ROUND_PAUSE_SECONDS
                else:
                    rows = await self._heads()
                    if await self._send_due(rows):
                        continue
                    # Nothing went, so `rows` are still the heads: no need to read them again.
                    idle = self._idle_seconds(self._earliest(rows))
            except Exception:
                # Nothing may end delivery for good: a database hiccup is retried shortly.
                log.exception("outbox round failed")
                idle = FAILED_ROUND_PAUSE_SECONDS
            await self._signal.wait(idle)
        if not await self._record_unrecorded():
            log.error(
                "outbox: %d message(s) reached Telegram but could not be recorded before the "
                "stop; they will be sent again at the next start",
                len(self._unrecorded),
            )

    async def _warn_in_doubt(self) -> None:
        try:
            doubtful = await self._outbox.in_doubt()
        except Exception:
            log.exception("outbox: could not look for messages cut off by the last stop")
            return
        if doubtful:
            log.warning(
                "outbox: %d message(s) were being sent when the bot last stopped; Telegram may "
                "have shown them, and they are sent again",
                doubtful,
            )

    async def _record_unrecorded(self) -> bool:
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

    def _idle_seconds(self, wakeup: datetime | None) -> float:
        if wakeup is None:
            return MAX_IDLE_SECONDS
        wait = (wakeup - self._clock.now()).total_seconds()
        return min(max(wait, 0.0), MAX_IDLE_SECONDS)

    async def next_wakeup(self) -> datetime | None:
        """When the next row may go, counting both its retry time and the flood limits."""
        return self._earliest(await self._heads())

    def _earliest(self, rows: list[OutboxRecord]) -> datetime | None:
        now = self._clock.now()
        return min((self._ready_at(row, now) for row in rows), default=None)

    def _ready_at(self, row: OutboxRecord, now: datetime) -> datetime:
        paced = now + timedelta(seconds=self._pacer.wait(row.chat_id, now.timestamp()))
        return max(row.next_attempt_at, paced)

    async def _heads(self) -> list[OutboxRecord]:
        async with self._db.consistent_read():
            return await self._outbox.heads()

    async def deliver_due(self) -> int:
        """Send each chat's oldest row if it is due and the limits allow; return how many."""
        if not await self._record_unrecorded():
            return 0
        return await self._send_due(await self._heads())

    async def _send_due(self, rows: list[OutboxRecord]) -> int:
        tried = 0
        for row in rows:
            if self._stopping:
                break
            now = self._clock.now()
            if row.next_attempt_at > now or not self._pacer.take(row.chat_id, now.timestamp()):
                continue
            # One at a time: a crash can then repeat at most the one message in flight.
            await self._send_one(row)
            tried += 1
        return tried

    async def _send_one(self, row: OutboxRecord) -> None:
        # Marked first: when the database cannot take even this, nothing is sent, and a
        # crash during the call leaves a mark that says the row may repeat.
        now = self._clock.now()
        async with self._db.transaction():
            broken = await self._premises.broken(row)
            if broken is None:
                await self._outbox.mark_sending(row.id, now)
            else:
                await self._outbox.drop(row.id, now, broken)
        if broken is not None:
            log.info("outbox row %d (%s) not sent: %s", row.id, row.purpose.value, broken)
            return
        try:
            message_id = await self._send(row)
        except Exception as error:
            await self._failed(row, error)
            return
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
        if row.method is OutboxMethod.SEND:
            message = await self._bot.send_message(
                row.chat_id,
                row.text,
                reply_markup=markup,
                reply_parameters=await self._targets.reply(row),
            )
            return message.message_id
        chat_id, message_id = await self._targets.edited_message(row)
        edited = await self._bot.edit_message_text(
            chat_id=chat_id, message_id=message_id, text=row.text, reply_markup=markup
        )
        return edited.message_id if isinstance(edited, Message) else message_id

    async def _sent(self, row: OutboxRecord, message_id: int | None) -> None:
        now = self._clock.now()
        async with self._db.transaction():
            await self._outbox.mark_sent(row.id, now, message_id)
            if (
                row.purpose is OutboxPurpose.CARD
                and row.lead_id is not None
                and message_id is not None
            ):
                await self._leads.set_card(row.lead_id, row.chat_id, message_id)
                await self._posted.card_posted(row.lead_id, now)
                await self._events.add(
                    LeadEvent(
                        row.lead_id,
                        now,
                        "card_posted",
                        reason="outbox",
                        details={"chat_id": row.chat_id, "message_id": message_id},
                    )
                )

    async def _retry(self, row: OutboxRecord, delay: timedelta, error: BaseException) -> None:
        log.warning(
            "outbox row %d to chat %d failed (attempt %d), retry in %.0fs: %s",
            row.id,
            row.chat_id,
            row.attempts + 1,
            delay.total_seconds(),
            error,
        )
        async with self._db.transaction():
            await self._outbox.reschedule(row.id, self._clock.now() + delay, repr(error))
