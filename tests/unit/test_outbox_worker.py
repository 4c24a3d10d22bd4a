from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from datetime import timedelta
from pathlib import Path
from random import Random

import pytest
from aiogram import Bot
from aiogram.methods import EditMessageText, SendMessage

from bot.actions.intake import NewLead
from bot.delivery.backoff import MAX_BACKOFF, backoff
from storage import (
    LeadEventRepo,
    LeadFields,
    LeadRepo,
    LeadSource,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    PendingRow,
    StorageUnavailableError,
)
from tests.builders import HEAD_PERSON
from tests.conftest import TOKEN, World, make_worker
from tests.engines import only_sqlite
from tests.fakes.errors import network_down, not_modified, refused, retry_after, server_error
from tests.fakes.session import message_for

CHAT = -1001


async def enqueue(world: World, chat_id: int, text: str) -> int:
    """A message sent as it is, in order (one-line notices may fold: test_chat_plan)."""
    async with world.db.unit():
        return await OutboxRepo(world.db.conn).enqueue(
            chat_id, OutboxMethod.SEND, OutboxPurpose.LEAD_TEXT, text, world.clock.now()
        )


async def status(world: World, row_id: int) -> str:
    row = await OutboxRepo(world.db.conn).get(row_id)
    assert row is not None
    return row.status


async def test_a_card_is_sent_and_its_message_id_recorded_on_the_lead(world: World) -> None:
    await world.services.teams.setup(CHAT, "Sales", HEAD_PERSON)
    submitted = await world.services.intake.submit(NewLead(LeadFields(name="A"), LeadSource.HTTP))
    world.session.expect_message()
    assert await world.worker.deliver_due() == 1
    [sent] = world.session.of(SendMessage)
    assert sent.chat_id == CHAT
    lead = await LeadRepo(world.db.conn).get(submitted.lead_id)
    assert lead is not None and lead.stamp
    data = f"claim:{submitted.lead_id}:{lead.stamp}"
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == data
    assert lead is not None and lead.card_chat_id == CHAT and lead.card_message_id is not None
    kinds = [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(submitted.lead_id)]
    assert kinds[-1] == "card_posted"
    assert await world.worker.deliver_due() == 0  # sent once, not again


async def test_a_429_is_retried_exactly_after_retry_after(world: World) -> None:
    row = await enqueue(world, CHAT, "hello")
    world.session.expect(SendMessage, retry_after(30))
    await world.worker.deliver_due()
    world.clock.advance(29)
    assert await world.worker.deliver_due() == 0
    world.clock.advance(1)
    world.session.expect_message()
    assert await world.worker.deliver_due() == 1
    assert await status(world, row) == "sent"


async def test_failures_back_off_further_each_time(world: World) -> None:
    row = await enqueue(world, CHAT, "hello")
    repo = OutboxRepo(world.db.conn)
    delays = []
    for _ in range(4):
        world.session.expect(SendMessage, server_error)
        before = world.clock.now()
        await world.worker.deliver_due()
        record = await repo.get(row)
        assert record is not None and record.status == "pending"
        delays.append((record.next_attempt_at - before).total_seconds())
        world.clock.current = record.next_attempt_at
    assert delays == sorted(delays) and delays[0] <= 1 < delays[-1]
    record = await repo.get(row)
    assert (
        record is not None
        and record.attempts == 4
        and "Internal Server Error" in (record.last_error or "")
    )


def test_backoff_is_capped_and_jittered() -> None:
    rng = Random(1)
    assert all(backoff(50, rng) <= MAX_BACKOFF for _ in range(100))
    assert len({backoff(3, rng) for _ in range(20)}) > 1
    assert all(timedelta(seconds=4) <= backoff(3, rng) <= timedelta(seconds=8) for _ in range(100))


