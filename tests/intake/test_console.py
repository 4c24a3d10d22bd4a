"""The console's API on a real 127.0.0.1 port: every call proves its sender with launch data
Telegram signed for this bot (HMAC-SHA256 with the key HMAC("WebAppData", token)), at most
a day old; the rights are read from the database on each call; a change goes through the
same use case as the command, with the same history."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from urllib.parse import urlencode

import pytest
from aiogram.methods import EditMessageText
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.console.web import ConsoleHandlers, add_console
from bot.intake.client_guard import ClientGuard
from bot.intake.parse import MAX_BODY_BYTES
from bot.intake.ratelimit import ClientLimiter
from bot.intake.web import make_intake_app
from bot.presentation.callbacks import ModeCb
from bot.routing import Mode
from bot.team_settings import MODE
from storage import MemberRepo
from tests.builders import HEAD, IVAN, OLGA, STRANGER
from tests.conftest import TOKEN, World
from tests.dispatcher.conftest import add_member, make_team, reply_to
from tests.dispatcher.test_lead_life import tap
from tests.intake.conftest import STORAGE_WAIT

Client = TestClient[web.Request, web.Application]


def signed(
    user_id: int,
    at: datetime,
    token: str = TOKEN,
    language: str = "ru",
    **extra: str,
) -> str:
    """Launch data as Telegram makes it for `token`'s bot."""
    user = {"id": user_id, "first_name": "U", "language_code": language}
    fields = {
        "query_id": "AAH",
        "user": json.dumps(user, separators=(",", ":")),
        "auth_date": str(int(at.timestamp())),
        **extra,
    }
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    key = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(key, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def console_app(world: World, per_minute: int = 100_000) -> web.Application:
    guard = ClientGuard.of(world.services.refusals, world.clock)
    handlers = ConsoleHandlers(
        world.services.console,
        SecretStr(TOKEN),
        world.clock,
        ClientLimiter(per_minute, world.clock),
        guard,
    )
    app = make_intake_app(
        world.services.intake,
        world.services.health,
        world.services.refusals,
        None,
        ClientLimiter(100_000, world.clock),
        world.services.sources,
        guard,
        storage_wait=STORAGE_WAIT,
    )
    add_console(app, handlers)  # as the application does (bot/runtime/serving.py)
    return app


@pytest.fixture
async def console(world: World) -> AsyncIterator[Client]:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    async with TestClient(TestServer(console_app(world), host="127.0.0.1")) as client:
        yield client


def auth(world: World, user_id: int, language: str = "ru") -> dict[str, str]:
    return {"Authorization": f"tma {signed(user_id, world.clock.now(), language=language)}"}


async def test_me_names_the_role_the_database_gives_now(world: World, console: Client) -> None:
    head = await (await console.get("/app/api/me", headers=auth(world, HEAD.id))).json()
    assert (head["role"], head["user_id"], head["team"]["title"]) == (
        "head",
        HEAD.id,
        "Отдел продаж",
    )
    assert head["texts"]["console.saved"] == "Сохранено: {mode}."
    manager = await console.get("/app/api/me", headers=auth(world, IVAN.id, language="en"))
    body = await manager.json()
    assert (manager.status, body["role"], body["language"]) == (200, "manager", "en")
    assert body["texts"]["console.title"] == "Team console"
    stranger = await console.get("/app/api/me", headers=auth(world, STRANGER.id))
    assert stranger.status == 403


async def test_a_head_added_and_removed_from_telegram_is_refused_at_once(
    world: World, console: Client
) -> None:
    await reply_to(world, HEAD, "/head add @ivan")
    assert (await console.get("/app/api/team", headers=auth(world, IVAN.id))).status == 200
    await reply_to(world, HEAD, "/head del @ivan")
    assert (await console.get("/app/api/team", headers=auth(world, IVAN.id))).status == 403
    me = await console.get("/app/api/me", headers=auth(world, IVAN.id))
    assert (await me.json())["role"] == "manager"


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer s3cret",
        "tma ",
        "tma user=%7B%22id%22%3A100%7D&auth_date=1&hash=00",
        "tma " + "a" * 5000,
    ],
    ids=["none", "bearer", "empty", "forged", "too-long"],
)
async def test_no_proof_is_401_and_says_why(world: World, console: Client, header: str) -> None:
    response = await console.get("/app/api/me", headers={"Authorization": header})
    assert response.status == 401
    assert (await response.json())["error"]


