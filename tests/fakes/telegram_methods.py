"""The Bot API methods the fake server implements, over its chats, users and messages."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, replace
from typing import Any

from tests.fakes.telegram_html import MAX_TEXT, ApiError, parse_html, utf16_length
from tests.fakes.telegram_objects import Group, Sent, User


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded with a multipart request."""

    filename: str
    data: bytes
    chat_id: int = 0
    kind: str = ""


class TelegramState:
    """Chats, users and messages, and the Bot API methods that read and change them."""

    def __init__(self, token: str) -> None:
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
        self.blocked: set[int] = set()  # users who blocked the bot
        self.messages: dict[tuple[int, int], Sent] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.files: list[Upload] = []  # photos and documents the bot sent, in order
        self._message_ids = itertools.count(1)

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
        replied = self.messages.get((sent.chat_id, sent.reply_to or 0))
        if replied is not None:
            data["reply_to_message"] = {
                key: value
                for key, value in self._message_json(replied).items()
                if key != "reply_to_message"
            }
        return data

    def _check_text(self, params: dict[str, Any]) -> tuple[str, list[str]]:
        html = params.get("text", "")
        visible, links = parse_html(html) if params.get("parse_mode") == "HTML" else (html, [])
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        return visible, links

    def _check_access(self, chat_id: int) -> None:
        group = self.groups.get(chat_id)
        if group is not None and group.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=group.migrated_to,
            )
        if group is not None and group.bot_status in {"left", "kicked"}:
            raise ApiError(403, "Forbidden: bot was kicked from the supergroup chat")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        if chat_id > 0 and chat_id not in self.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        self._check_access(chat_id)
        self._chat_json(chat_id)
        visible, links = self._check_text(params)
        reply = params.get("reply_parameters")
        reply_to = None
        if reply is not None:
            reply_to = reply["message_id"]
            if (chat_id, reply_to) not in self.messages:
                if not reply.get("allow_sending_without_reply"):
                    raise ApiError(400, "Bad Request: message to be replied not found")
                reply_to = None
        sent = Sent(
            chat_id,
            next(self._message_ids),
            visible,
            params["text"],
            params.get("reply_markup"),
            links,
            reply_to=reply_to,
        )
        self.messages[(chat_id, sent.message_id)] = sent
        return self._message_json(sent)

    def _send_file(self, params: dict[str, Any], kind: str) -> dict[str, Any]:
        """sendPhoto and sendDocument: the file must come as a multipart upload."""
        chat_id = params["chat_id"]
        if chat_id > 0 and chat_id not in self.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        self._check_access(chat_id)
        upload = params.get(kind)
        if isinstance(upload, str) and upload.startswith("attach://"):
            upload = params.get(upload.removeprefix("attach://"))
        if not isinstance(upload, Upload):
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        self.files.append(replace(upload, chat_id=chat_id, kind=kind))
        caption = str(params.get("caption", ""))
        sent = Sent(chat_id, next(self._message_ids), caption, caption, None, [])
        self.messages[(chat_id, sent.message_id)] = sent
        message = self._message_json(sent)
        del message["text"]
        message["caption"] = caption
        handle = {"file_id": f"{kind}-{sent.message_id}", "file_unique_id": f"u{sent.message_id}"}
        if kind == "photo":
            message["photo"] = [{**handle, "width": 1200, "height": 800}]
        else:
            message["document"] = {**handle, "file_name": upload.filename}
        return message

    def _existing(self, params: dict[str, Any]) -> Sent:
        self._check_access(params.get("chat_id", 0))
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
