"""Bodies as form builders shape them, flattened into (field name, value) pairs. Pure.

Nested objects (`{"contacts": {"phone": ...}}`), labelled fields (Elementor's
`fields[name][title]` / `fields[name][value]`, `{"label": ..., "value": ...}`, question and
answer pairs) and lists all come out as flat pairs in the order they were sent, so that the
field aliases can find the phone and the rest shows on the card.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from bot.intake.answers import join_answers
from bot.leads.fields import normalise_key
from bot.leads.names import looks_like_name

MAX_DEPTH = 8

# In a labelled field, where the label and the value are (names compared casefolded). A
# CRM's custom field says what it is by a code ("PHONE") before its display name.
_LABEL_KEYS = ("code", "field_code", "title", "label", "question", "q", "name", "field_name")
_VALUE_KEYS = ("value", "values", "answer", "a", "raw_value")
# Everything else a field's description may carry; an object with any other key is data.
_DESCRIPTOR_KEYS = frozenset(
    {*_LABEL_KEYS, *_VALUE_KEYS, "id", "type", "required", "placeholder", "key", "value_raw",
     "value_type", "field_type", "ref", "field_id", "enum", "enum_id", "enum_code", "hidden",
     "visible", "options", "choices", "description", "help", "hint", "order", "position",
     "index", "sort", "format", "validation", "default", "readonly", "disabled", "multiple",
     "is_required", "slug", "uid", "uuid", "var", "variable", "group", "section", "step"}
)  # fmt: skip
# A declared type or code that says what the field is, whatever its label: Elementor's
# "tel", Tally's INPUT_PHONE_NUMBER, Typeform's phone_number, Creatium's "name".
_TYPES = (
    ("phone", re.compile(r"phone|(?:^|_)tel(?:_|$)")),
    ("email", re.compile(r"e_?mail")),
    ("name", re.compile(r"^(?:name|fio|full_?name)$")),
)
# Blocks that describe the form, the site or the request, never the client: their keys
# stay prefixed so that they read as technical.
_TECHNICAL_BLOCKS = frozenset(
    {"form", "meta", "utm", "cookies", "quiz", "site", "page", "website", "landing"}
)
# A webhook's envelope holds the form's answers under one of these; its own name and id
# beside them are the form's, not the client's. A CRM's deal carries its custom fields so
# (its own name is the deal's title: "Заявка с сайта").
_ENVELOPE_KEYS = (
    "data", "fields", "answers", "values", "field_data", "custom_fields", "custom_fields_values"
)  # fmt: skip
_ENVELOPE_NAMES = frozenset({"name", "title"})  # anything else beside them stays as sent
# Parts of a name that a form nests under the name's field (JotForm's q3_name[first]).
_NAME_PART_KEYS = frozenset({"first", "last", "middle", "given", "family", "full"})
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


def scalar_text(value: object) -> str | None:
    """A JSON scalar as text; None for null. Booleans read as yes/no, like a checkbox."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str | int | float):
        return str(value)
    raise TypeError(f"not a scalar: {type(value).__name__}")


def _labelled(node: Mapping[str, object]) -> tuple[str, object] | None:
    folded = {str(key).casefold(): value for key, value in node.items()}
    value_key = next((key for key in _VALUE_KEYS if key in folded), None)
    if value_key is None or not set(folded) <= _DESCRIPTOR_KEYS:
        return None
    label = _declared(folded) or next(
        (
            text
            for key in _LABEL_KEYS
            if isinstance(text := folded.get(key), str) and text.strip() and _says(key, text)
        ),
        "",
    )
    value = folded[value_key]
    if value_key != "raw_value" and value in (None, "") and "raw_value" in folded:
        value = folded["raw_value"]
    return label, value


def _says(key: str, label: str) -> bool:
    """A code says what a field is only when it is a word ("PHONE"), not a number."""
    return key not in {"code", "field_code"} or not label.strip().isdigit()


