"""Webhook mode, end to end: the real application serving WEBHOOK_URL on its intake server,
and the fake Bot API delivering updates to it as Telegram does (the secret header, several
at once, retried until answered 200)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.runtime.app import Application
from bot.runtime.webhook import check_webhook
from bot.team_settings import CAP
from storage import LeadStatus
from tests.conftest import make_settings
from tests.e2e.conftest import (
    FAST,
    HEAD,
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    intake_for,
    set_up_team,
)
from tests.e2e.process import free_port
from tests.e2e.test_lead_life import offer_of
from tests.fakes.telegram import FakeTelegram
from tests.repos import bare


def webhook_settings(tmp_path: Path, tg: FakeTelegram, port: int) -> Settings:
    return make_settings(
        tmp_path,
        telegram_api_url=tg.url,
        intake_port=port,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        **FAST,
    )


def help_update(update_id: int, message_id: int) -> dict[str, object]:
    """The head's /help in private, as Telegram delivers it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": message_id,
            "date": 1_800_000_000,
            "chat": {"id": HEAD.id, "type": "private", "first_name": "Anna"},
            "from": HEAD.json(),
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


@asynccontextmanager
async def webhook_app(settings: Settings, tg: FakeTelegram) -> AsyncIterator[Application]:
    async with Application.running(settings) as app:
        registered = len(tg.webhook.history)
        serving = asyncio.create_task(app.serve_webhook(first_delay=0.1))
        await tg.wait_for(lambda: len(tg.webhook.history) > registered)
        try:
            yield app
        finally:
            serving.cancel()
            with suppress(asyncio.CancelledError):
                await serving


