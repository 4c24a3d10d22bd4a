"""VK lead forms through VK's Callback API. Pure.

VK posts JSON: `{"type": "confirmation", "group_id": ...}` when the server is connected (the
answer must be the confirmation string VK showed), and `{"type": "lead_forms_new",
"object": {"lead_id", "group_id", "form_id", "form_name", "ad_id", "user_id", "answers":
[{"key", "question", "answer"}]}, "secret": ...}` for each new lead. Any other event is
acknowledged with "ok" and ignored. VK repeats an event until it gets "ok".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.intake.shapes import MAX_DEPTH, scalar_text

# VK's standard questions, as the field names our aliases know.
_STANDARD = {
    "phone_number": "phone",
    "email": "email",
    "location": "city",
    "age": "age",
    "birthday": "birthday",
}
_NAME_PARTS = ("last_name", "first_name", "patronymic_name")


class VkKind(StrEnum):
    CONFIRMATION = "confirmation"
    LEAD = "lead_forms_new"
    OTHER = "other"


class VkError(ValueError):
    """Not a VK Callback API request."""


@dataclass(frozen=True)
class VkCallback:
    kind: VkKind
    secret: str | None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    key: str | None = None  # VK's lead, for idempotency: VK repeats unanswered events


def read_vk(body: bytes) -> VkCallback:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VkError("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise VkError("a VK Callback API request has a type")
    secret = data.get("secret")
    secret = secret if isinstance(secret, str) else None
    match data["type"]:
        case "confirmation":
            return VkCallback(VkKind.CONFIRMATION, secret)
        case "lead_forms_new":
            lead = data.get("object")
            if not isinstance(lead, dict):
                raise VkError("lead_forms_new without its object")
            return VkCallback(VkKind.LEAD, secret, _pairs(lead), _key(data, lead))
        case _:
            return VkCallback(VkKind.OTHER, secret)


def _key(event: Mapping[str, object], lead: Mapping[str, object]) -> str | None:
    group, lead_id = lead.get("group_id", event.get("group_id")), lead.get("lead_id")
    return f"vk:{group}:{lead_id}" if lead_id is not None else None


def _answer_text(answer: object, depth: int = 0) -> str:
    """A checkbox answers with a list of {key, value}; everything else with a value.
    No real answer nests; past `MAX_DEPTH` levels the rest is left out, as JSON's walk does."""
    if depth > MAX_DEPTH:
        return ""
    if isinstance(answer, list):
        texts = (_answer_text(item, depth + 1) for item in answer if item not in (None, ""))
        return ", ".join(text for text in texts if text)
    if isinstance(answer, dict):
        return _answer_text(answer.get("value", answer.get("label", "")), depth + 1)
    try:
        return scalar_text(answer) or ""
    except TypeError:
        return ""


def _pairs(lead: Mapping[str, object]) -> list[tuple[str, str]]:
    answers = lead.get("answers")
    by_key: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for item in answers if isinstance(answers, list) else []:
        if not isinstance(item, dict):
            continue
        key = str(item.get("key") or "")
        text = _answer_text(item.get("answer"))
        if key in _NAME_PARTS:
            by_key[key] = text
        elif key in _STANDARD:
            pairs.append((_STANDARD[key], text))
        else:
            pairs.append((str(item.get("question") or key or "answer"), text))
    name = " ".join(by_key[part] for part in _NAME_PARTS if by_key.get(part))
    about = [
        (key, str(lead[key])) for key in ("form_name", "form_id", "ad_id")
        if lead.get(key) not in (None, "")
    ]  # fmt: skip
    if isinstance(user := lead.get("user_id"), int) and user > 0:
        # The client's VK page: a way to reach them, so only the owner sees it.
        about.append(("vk", f"https://vk.com/id{user}"))
    return [*([("name", name)] if name else []), *pairs, *about]