def _declared(folded: Mapping[str, object]) -> str | None:
    """The field a declared type names (phone, email, name), if it names one."""
    for key in ("type", "field_type"):
        kind = folded.get(key)
        if isinstance(kind, str):
            normal = normalise_key(kind)
            for field, pattern in _TYPES:
                if pattern.search(normal):
                    return field
    return None


def _envelope(node: Mapping[str, object]) -> bool:
    """A webhook's envelope: the answers nested under `data`, `fields`, ... beside the
    form's own name or title."""
    return any(
        isinstance(child := node.get(key), Mapping)
        or (isinstance(child, list) and any(isinstance(item, Mapping) for item in child))
        for key in _ENVELOPE_KEYS
    )


def _person(value: object) -> bool:
    """A name beside the answers that reads as a person's (a CRM contact's own name), not
    a form's or a deal's title."""
    return isinstance(value, str) and looks_like_name(value.strip())


def _technical(key: str) -> bool:
    block = key.casefold().partition("_")[0]
    return block in _TECHNICAL_BLOCKS


def _child_key(parent: str, key: str) -> str:
    if not parent:
        return key
    if key.isdigit() or not key.strip():
        return parent
    if _technical(parent) or key.casefold() in _NAME_PART_KEYS:
        return f"{parent}_{key}"
    return key


def flatten(data: object) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    _walk("", join_answers(data), 0, pairs)
    return pairs


def _walk(key: str, node: object, depth: int, out: list[tuple[str, str]]) -> None:
    if depth > MAX_DEPTH:
        # Deeper than any form nests: what is down there is kept, as one field, without
        # walking it any further by recursion.
        if texts := _scalars(node):
            out.append((key or "1", ", ".join(texts)))
        return
    if isinstance(node, Mapping):
        labelled = _labelled(node)
        if labelled is not None and not _technical(key):
            label, value = labelled
            _walk(label or key, value, depth + 1, out)
            return
        envelope = _envelope(node)
        for child, value in node.items():
            name = _child_key(key, str(child))
            if envelope and str(child).casefold() in _ENVELOPE_NAMES and not _person(value):
                name = f"form_{child}"  # the envelope's own name: technical
            _walk(name, value, depth + 1, out)
    elif isinstance(node, list):
        if all(not isinstance(item, Mapping | list) for item in node):
            texts = [text for item in node if (text := scalar_text(item))]
            if texts:
                out.append((key or "1", ", ".join(texts)))
            return
        for index, item in enumerate(node, start=1):
            _walk(key or str(index), item, depth + 1, out)
    elif (text := scalar_text(node)) is not None:
        out.append((key or "1", text))


def _scalars(node: object) -> list[str]:
    """Every scalar under `node` as text, in order, by a loop rather than recursion."""
    texts: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif (text := scalar_text(item)) is not None:
            texts.append(text)
    return texts


def nest_bracketed(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Form-encoded `fields[email][value]=...` (PHP-style nesting) read like nested JSON.

    Pairs without brackets pass through untouched and in place.
    """
    if not any("[" in key for key, _ in pairs):
        return pairs
    tree: dict[str, object] = {}
    order: list[tuple[str, str] | str] = []  # plain pairs, or the root name of a tree
    for key, value in pairs:
        head, _, tail = key.partition("[")
        path = _BRACKETS.findall("[" + tail) if tail else []
        if len(path) > MAX_DEPTH:
            # No form nests deeper; a tree thousands deep would cost the garbage
            # collector (which runs on the event loop) a stall of its own.
            path = [*path[: MAX_DEPTH - 1], "][".join(path[MAX_DEPTH - 1 :])]
        if not path or not head:
            order.append((key, value))
            continue
        if head not in tree:
            order.append(head)
        node = tree.setdefault(head, {})
        for part in path[:-1]:
            if not isinstance(node, dict):
                break
            node = node.setdefault(part, {})
        if isinstance(node, dict):
            node[path[-1]] = value
    out: list[tuple[str, str]] = []
    for item in order:
        if isinstance(item, tuple):
            out.append(item)
        else:
            _walk(item, tree[item], 0, out)
    return out
