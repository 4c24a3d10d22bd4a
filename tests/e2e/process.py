"""The real bot as its own process (`python -m bot`), for tests that kill it."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from tests.conftest import TOKEN
from tests.e2e.conftest import HEAD, INTAKE_TOKEN
from tests.fakes.telegram import FakeTelegram


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    def __init__(
        self,
        folder: Path,
        tg: FakeTelegram,
        database: Path | str | None = None,
        name: str = "bot",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.folder = folder
        self.tg = tg
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        # A SQLite file in the folder, or a PostgreSQL database several processes share.
        self.database: Path | str = database or folder / "leads.db"
        self.extra = extra or {}
        self._process: asyncio.subprocess.Process | None = None

    def _env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
        return {
            **keep,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": self.tg.url,
            **(
                {"DATABASE_URL": self.database}
                if isinstance(self.database, str)
                else {"DATABASE_PATH": str(self.database)}
            ),
            "ADMIN_IDS": str(HEAD.id),
            "INTAKE_HOST": "127.0.0.1",
            "INTAKE_PORT": str(self.port),
            "INTAKE_TOKEN": INTAKE_TOKEN,
            # A real team chat takes 20 messages a minute; this test is about crashes.
            "INTAKE_RATE_LIMIT": "100000",
            "TELEGRAM_MAX_PER_SECOND": "100000",
            "TELEGRAM_GROUP_MAX_PER_MINUTE": "6000000",
            "TELEGRAM_PRIVATE_MAX_PER_SECOND": "100000",
            **self.extra,
        }

    async def run_once(self, timeout: float = 30) -> tuple[int, str]:
        """Another `python -m bot` on the same set-up, to its exit: (exit code, output)."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=self.folder,
            env=self._env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            output, _ = await asyncio.wait_for(process.communicate(), timeout=timeout)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise AssertionError("the second bot kept running") from None
        assert process.returncode is not None
        return process.returncode, output.decode()

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    async def start(self, polls_too: bool = True) -> None:
        """Start it and wait until it serves; with `polls_too`, until it polls as well (a
        standby process beside a leader never does)."""
        polls = len(self.tg.called("getUpdates"))
        with self.log.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=self.folder,  # no stray .env from the repository
                env=self._env(),
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
        await self._until_serving()
        if polls_too:
            await self.tg.wait_for(lambda: len(self.tg.called("getUpdates")) > polls, timeout=30)

    async def _until_serving(self) -> None:
        async with aiohttp.ClientSession() as http:
            for _ in range(300):
                assert self._process is not None
                if self._process.returncode is not None:
                    raise AssertionError(f"the bot exited: {self.log.read_text()}")
                try:
                    async with http.get(f"{self.url}/health") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"the bot did not start: {self.log.read_text()}")

    async def until_delivered(self, timeout: float = 60) -> None:
        """Until /health says the outbox is empty: everything sent and recorded."""
        async with aiohttp.ClientSession() as http:
            for _ in range(int(timeout * 10)):
                async with http.get(f"{self.url}/health") as response:
                    if (await response.json())["queue"]["pending"] == 0:
                        return
                await asyncio.sleep(0.1)
        raise AssertionError(f"the outbox did not drain: {self.log.read_text()}")

    async def kill(self) -> None:
        """SIGKILL: no cleanup, no flush, as when the power goes."""
        assert self._process is not None
        self._process.send_signal(signal.SIGKILL)
        await self._process.wait()

    async def stop(self) -> None:
        assert self._process is not None
        if self._process.returncode is not None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self._process.wait(), timeout=20)
        except TimeoutError:
            await self.kill()
            raise AssertionError(f"the bot ignored SIGTERM: {self.log.read_text()}") from None
        assert self._process.returncode == 0, self.log.read_text()
