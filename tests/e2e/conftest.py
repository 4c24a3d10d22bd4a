from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.delivery.backoff import RetryDelay
from bot.runtime.app import Application
from tests.conftest import TOKEN, make_settings
from tests.engines import settings_for
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Group, Sent, User

HEAD = User(100, "Anna", "Head", language_code="ru")
IVAN = User(201, "Ivan", "Petrov", username="ivan", language_code="ru")
OLGA = User(202, "Olga", "Smirnova", username="olga", language_code="en")
STRANGER = User(300, "Stranger", language_code="ru")
TEAM = Group(-1001, "Отдел продаж", {HEAD.id, IVAN.id, OLGA.id, STRANGER.id})
INTAKE_TOKEN = "s3cret-intake-token"
# These tests are about what arrives, not when: flood pacing has its own tests on a fake
# clock, and one address posts all the leads here.
FAST: dict[str, object] = {
    "telegram_max_per_second": 10_000,
    "telegram_group_max_per_minute": 600_000,
    "telegram_private_max_per_second": 10_000,
    "intake_rate_limit": 100_000,
}


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TOKEN)
    for user in (HEAD, IVAN, OLGA, STRANGER):
        server.add_user(user)
    server.add_group(Group(TEAM.id, TEAM.title, set(TEAM.members)))
    await server.start()
    yield server
    await server.stop()


AppFactory = Callable[..., AbstractAsyncContextManager[Application]]


@pytest.fixture
def app_factory(tmp_path: Path, tg: FakeTelegram, database_target: Path | str) -> AppFactory:
    """Starts the real application, polling the fake server; same database every time (a
    SQLite file, or a PostgreSQL database of its own)."""
    settings = make_settings(
        tmp_path, telegram_api_url=tg.url, **FAST, **settings_for(database_target)
    )

    @asynccontextmanager
    async def running(
        first_delay: float = 1.0,
        retry_delay: RetryDelay | None = None,
        request_timeout: float = 20.0,
    ) -> AsyncIterator[Application]:
        async with Application.running(
            settings, retry_delay=retry_delay, request_timeout=request_timeout
        ) as app:
            calls_before = len(tg.called("getUpdates"))
            polling = asyncio.create_task(app.poll(handle_signals=False, first_delay=first_delay))
            await tg.wait_for(lambda: len(tg.called("getUpdates")) > calls_before)
            try:
                yield app
            finally:
                await app.dispatcher.stop_polling()
                await polling

    return running


class Intake:
    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self.http = http
        self.url = url

    async def post(self, **fields: Any) -> dict[str, Any]:
        async with self.http.post(
            f"{self.url}/leads",
            json=fields,
            headers={"Authorization": f"Bearer {INTAKE_TOKEN}"},
        ) as response:
            assert response.status == 201, await response.text()
            return await response.json()  # type: ignore[no-any-return]


@asynccontextmanager
async def intake_for(app: Application) -> AsyncIterator[Intake]:
    async with aiohttp.ClientSession() as http:
        yield Intake(http, app.intake_url)


PHONE, SHOWN_PHONE = "+7 912 345-67-89", "+79123456789"


async def claimed(tg: FakeTelegram, intake: Intake, user: User) -> tuple[int, Sent, Sent]:
    """A first-come lead with a phone, posted and claimed by `user`: its number, the team
    card, and the owner's card (the one with the phone)."""
    lead_id = (await intake.post(name="ООО Ромашка", phone=PHONE))["id"]
    card = await tg.wait_message(TEAM.id, f"Новый лид №{lead_id}")
    await tg.press(user, card)
    return lead_id, card, await tg.wait_message(user.id, SHOWN_PHONE)


async def set_up_team(tg: FakeTelegram) -> None:
    """The head runs /setup; Ivan joins through the deep link, Olga with the button."""
    await tg.say(HEAD, TEAM.id, "/setup")
    welcome = await tg.wait_message(TEAM.id, "Вступить")

    answer = await tg.press(IVAN, welcome)
    assert answer["url"] == "https://t.me/leads_test_bot?start=join-1"
    await tg.say(IVAN, IVAN.id, "/start join-1")
    await tg.wait_message(IVAN.id, "Вы в команде")

    tg.started.add(OLGA.id)  # Olga opened the bot's private chat earlier
    answer = await tg.press(OLGA, welcome)
    assert "You are in team" in answer["text"]
    await tg.wait_message(OLGA.id, "You are in team")
    await work_around_the_clock(tg)


async def command(tg: FakeTelegram, text: str, expect: str) -> Sent:
    """The head sends `text` in private; wait for a new answer containing `expect`."""
    seen = len(tg.chat(HEAD.id))
    await tg.say(HEAD, HEAD.id, text)
    await tg.wait_for(lambda: any(expect in m.text for m in tg.chat(HEAD.id)[seen:]))
    return next(m for m in tg.chat(HEAD.id)[seen:] if expect in m.text)


async def work_around_the_clock(tg: FakeTelegram) -> None:
    """These tests run on the real clock, at any hour and on any day: the team works all
    the time, so that a lead is routed, not held for the morning. Working hours have their
    own tests on a fake clock."""
    await command(tg, "/set work_days daily", "Сохранено: рабочие дни")
    await command(tg, "/set work_hours 00:00-24:00", "Сохранено: рабочие часы")


# A card's heading: new while the lead waits, then who has it, then closed.
CARD_TITLE = re.compile(r"^(?:🔥 Новый лид|📋 Лид|🏁 Лид) №(\d+)")


def cards_by_lead(tg: FakeTelegram, chat_id: int = TEAM.id) -> Counter[int]:
    """How many cards each lead has in the chat: more than one is a repeated message."""
    return Counter(
        int(match.group(1))
        for sent in tg.chat(chat_id)
        if (match := CARD_TITLE.search(sent.text.split("\n")[0]))
    )
