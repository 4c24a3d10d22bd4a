"""A unit of work: its own repositories, one clock reading, and events handed over only
after its commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.actions.reactions import AfterCommit
from bot.delivery.signal import OutboxSignal
from storage import Database, OutboxDue, OutboxMethod, OutboxPurpose, Unit
from storage.unit import ReadOnlyUnitError
from tests.repos import bare

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Happened:
    what: str


class Recorder:
    def __init__(self) -> None:
        self.batches: list[list[object]] = []

    def __call__(self, events: Sequence[object]) -> None:
        self.batches.append(list(events))


@pytest.fixture
def heard(db: Database) -> Recorder:
    recorder = Recorder()
    db.on_commit = recorder
    return recorder


async def test_events_are_handed_over_after_the_commit_in_order(
    db: Database, heard: Recorder
) -> None:
    async with db.unit() as u:
        await u.emit(Happened("first"))
        await u.emit(Happened("second"))
        assert heard.batches == []  # nothing runs while the transaction is open
    assert heard.batches == [[Happened("first"), Happened("second")]]


async def test_a_rolled_back_unit_hands_over_nothing_and_writes_nothing(
    db: Database, heard: Recorder
) -> None:
    async def change_then_fail() -> None:
        async with db.unit() as u:
            await u.teams.create(-1, "Отдел", "ru", 1, T0)
            await u.outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, "x", T0)
            await u.emit(Happened("never"))
            raise LookupError

    with pytest.raises(LookupError):
        await change_then_fail()
    assert heard.batches == []
    assert await bare(db).teams.all() == []
    assert await bare(db).outbox.pending() == []


async def test_a_unit_that_queued_messages_wakes_the_outbox_once(
    db: Database, heard: Recorder
) -> None:
    async with db.unit() as u:
        for text in ("a", "b", "c"):
            await u.outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, text, T0)
    async with db.unit() as u:
        team = await u.teams.create(-1, "Отдел", "ru", 1, T0)
        assert await u.teams.pause(team.id, T0, "removed")
    async with db.unit() as u:
        assert await u.teams.resume(team.id)  # its held rows became sendable
    async with db.unit() as u:
        assert not await u.teams.resume(team.id)  # not paused: nothing was held
    assert heard.batches == [[OutboxDue()], [], [OutboxDue()], []]


async def test_each_unit_reads_the_clock_once_and_has_repositories_of_its_own(
    db: Database,
) -> None:
    readings = iter([T0, T0 + timedelta(minutes=1)])
    db.now = lambda: next(readings)
    async with db.unit() as first:
        assert first.now == T0
        assert first.now == T0  # the same reading all through the unit
    async with db.reading() as second:
        assert second.now == T0 + timedelta(minutes=1)
    assert first.leads is not second.leads


async def test_a_reading_unit_cannot_emit(db: Database, heard: Recorder) -> None:
    async with db.reading() as u:
        with pytest.raises(ReadOnlyUnitError):
            await u.emit(Happened("lost"))
    assert heard.batches == []


class CountingSignal(OutboxSignal):
    def __init__(self) -> None:
        super().__init__()
        self.woken = 0

    def notify(self) -> None:
        self.woken += 1
        super().notify()


async def test_the_reactions_wake_the_outbox_and_refuse_an_event_nobody_handles() -> None:
    signal = CountingSignal()
    react = AfterCommit(signal)
    react([OutboxDue()])
    assert signal.woken == 1
    with pytest.raises(LookupError, match="Happened"):
        react([Happened("unknown")])


async def test_what_an_event_writes_is_written_in_its_unit_in_order_and_fails_with_it(
    db: Database, heard: Recorder
) -> None:
    async def tell(u: Unit, event: object) -> None:
        await u.outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, str(event), T0)
        if event == Happened("fails"):
            raise LookupError

    db.on_emit = tell
    async with db.unit() as u:
        await u.emit(Happened("told"))
        # What the use case writes after the event comes after the event's news.
        await u.outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, "then", T0)
    texts = [p.record.text for p in await bare(db).outbox.pending()]
    assert texts == [str(Happened("told")), "then"]
    assert heard.batches == [[Happened("told"), OutboxDue()]]  # its rows wake the outbox

    async def fails() -> None:
        async with db.unit() as u:
            await u.emit(Happened("fails"))

    with pytest.raises(LookupError):
        await fails()
    assert len(await bare(db).outbox.pending()) == 2  # the failed unit's row went with it
    assert len(heard.batches) == 1