async def test_a_failing_message_holds_back_later_ones_to_the_same_chat_only(world: World) -> None:
    first = await enqueue(world, CHAT, "first")
    second = await enqueue(world, CHAT, "second")
    other = await enqueue(world, 555, "other chat")
    world.session.expect(SendMessage, network_down)
    world.session.expect_message()
    await world.worker.deliver_due()
    assert [await status(world, r) for r in (first, second, other)] == [
        "pending",
        "pending",
        "sent",
    ]
    world.clock.advance(MAX_BACKOFF.total_seconds())
    world.session.expect_message(times=2)
    await world.worker.deliver_due()
    await world.worker.deliver_due()
    texts = [call.text for call in world.session.of(SendMessage) if call.chat_id == CHAT]
    assert texts == ["first", "first", "second"]


async def posted_card(world: World) -> int:
    """A lead whose card is already in the team chat; returns the lead id."""
    await world.services.teams.setup(CHAT, "Sales", HEAD_PERSON)
    submitted = await world.services.intake.submit(NewLead(LeadFields(name="A"), LeadSource.HTTP))
    world.session.expect_message()
    await world.worker.deliver_due()
    return submitted.lead_id


async def enqueue_card_edit(world: World, lead_id: int, text: str) -> int:
    async with world.db.unit():
        return await OutboxRepo(world.db.conn).enqueue(
            CHAT,
            OutboxMethod.EDIT_CARD,
            OutboxPurpose.CARD_CLAIMED,
            text,
            world.clock.now(),
            lead_id=lead_id,
        )


async def test_an_edit_that_changes_nothing_counts_as_done(world: World) -> None:
    row = await enqueue_card_edit(world, await posted_card(world), "same")
    world.session.expect(EditMessageText, not_modified)
    await world.worker.deliver_due()
    assert await status(world, row) == "sent"


async def test_an_edit_goes_to_the_card_the_lead_recorded(world: World) -> None:
    lead_id = await posted_card(world)
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    await enqueue_card_edit(world, lead_id, "taken")
    world.session.expect(EditMessageText, message_for)
    await world.worker.deliver_due()
    [edit] = world.session.of(EditMessageText)
    assert (edit.chat_id, edit.message_id, edit.text) == (CHAT, lead.card_message_id, "taken")


async def test_a_crash_between_commit_and_send_still_posts_the_card_once(world: World) -> None:
    await world.services.teams.setup(CHAT, "Sales", HEAD_PERSON)
    await world.services.intake.submit(NewLead(LeadFields(name="A"), LeadSource.HTTP))
    # The process dies here: the lead and its card are committed, nothing was sent.
    outbox_bot = Bot(TOKEN, session=world.session)
    restarted = make_worker(world.db, outbox_bot, world.clock, world.signal, world.services, seed=1)
    world.session.expect_message()
    assert await restarted.deliver_due() == 1
    assert await restarted.deliver_due() == 0
    assert len(world.session.of(SendMessage)) == 1


