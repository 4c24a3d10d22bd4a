"""A restore never hands over the wrong client: no lead number is issued twice, a button from
before the restore changes nothing and says why, and the leads the copy lacks are named to
whoever restores and to the heads."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot.runtime.cli import back_up, put_back
from storage import Database, LeadRepo, OutboxPurpose, OutboxRepo
from tests.builders import HEAD, IVAN, TEAM_CHAT, button_update
from tests.conftest import World, make_settings, make_world
from tests.dispatcher.conftest import add_member, lead_count, make_team, new_lead, stamped
from tests.engines import only_sqlite, settings_for, target_of
from tests.fakes.clock import FakeClock


@asynccontextmanager
async def started_again(
    tmp_path: Path, clock: FakeClock, target: Path | str
) -> AsyncIterator[World]:
    """The bot started on the database as it now is."""
    db = await Database.open(target)
    try:
        world = make_world(tmp_path, db, clock)
        await world.services.heads.load()
        await world.services.restores.tell()
        yield world
    finally:
        await db.close()


async def tap(world: World, data: str) -> AnswerCallbackQuery:
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, data))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    return answer


async def before_the_copy(world: World, tmp_path: Path) -> tuple[Path, str]:
    """A team with two leads, a copy of the database, then a third lead for another client;
    the third lead's Claim button, as its card in the chat carries it."""
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    await new_lead(world, "ООО Лютик")
    settings = make_settings(tmp_path, **settings_for(target_of(world.db)))
    copy = tmp_path / ("copy.db" if world.db.engine.name == "sqlite" else "copy.dump")
    assert back_up(settings, copy, world.clock.now()) == 0
    third = await new_lead(world, "ООО Чужой клиент", phone="+7 900 000-00-03")
    assert third == 3
    return copy, await stamped(world, f"claim:{third}")


async def test_a_restore_names_the_dropped_leads_and_never_issues_their_numbers_again(
    world: World, tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    copy, old_claim = await before_the_copy(world, tmp_path)
    target = target_of(world.db)
    await world.db.close()

    settings = make_settings(tmp_path, **settings_for(target_of(world.db)))
    # In a thread, as the command runs: on PostgreSQL it runs an event loop of its own.
    assert await asyncio.to_thread(put_back, settings, copy, clock.now()) == 0
    out = capsys.readouterr().out
    assert "№3 ООО Чужой клиент, +7 900 000-00-03" in out
    [kept] = (tmp_path / "backups").glob("*-before-restore.*")
    assert str(kept) in out and "с 4: ни один не повторится" in out

    async with started_again(tmp_path, clock, target) as again:
        # The heads hear it at the start, with the same leads and where they are kept.
        [notice] = [
            row
            for row in await OutboxRepo(again.db.conn).pending()
            if row.record.purpose is OutboxPurpose.HEAD_NOTICE
        ]
        assert notice.record.chat_id == HEAD.id
        assert "№3 — ООО Чужой клиент, +7 900 000-00-03" in notice.record.text
        assert str(kept) in notice.record.text
        assert await again.services.restores.tell() == 0  # told once

        # The old card's button names a lead the database no longer has: nothing changes.
        answer = await tap(again, old_claim)
        assert answer.show_alert
        assert answer.text is not None and answer.text.startswith("Лида №3 в базе нет")
        assert await lead_count(again) == 2

        # A new lead takes a number no lead had before, and the old button still fails.
        assert await new_lead(again, "Новый клиент") == 4
        answer = await tap(again, old_claim)
        assert answer.text is not None and answer.text.startswith("Лида №3 в базе нет")
        fresh = await LeadRepo(again.db.conn).get(4)
        assert fresh is not None and fresh.owner_id is None


async def test_a_database_put_back_by_hand_still_refuses_another_leads_button(
    world: World, tmp_path: Path, clock: FakeClock
) -> None:
    only_sqlite(world.db, "a file copied over by hand")
    copy, old_claim = await before_the_copy(world, tmp_path)
    await world.db.close()
    # Copied over the file by hand, past `restore`: number 3 is issued again.
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"leads.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(copy, tmp_path / "leads.db")

    async with started_again(tmp_path, clock, tmp_path / "leads.db") as again:
        assert await new_lead(again, "Другой клиент", phone="+7 900 000-00-99") == 3
        answer = await tap(again, old_claim)
        assert answer.show_alert
        assert answer.text == (
            "Эта кнопка — от прежнего лида №3: базу восстановили из копии, и под этим "
            "номером теперь другой лид. Кнопка ничего не изменила."
        )
        lead = await LeadRepo(again.db.conn).get(3)
        assert lead is not None and lead.owner_id is None  # nobody got a stranger's phone
        # The new lead's own button works.
        answer = await tap(again, await stamped(again, "claim:3"))
        assert answer.text == "Лид №3 ваш. Контакты — в личном чате."
