"""From an HTTP request body to lead fields, or a clear reason why not. Pure."""

from __future__ import annotations

import codecs
import json
import math
from urllib.parse import parse_qsl

from bot.leads.fields import canonical_field, lead_from_pairs
from bot.leads.limits import over_limits
from storage.leads import LeadFields

MAX_BODY_BYTES = 64 * 1024
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
ACCEPTED_TYPES = (JSON, FORM)
MAX_IDEMPOTENCY_KEY = 200


class IntakeError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _decode(body: bytes, charset: str | None) -> str:
    encoding = charset or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise IntakeError(415, f"unsupported charset {encoding!r}; send UTF-8") from None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        raise IntakeError(400, f"body is not valid {encoding} text") from None


# A number is a fair value for these (a phone typed into a numeric input, a form's entry
# id); a name, an e-mail or a request that arrives as a number or a boolean is junk.
_NUMERIC_FIELDS = frozenset({"phone", "tax_id", "external_id"})


def _scalar(key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if not isinstance(value, bool | int | float):
        raise IntakeError(400, f"field {key!r} must be a string or a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise IntakeError(400, f"field {key!r} is not a finite number")
    field = canonical_field(key)
    if field is None:  # an extra field: "agreed to terms": true, "quantity": 40
        return ("yes" if value else "no") if isinstance(value, bool) else str(value)
    if field in _NUMERIC_FIELDS and not isinstance(value, bool):
        return str(value)
    raise IntakeError(400, f"field {key!r} must be text")


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def _json_pairs(text: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise IntakeError(400, f"body is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise IntakeError(400, "expected a JSON object with the lead's fields")
    pairs = []
    for key, value in data.items():
        text_value = _scalar(key, value)
        if text_value is not None:
            pairs.append((key, text_value))
    return pairs


def parse_lead(content_type: str, charset: str | None, body: bytes) -> LeadFields:
    if content_type not in ACCEPTED_TYPES:
        shown = content_type or "none"
        raise IntakeError(415, f"content type {shown} is not accepted; send {JSON} or {FORM}")
    text = _decode(body, charset)
    if content_type == JSON:
        pairs = _json_pairs(text)
    else:
        try:
            pairs = parse_qsl(
                text, keep_blank_values=True, encoding=charset or "utf-8", errors="strict"
            )
        except UnicodeDecodeError:
            raise IntakeError(400, "a percent-encoded value is not valid text") from None
    lead = lead_from_pairs(pairs)
    if problems := over_limits(lead):
        raise IntakeError(400, "too much data: " + "; ".join(problems[:5]))
    if not lead.has_contact_or_request():
        got = ", ".join(sorted({key for key, value in pairs if value.strip()})) or "none"
        raise IntakeError(
            400,
            "nothing usable: send at least one of name, phone, email or message "
            f"(fields received: {got})",
        )
    return lead


def idempotency_key(header: str | None) -> str | None:
    if header is None or not header.strip():
        return None
    key = header.strip()
    if len(key) > MAX_IDEMPOTENCY_KEY:
        raise IntakeError(400, f"Idempotency-Key is longer than {MAX_IDEMPOTENCY_KEY} characters")
    return key
