"""What a failed Bot API call means for the message: retry, wait, or hand the lead on."""

from __future__ import annotations

from enum import StrEnum

from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramRetryAfter,
)


class Failure(StrEnum):
    RETRY = "retry"  # the network or Telegram had a bad moment: try again later
    RATE_LIMITED = "rate_limited"  # 429: wait as long as Telegram says
    NOT_MODIFIED = "not_modified"  # an edit to what the message already says: done
    CHAT_MOVED = "chat_moved"  # the group became a supergroup with a new id
    CHAT_GONE = "chat_gone"  # the bot may not post there any more (removed, blocked, muted)
    REJECTED = "rejected"  # this message will never be accepted (e.g. its card was deleted)


# Telegram's descriptions for "you may not post in this chat", as 400s. They are matched on
# text because Telegram gives 400 for these and for malformed messages alike.
_NO_ACCESS = (
    "chat not found",
    "not enough rights",
    "have no rights",
    "need administrator rights",
    "chat_write_forbidden",
    "chat_restricted",
    "bot was kicked",
    "bot is not a member",
    "group chat was deactivated",
    "user is deactivated",
    "peer_id_invalid",
    "chat_admin_required",
)


_BY_TYPE: tuple[tuple[type[Exception], Failure], ...] = (
    (TelegramRetryAfter, Failure.RATE_LIMITED),
    (TelegramMigrateToChat, Failure.CHAT_MOVED),
    (TelegramForbiddenError, Failure.CHAT_GONE),
)


def classify(error: BaseException) -> Failure:
    for kind, failure in _BY_TYPE:
        if isinstance(error, kind):
            return failure
    if isinstance(error, TelegramBadRequest):
        return _bad_request(error.message.lower())
    # 401 (token revoked), 404 (wrong API URL), 5xx, timeouts, dropped connections and our
    # own bugs: none is the message's fault, so it is kept and retried.
    return Failure.RETRY


def _bad_request(text: str) -> Failure:
    if "message is not modified" in text:
        return Failure.NOT_MODIFIED
    if any(phrase in text for phrase in _NO_ACCESS):
        return Failure.CHAT_GONE
    return Failure.REJECTED