async def test_another_bots_stale_or_future_launch_data_is_401(
    world: World, console: Client
) -> None:
    now = world.clock.now()
    cases = {
        "another bot": signed(HEAD.id, now, token="654321:OTHER-TOKEN"),
        "a day and a minute old": signed(HEAD.id, now - timedelta(days=1, minutes=1)),
        "from the future": signed(HEAD.id, now + timedelta(hours=1)),
        "altered": signed(HEAD.id, now).replace("auth_date=", "auth_date=1"),
    }
    for case, data in cases.items():
        response = await console.get("/app/api/me", headers={"Authorization": f"tma {data}"})
        assert response.status == 401, case
    fresh = signed(HEAD.id, now - timedelta(hours=23))
    assert (
        await console.get("/app/api/me", headers={"Authorization": f"tma {fresh}"})
    ).status == 200


async def test_the_team_screen_is_for_heads_and_shows_every_setting(
    world: World, console: Client
) -> None:
    response = await console.get("/app/api/team", headers=auth(world, HEAD.id))
    team = await response.json()
    assert team["mode"] == "first_come"
    assert [m["value"] for m in team["modes"]] == [m.value for m in Mode]
    by_name = {s["name"]: s for s in team["settings"]}
    assert by_name["accept_timeout"]["value"] == "10m"
    assert by_name["accept_timeout"]["shown"] == "10 мин"
    assert by_name["claim_remind"]["label"] == "напоминание в чате о невзятом лиде"
    assert "<" not in json.dumps(team, ensure_ascii=False)  # plain text, no Telegram HTML
    manager = await console.get("/app/api/team", headers=auth(world, IVAN.id))
    assert manager.status == 403
    patched = await console.patch(
        "/app/api/team", json={"mode": "round_robin"}, headers=auth(world, IVAN.id)
    )
    assert patched.status == 403


async def test_changing_the_mode_here_is_changing_it_with_the_command(
    world: World, console: Client
) -> None:
    response = await console.patch(
        "/app/api/team", json={"mode": "round_robin"}, headers=auth(world, HEAD.id)
    )
    assert response.status == 200 and (await response.json())["mode"] == "round_robin"
    # The /mode button, for the comparison: the same history, the same state.
    world.session.expect_message(EditMessageText)
    await tap(world, HEAD, ModeCb(mode=Mode.LEAST_LOADED).pack())
    rows = await world.db.conn.fetch_all("SELECT name, old_value FROM setting_changes ORDER BY id")
    assert [tuple(r) for r in rows] == [("mode", None), ("mode", "round_robin")]
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.LEAST_LOADED


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"{", "body is not valid JSON"),
        (b"[]", "body is a JSON object"),
        (b'{"mode": "chaos"}', "mode is one of: first_come"),
        (b'{"mode": 5}', "mode is one of"),
        (b'{"cap": 5}', "cannot change cap here"),
    ],
)
async def test_a_bad_change_is_400_and_changes_nothing(
    world: World, console: Client, body: bytes, error: str
) -> None:
    response = await console.patch("/app/api/team", data=body, headers=auth(world, HEAD.id))
    assert response.status == 400
    assert (await response.json())["error"].startswith(error)
    _, settings = await world.services.managers.settings()
    assert settings[MODE] is Mode.FIRST_COME


async def test_a_body_over_the_limit_is_413(world: World, console: Client) -> None:
    big = b'{"mode": "' + b"x" * (MAX_BODY_BYTES + 1) + b'"}'
    response = await console.patch("/app/api/team", data=big, headers=auth(world, HEAD.id))
    assert response.status == 413


async def test_the_page_and_its_files_are_served_with_a_strict_policy(
    world: World, console: Client
) -> None:
    page = await console.get("/app")
    assert page.status == 200 and page.content_type == "text/html"
    assert "telegram-web-app.js" in await page.text()
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self' https://telegram.org" in policy
    script = await console.get("/app/app.js")
    assert script.status == 200 and script.content_type == "text/javascript"
    assert "tma ${launch}" in await script.text()
    assert (await console.get("/app/app.css")).status == 200
    assert (await console.get("/app/..%2Fweb.py")).status == 404
    assert (await console.get("/app/index.html")).status == 404


async def test_too_many_calls_are_429_before_any_signature_is_checked(world: World) -> None:
    await make_team(world)
    async with TestClient(TestServer(console_app(world, per_minute=2), host="127.0.0.1")) as c:
        statuses = [(await c.get("/app/api/me")).status for _ in range(3)]
    assert statuses == [401, 401, 429]


async def test_the_team_screen_shows_each_members_state_now(world: World, console: Client) -> None:
    await reply_to(world, HEAD, "/weight @ivan 2")
    response = await console.get("/app/api/members", headers=auth(world, HEAD.id))
    [ivan] = (await response.json())["members"]
    assert (ivan["name"], ivan["state"], ivan["weight"]) == ("Ivan", "free", 2)
    assert ivan["state_label"] == "🟢 лидов в работе нет"
    assert (await console.get("/app/api/members", headers=auth(world, IVAN.id))).status == 403


