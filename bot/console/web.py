"""The console's routes on the intake app: the page (`GET /app`, static files shipped in the
package, no build step) and its JSON API (`/app/api/…`). Every API call proves its sender
with Telegram's signed launch data (`auth.py`); there are no cookies, so no request can be
forged from another site with the head's credentials (no CSRF)."""

from __future__ import annotations

import json
import logging
import math
from importlib.resources import files

from aiohttp import web
from pydantic import SecretStr

from bot.clock import Clock
from bot.console.auth import Opener, Refused, opener
from bot.handlers.routing.rule_views import situation_line
from bot.i18n import Html, Translator, plain_text, translator
from bot.ids import row_number
from bot.intake.client_guard import ClientGuard
from bot.intake.http import json_answer, read_body, too_large
from bot.intake.parse import IntakeError
from bot.intake.ratelimit import ClientLimiter
from bot.people import Person
from bot.routing import Mode
from bot.services.console import Caller, ConsoleService, Role
from bot.services.managers import Change
from bot.team_settings import MODE

log = logging.getLogger(__name__)

_STATIC = files("bot.console") / "static"
_ASSETS = {
    "app.js": "text/javascript",
    "app.css": "text/css",
}
# What the page says, from the catalog in the opener's language; the page fills in the
# named blanks itself.
_TEXTS: dict[str, tuple[str, ...]] = {
    "console.title": (),
    "console.mode": (),
    "console.settings": (),
    "console.settings_hint": (),
    "console.saved": ("mode",),
    "console.manager": (),
    "console.failed": ("error",),
    "console.team": (),
    "console.leads": ("count",),
    "console.weight": ("weight",),
    "console.cap": ("cap",),
    "console.skills": ("skills",),
    "console.back_on": ("day",),
    "console.deputy": ("name",),
    "console.pause": (),
    "console.resume": (),
    "console.rules": (),
    "console.rules_none": (),
    "console.rules_hint": (),
    "console.moved": ("number", "to"),
}
# The page runs our script and Telegram's, and talks to this server only.
_POLICY = (
    "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
)


