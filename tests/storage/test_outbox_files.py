"""A picture rides with its 'send_photo' outbox row and goes once the row is done with."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage import Database, OutboxFile, OutboxMethod, OutboxPurpose
from tests.engines import REFUSED
from tests.repos import bare

T0 = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


async def photo(db: Database, chat_id: int) -> int:
    async with db.unit() as repos:
        row_id = await repos.outbox.enqueue(
            chat_id, OutboxMethod.SEND_PHOTO, OutboxPurpose.WEEKLY_REPORT, "caption", T0
        )
        await repos.outbox_files.put(row_id, OutboxFile("week.png", PNG))
    return row_id


async def test_a_picture_is_read_back_whole_and_forgotten_once_its_row_is_done(
    db: Database,
) -> None:
    sent, dropped, waiting = [await photo(db, chat) for chat in (100, 101, 102)]
    files = bare(db).outbox_files
    assert await files.get(sent) == OutboxFile("week.png", PNG)
    async with db.unit() as repos:
        await repos.outbox.mark_sent(sent, T0, 555)
        await repos.outbox.drop(dropped, T0, "test")
        assert await repos.outbox_files.forget_done() == 2
    assert await files.get(sent) is None and await files.get(dropped) is None
    assert await files.get(waiting) == OutboxFile("week.png", PNG)
    [row] = [r.record for r in await bare(db).outbox.pending() if r.record.id == waiting]
    assert row.method is OutboxMethod.SEND_PHOTO and row.text == "caption"


async def test_a_picture_needs_a_row_and_a_row_keeps_one_picture(db: Database) -> None:
    row_id = await photo(db, 100)
    with pytest.raises(REFUSED):
        async with db.unit() as repos:
            await repos.outbox_files.put(row_id, OutboxFile("again.png", PNG))
    with pytest.raises(REFUSED):
        async with db.unit() as repos:
            await repos.outbox_files.put(424242, OutboxFile("orphan.png", PNG))