async def test_the_worker_survives_a_failing_round_and_delivers_afterwards(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = asyncio.Event()

    working = OutboxRepo.pending

    async def broken(self: OutboxRepo, limit: int = 5000) -> list[PendingRow]:
        if not failed.is_set():
            failed.set()
            raise sqlite3.OperationalError("disk I/O error")
        return await working(self, limit)

    monkeypatch.setattr(OutboxRepo, "pending", broken)
    monkeypatch.setattr("bot.delivery.outbox.FAILED_ROUND_PAUSE_SECONDS", 0.0)
    task = asyncio.create_task(world.worker.run())
    try:
        await asyncio.wait_for(failed.wait(), timeout=10)  # an idle round has failed
        row = await enqueue(world, CHAT, "after the failure")
        world.session.expect_message()
        await asyncio.wait_for(until_sent(world, row), timeout=10)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def until_sent(world: World, row: int) -> None:
    while await status(world, row) != "sent":
        world.signal.notify()
        await asyncio.sleep(0)


async def test_stopping_lets_the_message_in_flight_be_recorded(world: World) -> None:
    first = await enqueue(world, CHAT, "in flight")
    second = await enqueue(world, 555, "not started")

    def stop_while_sending(method: SendMessage) -> object:
        world.worker.stop()  # SIGTERM arrives while Telegram is answering
        return message_for(method)

    world.session.expect(SendMessage, stop_while_sending)
    await asyncio.wait_for(world.worker.run(), timeout=10)
    assert [await status(world, r) for r in (first, second)] == ["sent", "pending"]


async def test_a_message_telegram_took_is_not_sent_again_while_its_record_fails(
    world: World, tmp_path: Path
) -> None:
    """Another process holds the write lock from the moment Telegram answers: the record
    waits, the message is never repeated, and it is recorded once the lock is gone."""
    only_sqlite(world.db, "SQLite's busy timeout makes the lock fail fast")
    row = await enqueue(world, CHAT, "hello")
    await world.db.conn.execute("PRAGMA busy_timeout = 20")  # fail fast, not after 5 s
    other = sqlite3.connect(tmp_path / "leads.db", isolation_level=None)

    def accepted_then_locked(method: SendMessage) -> object:
        other.execute("BEGIN IMMEDIATE")
        return message_for(method)

    world.session.expect(SendMessage, accepted_then_locked)
    try:
        for _ in range(5):  # rounds of the worker while the lock is held
            await world.worker.deliver_due()
            world.clock.advance(10)
        assert len(world.session.of(SendMessage)) == 1
        assert await status(world, row) == "pending"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert await world.worker.deliver_due() == 0  # the record, not a send
    assert await status(world, row) == "sent"
    assert len(world.session.of(SendMessage)) == 1


async def test_nothing_is_sent_while_the_database_cannot_mark_the_row(
    world: World, tmp_path: Path
) -> None:
    only_sqlite(world.db, "SQLite's busy timeout makes the lock fail fast")
    row = await enqueue(world, CHAT, "hello")
    await world.db.conn.execute("PRAGMA busy_timeout = 20")
    other = sqlite3.connect(tmp_path / "leads.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageUnavailableError):
            await world.worker.deliver_due()
        assert world.session.of(SendMessage) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    world.session.expect_message()
    assert await world.worker.deliver_due() == 1
    assert await status(world, row) == "sent"


async def test_a_row_cut_off_by_a_crash_is_marked_and_sent_again_once(world: World) -> None:
    row = await enqueue(world, CHAT, "hello")
    async with world.db.unit():
        await OutboxRepo(world.db.conn).mark_sending(row, world.clock.now())
    assert await OutboxRepo(world.db.conn).in_doubt() == 1
    world.session.expect_message()
    assert await world.worker.deliver_due() == 1
    assert await OutboxRepo(world.db.conn).in_doubt() == 0
    assert await world.worker.deliver_due() == 0


async def test_a_message_too_long_for_telegram_goes_in_parts_and_nothing_is_lost(
    world: World,
) -> None:
    await world.services.teams.setup(CHAT, "Sales", HEAD_PERSON)
    lines = [f"Лид №{n}: ООО Клиент {n}, ждёт с ночи" for n in range(400)]
    async with world.db.unit():
        await OutboxRepo(world.db.conn).enqueue(
            CHAT, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, "\n".join(lines), world.clock.now()
        )
    world.session.expect_message(times=4)
    while await world.worker.deliver_due():
        pass
    texts = [str(call.text) for call in world.session.of(SendMessage)]
    assert all(len(text.encode("utf-16-le")) // 2 <= 4096 for text in texts)
    assert "\n".join(texts).split("\n") == lines


async def test_a_message_telegram_refuses_for_good_is_reported_to_the_heads(world: World) -> None:
    await world.services.teams.setup(CHAT, "Sales", HEAD_PERSON)
    async with world.db.unit():
        await OutboxRepo(world.db.conn).enqueue(
            CHAT,
            OutboxMethod.SEND,
            OutboxPurpose.LEAD_TEXT,
            "<b>Сводка за ночь</b>",
            world.clock.now(),
        )
    world.session.expect(SendMessage, refused("Bad Request: can't parse entities"))
    world.session.expect_message()  # to the head
    while await world.worker.deliver_due():
        pass
    [_, told] = world.session.of(SendMessage)
    assert told.chat_id == HEAD_PERSON.user_id
    assert "Сообщение бота не дошло (Sales)" in told.text and "Сводка за ночь" in told.text
