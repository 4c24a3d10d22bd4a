"""Form builders name fields as the site owner typed them; map those names to lead fields.

A name is matched in three steps, the first that answers wins: the field's own name
(`phone`), an exact alias (`Телефон`), then what the name contains (`Ваш телефон для
связи`). A value that plainly is an e-mail or a phone fills that field whatever it was
called. Nothing is dropped: whatever fills no field is kept as an extra under its own name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from bot.leads.aliases import (
    ALIASES,
    CONTACT_FIELDS,
    CONTACT_KEY,
    CONTAINS,
    HIDDEN_KEYS,
    REGISTERED_REGION_KEYS,
    TECHNICAL_KEYS,
    TECHNICAL_PREFIXES,
)
from bot.leads.contacts import is_email, is_phone
from bot.leads.names import guess_name, join_parts, looks_like_name
from storage.work.lead_records import KNOWN_FIELDS, LeadFields

_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)

# A field name that says nothing of its value: "q2", "field_3", "12", "question_7", and a
# builder's numbered inputs ("form_text_1", "form_textarea_4": Bitrix24's forms), whose
# meaning only their value shows.
_OPAQUE_KEY = re.compile(r"^(?:[^\W\d_]{1,10}_?)?\d+$")
_POSITIONAL_KEY = re.compile(
    r"^(?:form_)?(?:text|textarea|string|input|field|answer|select|radio|checkbox|list|email"
    r"|phone|tel|name)_?\d+$"
)
# A name sent as numbered sub-inputs of one field (Gravity Forms: `input_1.3` the first
# name, `input_1.6` the last, `.4` the middle; `.2` and `.8` a prefix and a suffix). An
# address is numbered too, but has a street (.1) and a postcode (.5).
_SUB_INPUT = re.compile(r"^(?:input_)?(\d+)_(\d)$")
_SUB_NAME_PARTS = {"3": "first_name", "4": "middle_name", "6": "last_name"}
_SUB_NAME_ONLY = frozenset({"2", "3", "4", "6", "8"})

# Past this many fields, the rest of a body is kept whole as one extra field (`capped`).
MAX_FIELDS = 1000
MORE_FIELDS = "more_fields"

# Invisible characters a copy-paste or a hostile sender brings along: control characters
# (line breaks and tabs aside), zero-width and direction marks, private-use and lone
# surrogates (which SQLite cannot even store).
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "})


def clean(text: str) -> str:
    """`text` without invisible characters, trimmed; empty when nothing visible is left."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    # isprintable runs in C: most text is clean, and only a line that is not is walked.
    if text.isprintable():
        return text.strip()
    return "\n".join(_visible(line) for line in text.split("\n")).strip()


def _visible(line: str) -> str:
    if line.isprintable():
        return line
    return "".join(ch for ch in line if unicodedata.category(ch) not in _INVISIBLE)


@functools.lru_cache(maxsize=4096)
def normalise_key(key: str) -> str:
    # Cached: each field name is looked at by every step of the matching.
    return _SEPARATORS.sub("_", key.casefold()).strip("_")


def extra_value(extra: Mapping[str, str], names: frozenset[str]) -> str | None:
    """The first non-blank extra field whose normalised name is one of `names`."""
    return next((v for k, v in extra.items() if normalise_key(k) in names and v.strip()), None)


def is_technical(key: str) -> bool:
    normal = normalise_key(key)
    raw = key.strip().casefold()
    if _POSITIONAL_KEY.match(normal):
        return False  # a numbered input the client typed into, whatever its prefix
    return (
        normal in TECHNICAL_KEYS
        or raw.startswith(TECHNICAL_PREFIXES)
        or (normal.startswith(TECHNICAL_PREFIXES))
    )


def is_positional(key: str) -> bool:
    """A numbered input ("form_text_1", "q2", "field_3"): its value says what it is."""
    normal = normalise_key(key)
    return bool(_POSITIONAL_KEY.match(normal) or _OPAQUE_KEY.match(normal))


def _sub_input_names(items: Sequence[tuple[str, str]]) -> dict[int, str]:
    """The name parts sent as numbered sub-inputs, by the index of their pair: the key a
    name part would have had ("first_name"), for `join_parts`."""
    groups: dict[str, dict[str, int]] = {}
    for index, (key, _value) in enumerate(items):
        if match := _SUB_INPUT.match(normalise_key(key)):
            groups.setdefault(match.group(1), {})[match.group(2)] = index
    found: dict[int, str] = {}
    for subs in groups.values():
        parts = {sub: index for sub, index in subs.items() if sub in _SUB_NAME_PARTS}
        if not parts or not set(subs) <= _SUB_NAME_ONLY:
            continue
        if all(looks_like_name(items[index][1]) for index in parts.values()):
            found |= {index: _SUB_NAME_PARTS[sub] for sub, index in parts.items()}
    return found


def is_contact_key(key: str) -> bool:
    """The field is named as a way to reach the client (or to identify them): private."""
    return canonical_field(key) in CONTACT_FIELDS or bool(CONTACT_KEY.search(normalise_key(key)))


def is_utm(key: str) -> bool:
    """An ad's UTM tag: technical (it makes no lead), but shown, so the team sees the ad."""
    return normalise_key(key).startswith("utm_")


def is_hidden(key: str) -> bool:
    """A secret or a tracking blob: shown to nobody."""
    return normalise_key(key) in HIDDEN_KEYS