async def test_a_pause_here_is_the_pause_of_the_command(world: World, console: Client) -> None:
    [ivan_id] = [m.id for m in await MemberRepo(world.db.conn).active(1)]
    address = f"/app/api/members/{ivan_id}/pause"
    paused = await console.post(address, json={"paused": True}, headers=auth(world, HEAD.id))
    assert paused.status == 200
    assert [m["state"] for m in (await paused.json())["members"]] == ["paused"]
    # Ended with the command: the same pause, kept as one (member_pauses).
    assert await reply_to(world, HEAD, "/resume @ivan") == (
        "Пауза снята: Ivan. Лиды снова будут приходить."
    )
    rows = await world.db.conn.fetch_all("SELECT ended_at IS NOT NULL FROM member_pauses")
    assert [bool(r[0]) for r in rows] == [True]
    again = await console.post(address, json={"paused": False}, headers=auth(world, HEAD.id))
    assert again.status == 200  # already so: nothing changes, the list says how it is


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/app/api/members/{ivan}/pause", {"paused": "yes"}, 400),
        ("/app/api/members/{ivan}/pause", {"paused": True, "x": 1}, 400),
        ("/app/api/members/999/pause", {"paused": True}, 404),
        ("/app/api/members/ivan/pause", {"paused": True}, 404),
    ],
)
async def test_a_bad_pause_is_refused_and_changes_nothing(
    world: World, console: Client, path: str, body: dict[str, object], status: int
) -> None:
    [ivan_id] = [m.id for m in await MemberRepo(world.db.conn).active(1)]
    address = path.format(ivan=ivan_id)
    response = await console.post(address, json=body, headers=auth(world, HEAD.id))
    assert response.status == status
    assert (await response.json())["error"]
    member = await MemberRepo(world.db.conn).by_id(ivan_id)
    assert member is not None and member.paused_at is None


async def two_rules(world: World) -> None:
    """Two rules for the same leads: the first in the list decides."""
    await add_member(world, (await make_team(world)), OLGA)
    await reply_to(world, HEAD, "/rule add industry=medical -> @ivan")
    await reply_to(world, HEAD, "/rule add industry=medical -> @olga")


async def test_the_rules_screen_lists_the_chain_in_order(world: World, console: Client) -> None:
    await two_rules(world)
    answer = await (await console.get("/app/api/rules", headers=auth(world, HEAD.id))).json()
    assert [r["text"] for r in answer["rules"]] == [
        "1. отрасль = medical → Ivan",
        "2. отрасль = medical → Olga",
    ]
    assert answer["default"] == "Остальные лиды: режим отдела — Кто успел."
    assert (await console.get("/app/api/rules", headers=auth(world, IVAN.id))).status == 403


async def test_moving_a_rule_here_is_moving_it_with_the_command(
    world: World, console: Client
) -> None:
    await two_rules(world)
    moved = await console.post(
        "/app/api/rules/move", json={"from": 2, "to": 1}, headers=auth(world, HEAD.id)
    )
    assert moved.status == 200
    assert [r["text"][-4:] for r in (await moved.json())["rules"]] == ["Olga", "Ivan"]
    # The command moves it back: the history has both moves, as for two commands.
    assert (await reply_to(world, HEAD, "/rule move 2 1")).startswith("Правило 2 теперь")
    rows = await world.db.conn.fetch_all("SELECT old_rules FROM rule_changes ORDER BY id")
    assert len(rows) == 4  # two adds, two moves


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"from": 3, "to": 1}, 400, "Правила 3 нет"),
        ({"from": 1, "to": 0}, 400, "Правила 0 нет"),
        ({"from": "1", "to": 2}, 400, 'body is {"from": 3, "to": 1}'),
        ({"from": True, "to": 2}, 400, 'body is {"from": 3, "to": 1}'),
        ({"from": 1}, 400, 'body is {"from": 3, "to": 1}'),
    ],
)
async def test_a_bad_move_is_refused_and_changes_nothing(
    world: World, console: Client, body: dict[str, object], status: int, error: str
) -> None:
    await two_rules(world)
    response = await console.post("/app/api/rules/move", json=body, headers=auth(world, HEAD.id))
    assert response.status == status
    assert (await response.json())["error"].startswith(error)
    answer = await (await console.get("/app/api/rules", headers=auth(world, HEAD.id))).json()
    assert [r["text"][-4:] for r in answer["rules"]] == ["Ivan", "Olga"]