async def test_updates_come_by_webhook_each_once_and_taps_at_once_make_one_owner(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    settings = webhook_settings(tmp_path, tg, free_port())
    async with webhook_app(settings, tg) as app, intake_for(app) as intake:
        hook = tg.webhook.hook
        assert hook is not None
        assert hook.secret == settings.webhook_token() and len(hook.secret) == 64
        assert hook.max_connections == 40
        assert hook.allowed_updates is not None and "callback_query" in hook.allowed_updates
        await set_up_team(tg)
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        # Telegram delivers these three at once: one claim wins, the others are told.
        answers = await asyncio.gather(*(tg.press(user, card) for user in (IVAN, OLGA, HEAD)))
        assert sum("ваш" in a["text"] or "yours" in a["text"] for a in answers) == 1
        await tg.wait_for(lambda: tg.pending_updates() == 0)  # each answered 200 once handled
        assert tg.called("getUpdates") == []
        assert set(tg.webhook.delivered.values()) == {1}


async def test_a_request_without_the_secret_is_refused_and_not_handled(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    settings = webhook_settings(tmp_path, tg, port)
    update = help_update(999, 1)
    async with webhook_app(settings, tg), aiohttp.ClientSession() as http:
        sent_before = len(tg.called("sendMessage"))
        url = f"http://127.0.0.1:{port}/telegram"
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
            async with http.post(url, data=json.dumps(update), headers=headers) as response:
                assert response.status == 401
        await asyncio.sleep(0)
        assert len(tg.called("sendMessage")) == sent_before


async def test_a_body_with_the_secret_that_is_no_update_is_answered_200_and_changes_nothing(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    settings = webhook_settings(tmp_path, tg, port)
    secret = {"X-Telegram-Bot-Api-Secret-Token": settings.webhook_token() or ""}
    async with webhook_app(settings, tg), aiohttp.ClientSession() as http:
        sent_before = len(tg.called("sendMessage"))
        url = f"http://127.0.0.1:{port}/telegram"
        for body in (b"not json", b"[1, 2]", b'{"message": {}}', b'"update"', b"\xff\xfe"):
            async with http.post(url, data=body, headers=secret) as response:
                assert response.status == 200, body
        assert len(tg.called("sendMessage")) == sent_before
    refused = [r for r in caplog.records if "is not an update" in r.getMessage()]
    assert len(refused) == 5 and all(r.exc_info is None for r in refused)


async def test_updates_waiting_at_a_restart_are_each_handled_once(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    settings = webhook_settings(tmp_path, tg, free_port())
    async with webhook_app(settings, tg):
        await set_up_team(tg)
    # The bot is down: Telegram keeps the updates and keeps trying.
    for text in ("/stats", "/my", "/help"):
        await tg.say(HEAD, HEAD.id, text)
    await tg.wait_for(lambda: tg.webhook.hook is not None and tg.webhook.hook.last_error)
    assert tg.pending_updates() == 3
    answered = len([m for m in tg.chat(HEAD.id)])
    async with webhook_app(settings, tg) as app:
        await tg.wait_for(lambda: tg.pending_updates() == 0)
        await tg.wait_for(lambda: len(tg.chat(HEAD.id)) >= answered + 3)
        assert set(tg.webhook.delivered.values()) == {1}
        # /health shows what the bot last asked Telegram (every minute; here at once).
        await check_webhook(app.bot, app.pulse)
        health = (await app.services.health.check()).as_json()
        # Telegram keeps reporting its latest failed delivery, as the real one does.
        assert health["webhook"] == {
            "pending_updates": 0,
            "last_error": tg.webhook.info().get("last_error_message"),
        }
        assert health["telegram"] is True


async def test_going_back_to_polling_deletes_the_webhook(
    tg: FakeTelegram, tmp_path: Path, app_factory: AppFactory
) -> None:
    async with webhook_app(webhook_settings(tmp_path / "w", tg, free_port()), tg):
        pass
    assert tg.webhook.hook is not None  # still set at Telegram while the bot is away
    async with app_factory():  # polling, as without WEBHOOK_URL
        assert tg.webhook.hook is None
        await set_up_team(tg)


async def test_accepts_returns_and_settings_delivered_at_once_stay_consistent(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    settings = webhook_settings(tmp_path, tg, free_port())
    async with webhook_app(settings, tg) as app, intake_for(app) as intake:
        await set_up_team(tg)
        await tg.say(HEAD, HEAD.id, "/set mode round_robin")
        await tg.wait_message(HEAD.id, "Сохранено: режим распределения")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        offer = await offer_of(tg, IVAN, created["id"])
        # Accept and Return of one offer, and two settings, arrive together.
        accept, give_back = offer.button("offer:accept"), offer.button("offer:return")
        taps = asyncio.gather(tg.press(IVAN, offer, accept), tg.press(IVAN, offer, give_back))
        await asyncio.gather(
            taps, tg.say(HEAD, HEAD.id, "/set cap 7"), tg.say(HEAD, HEAD.id, "/set cap 9")
        )
        await tg.wait_for(lambda: tg.pending_updates() == 0)
        lead = await bare(app.db).leads.get(created["id"])
        # Return only opens its menu of reasons, and only while the lead is still offered.
        assert lead is not None and lead.status is LeadStatus.TAKEN
        assert set(tg.webhook.delivered.values()) == {1}
        await tg.wait_for(lambda: "+79123456789" in offer.text)  # the contacts, in place
        _team, team_settings = await app.services.managers.settings()
        assert team_settings[CAP] in (7, 9)  # the later of the two, whichever that was


async def test_an_update_delivered_twice_is_handled_once(tg: FakeTelegram, tmp_path: Path) -> None:
    """Telegram delivers again what it thinks went unanswered (a timeout; behind the proxy,
    perhaps to another process): the second delivery is answered 200 and changes nothing."""
    port = free_port()
    settings = webhook_settings(tmp_path, tg, port)
    update = help_update(4242, 7)
    secret = {"X-Telegram-Bot-Api-Secret-Token": settings.webhook_token() or ""}
    tg.started.add(HEAD.id)
    async with webhook_app(settings, tg) as app, aiohttp.ClientSession() as http:
        url = f"http://127.0.0.1:{port}/telegram"
        sent = []
        for _ in range(2):
            async with http.post(url, data=json.dumps(update), headers=secret) as response:
                assert response.status == 200
            sent.append(len(tg.called("sendMessage")))
        assert sent[0] > 0 and sent[1] == sent[0]  # the /help answer, once
        row = await app.db.conn.fetch_one(
            "SELECT done_at IS NOT NULL FROM updates_seen WHERE update_id = 4242"
        )
        assert row is not None and row[0]
