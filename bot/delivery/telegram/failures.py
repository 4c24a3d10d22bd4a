"""What a failed Bot API call means for the message: retry, wait, or hand the lead on."""

from __future__ import annotations

from enum import StrEnum

from aiogram.exceptions import (
    TelegramAPIError,
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
_NOT_FOUND = ("chat not found", "peer_id_invalid")
_NO_RIGHTS = (
    "not enough rights",
    "have no rights",
    "need administrator rights",
    "chat_write_forbidden",
    "chat_restricted",
    "bot was kicked",
    "bot is not a member",
    "chat_admin_required",
)
_DEACTIVATED = ("group chat was deactivated", "user is deactivated")
_NO_ACCESS = _NOT_FOUND + _NO_RIGHTS + _DEACTIVATED


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


# Telegram's words for why it refused, read into what a head of sales needs to know. The
# heads read our words, never Telegram's English.
_EXPLAINED = (
    ("blocked", ("bot was blocked",)),
    ("deactivated", _DEACTIVATED),
    ("not_found", (*_NOT_FOUND, "user not found")),
    ("no_rights", _NO_RIGHTS),
    ("bad_message", ("can't parse entities", "message is too long", "text must be non-empty")),
)


def explain(detail: str) -> str:
    """The catalog suffix (`tg_refusal.<this>`) for a refusal Telegram described."""
    text = detail.lower()
    for reason, phrases in _EXPLAINED:
        if any(phrase in text for phrase in phrases):
            return reason
    return "other"


def describe(error: Exception) -> str:
    """Telegram's own words when it gave any: the heads of sales read this."""
    if isinstance(error, TelegramAPIError):
        return error.message
    return f"{type(error).__name__}: {error}"
