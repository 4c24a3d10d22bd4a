"""From an HTTP request body to lead fields, or a clear reason why not. Pure.

The contract: any body with at least one non-empty value that a person typed is a lead.
A refusal is only for a body with nothing in it, or one that cannot be read at all.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote_to_bytes

from bot.intake.multipart import MultipartError, multipart_pairs
from bot.intake.shapes import flatten, nest_bracketed
from bot.leads.fields import FILES_FIELD, is_lead, lead_from_pairs
from bot.leads.text import lead_from_text
from storage.work.lead_records import KNOWN_FIELDS, LeadFields

MAX_BODY_BYTES = 64 * 1024
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
# What `fetch(url, {method: "POST", body: JSON.stringify(data)})` sends by default.
TEXT = "text/plain"
ACCEPTED_TYPES = (JSON, FORM, MULTIPART, TEXT)
MAX_IDEMPOTENCY_KEY = 200
# Russian sites that predate UTF-8 still post forms in it, often without saying so.
LEGACY_CHARSET = "windows-1251"
_UTF8 = codecs.lookup("utf-8").name


class Refusal(StrEnum):
    """Why a request with a valid token made no lead; the heads are told per kind."""

    EMPTY = "empty"  # nothing a person typed
    UNREADABLE = "unreadable"  # not JSON, not text in any charset we know, nested absurdly
    CONTENT_TYPE = "content_type"
    CHARSET = "charset"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"  # the form posted faster than the limit; told to retry
    OVERLOADED = "overloaded"  # one client held too many connections at once; told to retry
    UNAVAILABLE = "unavailable"  # the database took no writes in time; told to retry


class IntakeError(Exception):
    def __init__(self, status: int, message: str, refusal: Refusal | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.refusal = refusal


@dataclass(frozen=True)
class Parsed:
    fields: LeadFields | None  # None: a form builder's connection check, not a lead


# The charsets a web form really posts in: Unicode, the ASCII-compatible single-byte sets
# (Cyrillic ones above all) and the East Asian multi-byte ones. Python knows many more
# codecs that are no charset of text on the web (punycode, idna, EBCDIC's cp037,
# unicode_escape, utf-7): they decode escapes or raise errors of their own, so they are
# refused by name rather than tried.
TEXT_CHARSETS = frozenset(
    {
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "ascii",
        *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
        *(f"cp{n}" for n in range(1250, 1259)),
        "koi8-r",
        "koi8-u",
        "koi8-t",
        "kz1048",
        "ptcp154",
        "cp866",
        "cp855",
        "mac-cyrillic",
        "mac-roman",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_kr",
        "cp949",
        "cp950",
    }
)


def _codec(charset: str | None) -> str:
    """The declared charset, if it is a charset of text a form may post in."""
    try:
        name = codecs.lookup(charset or "utf-8").name
    except LookupError:
        name = None
    if name not in TEXT_CHARSETS:
        raise IntakeError(415, f"unsupported charset {charset!r}; send UTF-8", Refusal.CHARSET)
    assert name is not None
    return name


def _decode(raw: bytes, codec: str) -> str:
    """`raw` as text: the declared charset, or UTF-8 falling back to windows-1251."""
    candidates = [codec, LEGACY_CHARSET] if codec == _UTF8 else [codec]
    for candidate in candidates:
        try:
            return raw.decode("utf-8-sig" if candidate == _UTF8 else candidate)
        except UnicodeError:
            continue
    raise IntakeError(400, f"the body is not valid {codec} text", Refusal.UNREADABLE)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def _json_pairs(body: bytes, codec: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(_decode(body, codec), parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise IntakeError(400, f"body is not valid JSON: {error}", Refusal.UNREADABLE) from None
    if not isinstance(data, dict | list):
        raise IntakeError(400, "expected a JSON object with the lead's fields", Refusal.UNREADABLE)
    return flatten(data)


def _form_pairs(body: bytes, codec: str) -> list[tuple[str, str]]:
    """Percent-decoding to bytes first, so that the charset is chosen for the whole body."""
    raw: list[tuple[bytes, bytes]] = []
    for chunk in body.split(b"&"):
        if not chunk:
            continue
        key, _, value = chunk.partition(b"=")
        raw.append(
            (unquote_to_bytes(key.replace(b"+", b" ")), unquote_to_bytes(value.replace(b"+", b" ")))
        )
    joined = b"\n".join(part for pair in raw for part in pair)
    try:
        joined.decode(codec)
        chosen = codec
    except UnicodeError:
        if codec != _UTF8:
            raise IntakeError(
                400, f"a value is not valid {codec} text", Refusal.UNREADABLE
            ) from None
        chosen = LEGACY_CHARSET
    try:
        pairs = [(key.decode(chosen), value.decode(chosen)) for key, value in raw]
    except UnicodeError:
        raise IntakeError(400, "a value is not valid text", Refusal.UNREADABLE) from None
    return nest_bracketed(pairs)


def _multipart(body: bytes, codec: str, boundary: str | None) -> list[tuple[str, str]]:
    try:
        parts, files = multipart_pairs(body, boundary)
    except MultipartError as error:
        raise IntakeError(
            400, f"cannot read the multipart body: {error}", Refusal.UNREADABLE
        ) from None
    pairs = [
        (name, _decode(raw, _codec(charset) if charset else codec)) for name, raw, charset in parts
    ]
    pairs = nest_bracketed(pairs)
    # Files are not kept (they are not leads' business here); their names show on the card.
    return [*pairs, (FILES_FIELD, ", ".join(files))] if files else pairs


def _text_pairs(body: bytes, codec: str) -> list[tuple[str, str]]:
    """A text/plain body: JSON or form data sent without saying so, else the words a
    person typed, read like a lead written by hand."""
    text = _decode(body, codec).strip()
    if text[:1] in ("{", "["):
        return _json_pairs(body, codec)
    if "=" in text and not any(ch.isspace() for ch in text.partition("=")[0]):
        return _form_pairs(body, codec)
    fields = lead_from_text(text)
    known = [(name, value) for name in KNOWN_FIELDS if (value := getattr(fields, name))]
    return [*known, *fields.extra.items()]


def _is_connection_check(pairs: list[tuple[str, str]]) -> bool:
    """Tilda posts `test=test` when a webhook is connected and wants `200 ok` back."""
    return [(key.strip().casefold(), value.strip().casefold()) for key, value in pairs] == [
        ("test", "test")
    ]


def parse_lead(
    content_type: str, charset: str | None, body: bytes, boundary: str | None = None
) -> Parsed:
    if content_type not in ACCEPTED_TYPES:
        shown = content_type or "none"
        raise IntakeError(
            415,
            f"content type {shown} is not accepted; send {JSON}, {FORM}, {MULTIPART} or {TEXT}",
            Refusal.CONTENT_TYPE,
        )
    codec = _codec(charset)
    if content_type == JSON:
        pairs = _json_pairs(body, codec)
    elif content_type == FORM:
        pairs = _form_pairs(body, codec)
    elif content_type == TEXT:
        pairs = _text_pairs(body, codec)
    else:
        pairs = _multipart(body, codec, boundary)
    if _is_connection_check(pairs):
        return Parsed(None)
    lead = lead_from_pairs(pairs)
    if not is_lead(lead):
        got = ", ".join(sorted({key for key, value in pairs if value.strip()})) or "none"
        raise IntakeError(
            400,
            "nothing to make a lead of: every field is empty or technical "
            f"(fields received: {got})",
            Refusal.EMPTY,
        )
    return Parsed(lead)


def idempotency_key(header: str | None) -> str | None:
    """The sender's key for this submission. An over-long one is still a key: it is kept
    as its digest rather than costing the lead."""
    if header is None or not header.strip():
        return None
    key = header.strip()
    if len(key) > MAX_IDEMPOTENCY_KEY:
        return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return key