class ConsoleHandlers:
    def __init__(
        self,
        console: ConsoleService,
        token: SecretStr,
        clock: Clock,
        limiter: ClientLimiter,
        guard: ClientGuard,
    ) -> None:
        self._console = console
        self._token = token
        self._clock = clock
        self._limiter = limiter
        self._guard = guard

    async def page(self, request: web.Request) -> web.Response:
        return _static("index.html", "text/html")

    async def asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in _ASSETS:
            raise web.HTTPNotFound(reason="no such file")
        return _static(name, _ASSETS[name])

    async def me(self, request: web.Request) -> web.Response:
        who, caller = await self._caller(request)
        team = caller.team
        return json_answer(
            {
                "role": caller.role.value,
                "user_id": who.user_id,
                "name": who.full_name,
                "language": _tr(who).language,
                "team": {"id": team.id, "title": team.title} if team else None,
                "texts": _texts(_tr(who)),
            },
            200,
        )

    async def get_team(self, request: web.Request) -> web.Response:
        who, _ = await self._caller(request, Role.HEAD)
        return await self._team(who)

    async def patch_team(self, request: web.Request) -> web.Response:
        """`{"mode": …}` changes the mode exactly as /mode does; anything else is refused
        and changes nothing."""
        who, _ = await self._caller(request, Role.HEAD)
        change = await _json_object(request)
        unknown = sorted(set(change) - {"mode"})
        if unknown:
            raise IntakeError(400, f"cannot change {', '.join(unknown)} here")
        if "mode" in change:
            try:
                mode = Mode(str(change["mode"]))
            except ValueError:
                known = ", ".join(m.value for m in Mode)
                raise IntakeError(400, f"mode is one of: {known}") from None
            result = await self._console.set_mode(mode)
            if result.outcome is Change.NO_TEAM:
                raise IntakeError(409, "the team is not set up yet: /setup in its chat")
            log.info("console: user %d set the mode to %s", who.user_id, mode.value)
        return await self._team(who)

    async def get_members(self, request: web.Request) -> web.Response:
        who, _ = await self._caller(request, Role.HEAD)
        return await self._members(who)

    async def post_pause(self, request: web.Request) -> web.Response:
        """`{"paused": true}` or `false` for one member: as /pause @name, /resume @name."""
        who, _ = await self._caller(request, Role.HEAD)
        change = await _json_object(request)
        paused = change.get("paused")
        if set(change) != {"paused"} or not isinstance(paused, bool):
            raise IntakeError(400, 'body is {"paused": true} or {"paused": false}')
        member_id = row_number(request.match_info["member_id"])
        head = Person(who.user_id, who.full_name, who.username, who.language_code)
        result = None if member_id is None else await self._console.pause(head, member_id, paused)
        if result is None or result.outcome is Change.NOT_FOUND:
            raise IntakeError(404, "no such member in the team")
        if result.outcome is Change.NO_TEAM:
            raise IntakeError(409, "the team is not set up yet: /setup in its chat")
        return await self._members(who)

    async def get_rules(self, request: web.Request) -> web.Response:
        who, _ = await self._caller(request, Role.HEAD)
        return await self._rules(who)

    async def post_rule_move(self, request: web.Request) -> web.Response:
        """`{"from": 3, "to": 1}`: as /rule move 3 1 (rules counted from 1, as /rules shows
        them)."""
        who, _ = await self._caller(request, Role.HEAD)
        change = await _json_object(request)
        source, target = change.get("from"), change.get("to")
        if set(change) != {"from", "to"} or not (_whole(source) and _whole(target)):
            raise IntakeError(400, 'body is {"from": 3, "to": 1}: rule numbers as /rules shows')
        assert isinstance(source, int) and isinstance(target, int)
        head = Person(who.user_id, who.full_name, who.username, who.language_code)
        answer = await self._console.move_rule(head, source, target)
        if answer.key != "rule.moved":
            status = 409 if answer.key == "team.none" else 400
            raise IntakeError(status, plain_text(_tr(who)(answer.key, **answer.params)))
        log.info("console: user %d moved rule %d to %d", who.user_id, source, target)
        return await self._rules(who)

    async def _rules(self, who: Opener) -> web.Response:
        situation = await self._console.rules()
        if situation is None:
            raise IntakeError(409, "the team is not set up yet: /setup in its chat")
        tr = _tr(who)
        rules = [
            {"number": rule.number, "text": plain_text(situation_line(rule, situation, tr))}
            for rule in situation.rules
        ]
        default = tr("rules.default", mode=tr("mode." + situation.settings[MODE].value))
        return json_answer({"rules": rules, "default": plain_text(default)}, 200)

    async def _members(self, who: Opener) -> web.Response:
        rows = await self._console.members(_tr(who))
        if rows is None:
            raise IntakeError(409, "the team is not set up yet: /setup in its chat")
        return json_answer({"members": rows}, 200)

    async def _team(self, who: Opener) -> web.Response:
        shown = await self._console.team(_tr(who))
        if shown is None:
            raise IntakeError(409, "the team is not set up yet: /setup in its chat")
        return json_answer(shown, 200)

    async def _caller(
        self, request: web.Request, needs: Role | None = None
    ) -> tuple[Opener, Caller]:
        """Who sent the request, and their rights now: 429 over the rate limit (counted
        before the signature, so that guessing is slow too), 401 without proof, 403 without
        the right."""
        client = self._guard.proxies.client(request.remote, request.headers.get("X-Forwarded-For"))
        wait = self._limiter.admit(client)
        if wait > 0:
            raise IntakeError(429, f"too many requests; retry in {max(1, math.ceil(wait))} s")
        header = request.headers.get("Authorization", "")
        try:
            who = opener(header, self._token.get_secret_value(), self._clock.now())
        except Refused as error:
            log.info(
                "console: refused %s %s from %s: %s", request.method, request.path, client, error
            )
            raise IntakeError(401, str(error)) from None
        caller = await self._console.caller(who.user_id)
        if caller is None or (needs is Role.HEAD and caller.role is not Role.HEAD):
            log.info("console: user %d may not %s %s", who.user_id, request.method, request.path)
            raise IntakeError(403, "this is for the heads of sales of the team")
        return who, caller


def _texts(tr: Translator) -> dict[str, str]:
    blanks = {
        key: {name: Html("{" + name + "}") for name in names} for key, names in _TEXTS.items()
    }
    return {key: plain_text(tr(key, **blanks[key])) for key in _TEXTS}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _tr(who: Opener) -> Translator:
    return translator(who.language_code)


def _static(name: str, content_type: str) -> web.Response:
    body = (_STATIC / name).read_bytes()
    response = web.Response(body=body, content_type=content_type, charset="utf-8")
    response.headers["Content-Security-Policy"] = _POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-cache"
    return response


async def _json_object(request: web.Request) -> dict[str, object]:
    body, over = await read_body(request)
    if over:
        raise too_large()
    try:
        data = json.loads(body or b"null")
    except (ValueError, RecursionError):
        raise IntakeError(400, "body is not valid JSON") from None
    if not isinstance(data, dict):
        raise IntakeError(400, 'body is a JSON object, like {"mode": "round_robin"}')
    return data


def add_console(app: web.Application, handlers: ConsoleHandlers) -> None:
    app.router.add_get("/app", handlers.page)
    app.router.add_get("/app/{name}", handlers.asset)
    app.router.add_get("/app/api/me", handlers.me)
    app.router.add_get("/app/api/team", handlers.get_team)
    app.router.add_patch("/app/api/team", handlers.patch_team)
    app.router.add_get("/app/api/members", handlers.get_members)
    app.router.add_post("/app/api/members/{member_id}/pause", handlers.post_pause)
    app.router.add_get("/app/api/rules", handlers.get_rules)
    app.router.add_post("/app/api/rules/move", handlers.post_rule_move)
