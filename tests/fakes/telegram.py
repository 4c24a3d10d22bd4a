"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

It speaks the real JSON shapes for the methods the bot uses, keeps chats and messages as
Telegram would, checks Telegram's HTML the way Telegram does (an unescaped `<` is an error,
not a tag), and answers any method it does not know with 404 like the real server. Tests can
switch on Telegram's flood limits, queue faults for a method, or fail calls at random.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.fakes.faults import (
    LIMITED_METHODS,
    Chaos,
    Drop,
    Fault,
    FloodLimits,
    ProxyPage,
    Slow,
)
from tests.fakes.telegram_html import ApiError, utf16_length
from tests.fakes.telegram_methods import TelegramState, Upload
from tests.fakes.telegram_objects import Group, Sent, User
from tests.fakes.webhook import WebhookSender

JSON_FIELDS = {
    "reply_markup",
    "reply_parameters",
    "allowed_updates",
    "commands",
    "scope",
    "link_preview_options",
    "entities",
}
INT_FIELDS = {"chat_id", "message_id", "user_id", "offset", "limit", "timeout", "max_connections"}


class FakeTelegram(TelegramState):
    def __init__(
        self, token: str = "123456:TEST-TOKEN", clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(token)
        self.clock = clock
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self.webhook = WebhookSender(self._updates, self._changed)
        self._runner: web.AppRunner | None = None
        self.faults: dict[str, list[Fault]] = {}  # method -> faults to serve, in turn
        self.served: list[tuple[str, Fault]] = []
        self.chaos: Chaos | None = None
        self.limits: FloodLimits | None = None
        self.url = ""
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda p: self.bot,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "getwebhookinfo": lambda p: self.webhook.info(),
            "setmycommands": lambda p: True,
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "sendphoto": lambda p: self._send_file(p, "photo"),
            "senddocument": lambda p: self._send_file(p, "document"),
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
        await self.webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            return await self._serve(request)
        except ApiError as error:
            return _error(error)

    async def _serve(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            raise ApiError(401, "Unauthorized")
        name = request.match_info["method"].lower()
        method = self._methods.get(name)
        if method is None:
            raise ApiError(404, "Not Found")
        params = await _params(request)
        self.calls.append((name, params))
        async with self._changed:
            self._changed.notify_all()
        fault = self._fault_for(name)
        if isinstance(fault, Drop):
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        if isinstance(fault, ApiError):
            raise fault
        if isinstance(fault, ProxyPage):
            page = f"<html><body><h1>{fault.status}</h1><p>{request.path} failed</p></body></html>"
            return web.Response(status=fault.status, text=page, content_type="text/html")
        chat_id = params.get("chat_id")
        limits = self.limits if name in LIMITED_METHODS else None
        if not isinstance(chat_id, int):
            limits, chat_id = None, 0
        if limits is not None and (refusal := limits.check(chat_id)):
            raise refusal
        result = method(params)
        if asyncio.iscoroutine(result):
            result = await result
        if limits is not None:
            limits.record(chat_id)
        async with self._changed:
            self._changed.notify_all()
        if isinstance(fault, Slow):
            await asyncio.sleep(fault.seconds)
        return web.json_response({"ok": True, "result": result})

    def _fault_for(self, name: str) -> Fault | None:
        queued = self.faults.get(name)
        fault = queued.pop(0) if queued else self.chaos.pick(name) if self.chaos else None
        if fault is not None:
            self.served.append((name, fault))
        return fault

    # ---- methods ------------------------------------------------------------------------

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        return self.webhook.set(params)

    async def _delete_webhook(self, params: dict[str, Any]) -> bool:
        return await self.webhook.delete(params)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.webhook.refuse_polling()
        offset = params.get("offset", 0)
        if offset:
            self._updates[:] = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout", 0))
        async with self._changed:
            while not self._updates and time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
                except TimeoutError:
                    break
        return list(self._updates[: params.get("limit", 100)])

    # ---- what people do in Telegram -----------------------------------------------------

    def fail(self, method: str, *faults: Fault) -> None:
        """Serve these faults to the next calls of `method`, one per call."""
        self.faults.setdefault(method.lower(), []).extend(faults)

    def enforce_limits(self) -> FloodLimits:
        self.limits = FloodLimits(self.clock)
        return self.limits

    def served_count(self, method: str, kind: type[Any]) -> int:
        return sum(1 for name, f in self.served if name == method.lower() and isinstance(f, kind))

    async def remove_bot(self, group: Group, by: User, status: str = "kicked") -> None:
        group.bot_status = status
        await self._bot_member_changed(group, by, "member", status)

    async def add_bot(self, group: Group, by: User) -> None:
        old = group.bot_status
        group.bot_status = "member"
        await self._bot_member_changed(group, by, old, "member")

    async def _bot_member_changed(self, group: Group, by: User, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            data: dict[str, Any] = {"status": status, "user": self.bot}
            if status == "kicked":
                data["until_date"] = 0
            return data

        await self._push(
            "my_chat_member",
            {
                "chat": group.json(),
                "from": by.json(),
                "date": int(time.time()),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            },
        )

    async def upgrade(self, group: Group, new_id: int, by: User) -> Group:
        """The group becomes a supergroup with a new id, as Telegram does it."""
        new = self.add_group(Group(new_id, group.title, set(group.members)))
        group.migrated_to = new_id
        group.kind = "group"
        for chat, key, value in (
            (group, "migrate_to_chat_id", new_id),
            (new, "migrate_from_chat_id", group.id),
        ):
            await self._push(
                "message",
                {
                    "message_id": next(self._message_ids),
                    "date": int(time.time()),
                    "chat": chat.json(),
                    "from": by.json(),
                    key: value,
                },
            )
        return new

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

    async def tap(self, user: User, sent: Sent, data: str | None = None) -> str:
        """The user taps an inline button of a message; returns the query id at once."""
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
        return query_id

    async def press(self, user: User, sent: Sent, data: str | None = None) -> dict[str, Any]:
        """Tap, and wait for the bot's answer to the tap."""
        query_id = await self.tap(user, sent, data)
        await self.wait_for(lambda: query_id in self.callback_answers)
        return self.callback_answers[query_id]

    def pending_updates(self) -> int:
        """Updates the bot has not confirmed yet (by asking for a later offset)."""
        return len(self._updates)

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
    if error.migrate_to_chat_id is not None:
        body["parameters"] = {"migrate_to_chat_id": error.migrate_to_chat_id}
    return web.json_response(body, status=error.code)


async def _params(request: web.Request) -> dict[str, Any]:
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        raw.update(await request.json())
    elif request.can_read_body:
        for key, field in (await request.post()).items():
            if isinstance(field, str):
                raw[key] = field
            elif isinstance(field, web.FileField):  # an upload: sendPhoto, sendDocument
                raw[key] = Upload(field.filename, field.file.read())
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