def _exact(key: str) -> str | None:
    normal = normalise_key(key)
    if normal in KNOWN_FIELDS:
        return normal
    return ALIASES.get(normal)


def _by_content(key: str) -> str | None:
    if is_technical(key) or normalise_key(key) in REGISTERED_REGION_KEYS:
        return None
    normal = normalise_key(key)
    for field, pattern in CONTAINS:
        if pattern.search(normal):
            return field
    return None


def canonical_field(key: str) -> str | None:
    return _exact(key) or _by_content(key)


def _by_value(value: str) -> str | None:
    if is_email(value):
        return "email"
    if is_phone(value):
        return "phone"
    return None


def capped(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first `MAX_FIELDS` pairs as they are; the rest folded into one extra field.

    A real form has a few dozen fields; a body of thousands is a script. Folding keeps
    every character (the lead still arrives whole) while the work per field stays bounded.
    """
    head: list[tuple[str, str]] = []
    rest: list[str] = []
    for key, value in pairs:
        if len(head) < MAX_FIELDS:
            head.append((key, value))
        else:
            rest.append(f"{key}={value}")
    if rest:
        head.append((MORE_FIELDS, "\n".join(rest)))
    return head


def lead_from_pairs(pairs: Iterable[tuple[str, str]]) -> LeadFields:
    """Build lead fields from (key, value) pairs as a form sent them."""
    items = [(clean(key), clean(value)) for key, value in capped(pairs)]
    items = [(key, value) for key, value in items if key and value]
    known: dict[str, str] = {}
    taken: set[int] = set()

    def fill(field_of: Callable[[str, str], str | None]) -> None:
        for index, (key, value) in enumerate(items):
            if index in taken:
                continue
            field = field_of(key, value)
            if field is not None and field not in known:
                known[field] = value
                taken.add(index)

    # A name sent in parts (surname, given name, patronymic) is one name.
    parts = _sub_input_names(items)
    normals = [parts.get(index) or normalise_key(key) for index, (key, _) in enumerate(items)]
    if joined := join_parts([(normals[i], key, value) for i, (key, value) in enumerate(items)]):
        known["name"], used = joined
        taken |= used
    fill(lambda key, _: normalise_key(key) if normalise_key(key) in KNOWN_FIELDS else None)
    fill(lambda key, _: _exact(key))
    fill(lambda key, _: _by_content(key))
    fill(lambda key, value: None if is_technical(key) else _by_value(value))
    if "name" not in known:
        # No field is called a name: a value that reads as one under a field with no
        # name of its own (a quiz's "q2") is it. A named field ("Регион регистрации":
        # "Москва") says what its value is, even when it looks like a name.
        unnamed = [
            (index, value)
            for index, (key, value) in enumerate(items)
            if index not in taken and is_positional(key)
        ]
        if (index := guess_name(unnamed)) is not None:
            known["name"] = items[index][1]
            taken.add(index)
    # What the client typed into numbered inputs (and no name, phone or e-mail took) is
    # what they wrote to us: the request, not a field called "form_text_4" on the card.
    typed = [
        index
        for index, (key, value) in enumerate(items)
        if index not in taken and _POSITIONAL_KEY.match(normalise_key(key))
    ]
    if typed:
        said = [known["message"]] if "message" in known else []
        known["message"] = "\n".join([*said, *(items[index][1] for index in typed)])
        taken |= set(typed)
    leftovers = [item for index, item in enumerate(items) if index not in taken]
    return LeadFields(**known, extra=_unique_names(leftovers))


def _unique_names(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Repeated names get " (2)", " (3)"...: linear however often a name repeats, since
    each name remembers the next suffix to try."""
    extra: dict[str, str] = {}
    next_suffix: dict[str, int] = {}
    for key, value in pairs:
        name = key
        suffix = next_suffix.get(key, 2)
        while name in extra:
            name = f"{key} ({suffix})"
            suffix += 1
        next_suffix[key] = suffix
        extra[name] = value
    return extra


def cleaned(fields: LeadFields) -> LeadFields:
    """`fields` with invisible characters stripped everywhere; emptied fields absent.

    Every lead passes here, whatever its source: Telegram names and shared contacts carry
    zero-width characters as well as forms do.
    """
    known = {name: clean(getattr(fields, name) or "") or None for name in KNOWN_FIELDS}
    extra = _unique_names(
        [(k, v) for key, value in fields.extra.items() if (k := clean(key)) and (v := clean(value))]
    )
    return LeadFields(**known, extra=extra)


# What the client said, as opposed to where the lead came from: any one of these, or any
# extra field that is not technical, makes a lead.
_CLIENT_FIELDS = tuple(f for f in KNOWN_FIELDS if f not in {"channel", "external_id"})


def is_lead(fields: LeadFields) -> bool:
    """Whether a person typed anything: a lead, however little it says."""
    if any(getattr(fields, name) for name in _CLIENT_FIELDS):
        return True
    return any(not is_technical(key) for key in fields.extra)


_UTM_SOURCE = frozenset({"utm_source"})

# A multipart form's attached files: their names, kept as one extra field.
FILES_FIELD = "files"


def settle_channel(fields: LeadFields, fallback: str | None) -> LeadFields:
    """The lead's channel: what the form says, else the intake link's channel (`fallback`),
    else the ad's `utm_source`, which stays among the extras as well."""
    if fields.channel:
        return fields
    channel = fallback or extra_value(fields.extra, _UTM_SOURCE)
    return replace(fields, channel=channel) if channel else fields
