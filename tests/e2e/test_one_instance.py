"""One bot per database file: a second `python -m bot` on the same file refuses to start,
says which file and which process hold it, and a killed bot leaves no lock behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.runtime.app import Application
from storage.instance_lock import AlreadyRunningError
from tests.conftest import make_settings
from tests.e2e.process import BotProcess
from tests.fakes.telegram import FakeTelegram


@pytest.mark.slow
async def test_a_second_bot_exits_naming_the_holder_and_a_killed_one_leaves_no_lock(
    tmp_path: Path, tg: FakeTelegram
) -> None:
    first = BotProcess(tmp_path, tg)
    await first.start()
    asked = len(tg.called("getMe"))
    try:
        code, output = await first.run_once()
    finally:
        await first.kill()  # as a power cut would: no cleanup, no unlock
    assert code == 2
    assert str(first.database) in output and f"pid {first.pid}" in output
    assert "Traceback" not in output
    assert len(tg.called("getMe")) == asked  # the second one never reached Telegram
    after_the_kill = BotProcess(tmp_path, tg)
    await after_the_kill.start()
    await after_the_kill.stop()


async def test_the_lock_is_held_while_the_application_runs_and_released_after(
    tmp_path: Path, tg: FakeTelegram
) -> None:
    settings = make_settings(tmp_path, telegram_api_url=tg.url)
    async with Application.running(settings):
        with pytest.raises(AlreadyRunningError, match="already in use"):
            async with Application.running(settings):
                pass
    async with Application.running(settings):
        pass
