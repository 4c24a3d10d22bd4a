"""Delivers what the outbox holds: each round plans every chat's budget (`chatplan`), folds
what would flood a chat into its boards, and sends what the budget allows."""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter

from bot.clock import Clock
from bot.delivery.backoff import RetryDelay, jittered_backoff
from bot.delivery.boards import Boards, CardsPosted
from bot.delivery.chatplan import DIGEST_WINDOW, FOLD_HORIZON, Action, Kind, Plan, Step, plan
from bot.delivery.long_rows import split_long_rows
from bot.delivery.pacing import Pacer, SendLimits
from bot.delivery.planning import BoardState, ChatRows, by_chat, chat_view, kind_of
from bot.delivery.premises import broken as premise_broken
from bot.delivery.sender import Outcome, Refusals, RowSender
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.failures import Failure, classify
from storage import BoardKind, Database, OutboxMethod, OutboxPurpose
from storage.unit import Unit

log = logging.getLogger(__name__)

MAX_IDLE_SECONDS = 30.0
FAILED_ROUND_PAUSE_SECONDS = 5.0
_WINDOW = timedelta(seconds=DIGEST_WINDOW)
BUNDLE_GAP = "\n\n— — —\n\n"

__all__ = ["CardsPosted", "OutboxWorker", "Refusals"]


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
        self._clock = clock
        self._signal = signal
        self._pacer = Pacer(limits or SendLimits(), clock.now().timestamp())
        # S311: the randomness only spreads retries apart; it guards no secret.
        delay = retry_delay or jittered_backoff(random.Random())  # noqa: S311
        self._sender = RowSender(db, bot, clock, self._pacer, refusals, posted, delay)
        self._boards = Boards(db, bot, posted)
        self._stopping = False
        # When a one-line notice last reached each chat, and its row if it went on its own:
        # lines coming faster fold into a digest that grows out of that message.
        self._last_line: dict[int, tuple[datetime, int | None]] = {}

    def stop(self) -> None:
        """Finish the message in flight, then return from run(). Cancelling instead could
        interrupt a send after Telegram took it but before it was recorded: a repeat."""
        self._stopping = True
        self._signal.notify()

    async def run(self) -> None:
        await self._warn_in_doubt()
        while not self._stopping:
            try:
                if not await self._sender.record_unrecorded():
                    idle = FAILED_ROUND_PAUSE_SECONDS
                else:
                    sent, wakeup = await self._round()
                    if sent:
                        continue
                    idle = self._idle_seconds(wakeup)
            except Exception:
                # Nothing may end delivery for good: a database hiccup is retried shortly.
                log.exception("outbox round failed")
                idle = FAILED_ROUND_PAUSE_SECONDS
            await self._signal.wait(idle)
        if not await self._sender.record_unrecorded():
            log.error(
                "outbox: %d message(s) reached Telegram but could not be recorded before the "
                "stop; they will be sent again at the next start",
                self._sender.unrecorded,
            )

    async def _warn_in_doubt(self) -> None:
        try:
            async with self._db.reading() as u:
                doubtful = await u.outbox.in_doubt()
        except Exception:
            log.exception("outbox: could not look for messages cut off by the last stop")
            return
        if doubtful:
            log.warning(
                "outbox: %d message(s) were being sent when the bot last stopped; Telegram may "
                "have shown them, and they are sent again",
                doubtful,
            )

    def _idle_seconds(self, wakeup: datetime | None) -> float:
        if wakeup is None:
            return MAX_IDLE_SECONDS
        wait = (wakeup - self._clock.now()).total_seconds()
        return min(max(wait, 0.0), MAX_IDLE_SECONDS)

    async def deliver_due(self) -> int:
        """One round: fold what must fold, send what the limits allow; return how many."""
        if not await self._sender.record_unrecorded():
            return 0
        sent, _ = await self._round()
        return sent

    async def next_wakeup(self) -> datetime | None:
        """When something may go next, counting retry times and the flood limits."""
        _, wakeup = await self._round(dry=True)
        return wakeup

    async def _round(self, *, dry: bool = False) -> tuple[int, datetime | None]:
        now = self._clock.now()
        async with self._db.reading() as u:
            pending = await u.outbox.pending()
            boards = await self._boards.states(u)
        chats = by_chat(pending)
        if not dry and await split_long_rows(self._db, list(chats.values())):
            return await self._round()
        for chat_id in boards:
            chats.setdefault(chat_id, ChatRows(chat_id))
        sent = 0
        wakeups: list[datetime] = []
        for chat in chats.values():
            if self._stopping:
                break
            view = chat_view(
                chat.chat_id,
                chat.rows,
                boards.get(chat.chat_id, {}),
                now,
                self._last_line.get(chat.chat_id, (None, None))[0],
                DIGEST_WINDOW,
                self._pacer.room(chat.chat_id, now.timestamp(), FOLD_HORIZON),
            )
            budget = 0 if dry or self._pacer.wait(chat.chat_id, now.timestamp()) > 0 else 1
            chosen = plan(view, budget)
            if not dry:
                await self._free(chat, chosen, now)
                for action in chosen.actions:
                    if self._stopping or not self._pacer.take(
                        chat.chat_id, self._clock.now().timestamp()
                    ):
                        break
                    if await self._act(chat, action, boards.get(chat.chat_id, {})):
                        sent += 1
                    else:
                        self._pacer.give_back(chat.chat_id, self._clock.now().timestamp())
            if not chosen.actions and plan(view, 1).actions:
                wait = self._pacer.wait(chat.chat_id, now.timestamp())
                wakeups.append(now + timedelta(seconds=wait))
            wakeups.extend(
                row.record.next_attempt_at
                for row in chat.rows
                if row.record.next_attempt_at > now and not row.after_own
            )
        return sent, min(wakeups, default=None)

    async def _free(self, chat: ChatRows, chosen: Plan, now: datetime) -> None:
        """What costs no message: drop what will never be needed, fold into boards."""
        orphans = [row.record.id for row in chat.rows if row.orphan]
        if not (
            chosen.superseded or orphans or chosen.fold_cards or chosen.fold_lines or chosen.bundle
        ):
            return
        async with self._db.unit() as u:
            for row_id in chosen.superseded:
                await u.outbox.drop(row_id, now, "a later edit of the same message says more")
            for row_id in orphans:
                await u.outbox.drop(row_id, now, "the message it edits was never sent")
            if chosen.bundle:
                await self._bundle(u, chat, chosen.bundle, now)
            for kind, row_ids in (
                (BoardKind.QUEUE, chosen.fold_cards),
                (BoardKind.DIGEST, chosen.fold_lines),
            ):
                if kind is BoardKind.DIGEST and row_ids:
                    await self._boards.close_finished_digest(u, chat.chat_id, now - _WINDOW, now)
                keep = []
                for row_id in row_ids:
                    broken = await premise_broken(u, chat.record(row_id))
                    if broken is None:
                        keep.append(row_id)
                    else:
                        await u.outbox.drop(row_id, now, broken)
                last, adopt = self._last_line.get(chat.chat_id, (None, None))
                # A group's digest grows out of the line just sent; a private chat's is a
                # new message, so that it rings.
                recent = last is not None and now - last < _WINDOW and chat.chat_id < 0
                adopt = adopt if kind is BoardKind.DIGEST and recent else None
                await self._boards.fold(u, chat.chat_id, kind, keep, now, adopt)

    async def _bundle(
        self, u: Unit, chat: ChatRows, row_ids: tuple[int, ...], now: datetime
    ) -> None:
        """The full cards of the offers a manager accepted, in one message that goes first
        (split if long); each offer is still edited into its card afterwards."""
        texts = []
        for row_id in row_ids:
            record = chat.record(row_id)
            broken = await premise_broken(u, record)
            if broken is None:
                texts.append(record.text)
            else:
                await u.outbox.drop(row_id, now, broken)
        if not texts:
            return
        await u.outbox.enqueue(
            chat.chat_id, OutboxMethod.SEND, OutboxPurpose.CONTACTS, BUNDLE_GAP.join(texts), now
        )
        # The bundle is a row this round did not see: its commit wakes the worker again.
        await u.outbox.bundle(row_ids, now)

    async def _act(
        self, chat: ChatRows, action: Action, boards: dict[BoardKind, BoardState]
    ) -> bool:
        """Carry out one paid step; False if it called Telegram for nothing after all."""
        match action.step:
            case Step.SEND:
                row = next(r for r in chat.rows if r.record.id == action.row_id)
                outcome = await self._sender.send_one(row.record)
                if outcome is Outcome.SENT and kind_of(row) is Kind.LINE:
                    self._last_line[chat.chat_id] = (self._clock.now(), row.record.id)
                return outcome is not Outcome.DROPPED
            case Step.SHOW_QUEUE:
                return await self._show(chat.chat_id, BoardKind.QUEUE)
            case Step.SHOW_DIGEST:
                self._last_line[chat.chat_id] = (self._clock.now(), None)
                return await self._show(chat.chat_id, BoardKind.DIGEST)
            case Step.UNFOLD:
                queue = boards.get(BoardKind.QUEUE)
                row_id = queue.oldest_waiting if queue is not None else None
                if row_id is None:
                    return False
                async with self._db.reading() as u:
                    record = await u.outbox.get(row_id)
                if record is None:
                    return False
                return await self._sender.send_one(record) is not Outcome.DROPPED

    async def _show(self, chat_id: int, kind: BoardKind) -> bool:
        """Bring one of the board's messages up to date; a failure leaves it stale, to be
        tried again when the chat's limits allow. False if it was up to date already."""
        stale = await self._boards.pending_slot(chat_id, kind)
        if stale is None:
            return False
        state, index = stale
        try:
            message_id = await self._boards.show(state, index)
        except Exception as error:
            await self._board_failed(state, index, error)
            return True
        await self._boards.shown(state, index, message_id, self._clock.now())
        return True

    async def _board_failed(self, state: BoardState, index: int, error: Exception) -> None:
        chat_id = state.record.chat_id
        now = self._clock.now()
        match classify(error):
            case Failure.NOT_MODIFIED:
                shown = next(m for m in state.record.messages if m.slot == index)
                await self._boards.shown(state, index, shown.message_id, now)
            case Failure.RATE_LIMITED:
                assert isinstance(error, TelegramRetryAfter)
                self._pacer.hold(chat_id, now.timestamp() + error.retry_after)
            case Failure.REJECTED if index in {m.slot for m in state.record.messages}:
                log.warning("board %d message %d is gone: %s", state.record.id, index, error)
                await self._boards.forget(state, index)
            case _:
                log.warning("board %d in chat %d not shown: %s", state.record.id, chat_id, error)
                self._pacer.hold(chat_id, now.timestamp() + FAILED_ROUND_PAUSE_SECONDS)
