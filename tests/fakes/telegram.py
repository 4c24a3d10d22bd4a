"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

It speaks the real JSON shapes for the methods the bot uses, keeps chats and messages as
Telegram would, checks Telegram's HTML the way Telegram does (an unescaped `<` is an error,
not a tag), and answers any method it does not know with 404 like the real server.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.fakes.telegram_html import MAX_TEXT, ApiError, parse_html, utf16_length
from tests.fakes.telegram_objects import Group, Sent, User

JSON_FIELDS = {
    "reply_markup",
    "allowed_updates",
    "commands",
    "scope",
    "link_preview_options",
    "entities",
}
INT_FIELDS = {"chat_id", "message_id", "user_id", "offset", "limit", "timeout"}


class FakeTelegram:
    def __init__(self, token: str = "123456:TEST-TOKEN") -> None:
        self.token = token
        self.bot = {
            "id": int(token.split(":", maxsplit=1)[0]),
            "is_bot": True,
            "first_name": "Leads",
            "username": "leads_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.users: dict[int, User] = {}
        self.groups: dict[int, Group] = {}
        self.started: set[int] = set()  # users who opened the bot's private chat
        self.messages: dict[tuple[int, int], Sent] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.faults: dict[str, list[ApiError]] = {}  # method -> errors to answer, in turn
        self.url = ""
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda p: self.bot,
            "deletewebhook": lambda p: True,
            "setmycommands": lambda p: True,
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_reply_markup,
            "answercallbackquery": self._answer_callback_query,
            "getchatmember": self._get_chat_member,
        }

    # ---- server -------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        # handler_cancellation: a long poll whose client went away ends at once, as on Telegram.
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        name = request.match_info["method"].lower()
        method = self._methods.get(name)
        if method is None:
            return _error(ApiError(404, "Not Found"))
        params = await _params(request)
        self.calls.append((name, params))
        async with self._changed:
            self._changed.notify_all()
        if self.faults.get(name):
            return _error(self.faults[name].pop(0))
        try:
            result = method(params)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as error:
            return _error(error)
        async with self._changed:
            self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    # ---- methods ------------------------------------------------------------------------

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = params.get("offset", 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout", 0))
        async with self._changed:
            while not self._updates and time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
                except TimeoutError:
                    break
        return list(self._updates[: params.get("limit", 100)])

    def _chat_json(self, chat_id: int) -> dict[str, Any]:
        if chat_id in self.groups:
            return self.groups[chat_id].json()
        user = self.users.get(chat_id)
        if user is None:
            raise ApiError(400, "Bad Request: chat not found")
        return {"id": user.id, "type": "private", "first_name": user.first_name}

    def _message_json(self, sent: Sent) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": self._chat_json(sent.chat_id),
            "from": self.bot,
            "text": sent.text,
        }
        if sent.edits:
            data["edit_date"] = int(time.time())
        if sent.reply_markup:
            data["reply_markup"] = sent.reply_markup
        return data

    def _check_text(self, params: dict[str, Any]) -> tuple[str, list[str]]:
        html = params.get("text", "")
        visible, links = parse_html(html) if params.get("parse_mode") == "HTML" else (html, [])
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        return visible, links

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        if chat_id > 0 and chat_id not in self.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        self._chat_json(chat_id)
        visible, links = self._check_text(params)
        sent = Sent(
            chat_id,
            next(self._message_ids),
            visible,
            params["text"],
            params.get("reply_markup"),
            links,
        )
        self.messages[(chat_id, sent.message_id)] = sent
        return self._message_json(sent)

    def _existing(self, params: dict[str, Any]) -> Sent:
        sent = self.messages.get((params.get("chat_id", 0), params.get("message_id", 0)))
        if sent is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        return sent

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        sent = self._existing(params)
        visible, links = self._check_text(params)
        markup = params.get("reply_markup")
        if params["text"] == sent.html and markup == sent.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message "
                "content and reply markup are exactly the same",
            )
        sent.text, sent.html, sent.links, sent.reply_markup = visible, params["text"], links, markup
        sent.edits += 1
        return self._message_json(sent)

    def _edit_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        sent = self._existing(params)
        sent.reply_markup = params.get("reply_markup")
        sent.edits += 1
        return self._message_json(sent)

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = params["callback_query_id"]
        if query_id in self.callback_answers:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self.callback_answers[query_id] = params
        return True

    def _get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        group = self.groups.get(params["chat_id"])
        user = self.users.get(params["user_id"])
        if group is None:
            raise ApiError(400, "Bad Request: chat not found")
        if user is None:
            raise ApiError(400, "Bad Request: user not found")
        status = "member" if user.id in group.members else "left"
        return {"status": status, "user": user.json()}

    # ---- what people do in Telegram -----------------------------------------------------

    def fail(self, method: str, *errors: ApiError) -> None:
        """Answer the next calls of `method` with these errors, one per call."""
        self.faults.setdefault(method.lower(), []).extend(errors)

    def add_user(self, user: User) -> User:
        self.users[user.id] = user
        return user

    def add_group(self, group: Group) -> Group:
        self.groups[group.id] = group
        return group

    async def _push(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, kind: payload})
        async with self._changed:
            self._changed.notify_all()
        return update_id

    async def say(self, user: User, chat_id: int, text: str, **extra: Any) -> int:
        """The user sends `text` to the chat (a group id, or their own id for the private chat)."""
        if chat_id == user.id:
            self.started.add(user.id)  # writing to a bot opens its private chat
        chat = self._chat_json(chat_id)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user.json(),
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        return await self._push("message", message)

    async def press(self, user: User, sent: Sent, data: str | None = None) -> dict[str, Any]:
        """The user taps an inline button of a message; returns the bot's answer to the tap."""
        if data is None:
            data = next(b["callback_data"] for b in sent.buttons() if "callback_data" in b)
        query_id = str(next(self._query_ids))
        await self._push(
            "callback_query",
            {
                "id": query_id,
                "from": user.json(),
                "message": self._message_json(sent),
                "chat_instance": str(sent.chat_id),
                "data": data,
            },
        )
        await self.wait_for(lambda: query_id in self.callback_answers)
        return self.callback_answers[query_id]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until the bot's calls make `condition` true; fail the test after `timeout`."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(condition), timeout)
            except TimeoutError:
                raise AssertionError(
                    f"timed out waiting; calls so far: {self.calls[-10:]}"
                ) from None
        return condition()

    def chat(self, chat_id: int) -> list[Sent]:
        return sorted(
            (m for (c, _), m in self.messages.items() if c == chat_id), key=lambda m: m.message_id
        )

    async def wait_message(self, chat_id: int, contains: str, timeout: float = 10.0) -> Sent:
        def found() -> Sent | None:
            return next((m for m in self.chat(chat_id) if contains in m.text), None)

        return await self.wait_for(found, timeout)  # type: ignore[no-any-return]

    def called(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method.lower()]


def _error(error: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return web.json_response(body, status=error.code)


async def _params(request: web.Request) -> dict[str, Any]:
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        raw.update(await request.json())
    elif request.can_read_body:
        raw.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and key in JSON_FIELDS:
            value = json.loads(value)
        elif isinstance(value, str) and key in INT_FIELDS:
            value = int(value)
        elif isinstance(value, str) and value in {"true", "false"}:
            value = value == "true"
        params[key] = value
    return params
