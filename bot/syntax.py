"""How heads write rules, aliases and dry runs: `field=value` pairs, value lists, targets."""

from __future__ import annotations

import re

from bot.leads.fields import canonical_field, normalise_key
from bot.routing import CORE_FIELDS

# `region=Нижний Новгород industry=medical`: a value runs up to the next `name=`.
_PAIR = re.compile(r"([^\s=]+)\s*=\s*(.*?)(?=\s+[^\s=]+\s*=|$)", re.DOTALL)
_QUOTES = "\"'«»“”„"
_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")
_GROUP_PREFIX = re.compile(r"^(?:group|группа|гр|g):", re.IGNORECASE)
_GROUP_NAME = re.compile(r"^[\w-]{1,32}$")

MAX_VALUES = 50
MAX_VALUE_LENGTH = 100

# Russian and common names of the fields rules match on.
_FIELD_WORDS = {
    "канал": "channel",
    "источник": "channel",
    "source": "channel",
    "отрасль": "industry",
    "сфера": "industry",
    "индустрия": "industry",
    "регион": "region",
    "город": "region",
    "область": "region",
    "продукт": "product",
    "товар": "product",
    "услуга": "product",
}


def unquote(text: str) -> str:
    return text.strip().strip(_QUOTES).strip()


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """ "a=1 b=два три" → [("a", "1"), ("b", "два три")]; nothing when no `=` is found."""
    return [(name, unquote(value)) for name, value in _PAIR.findall(text.strip())]


def rule_field(name: str) -> str | None:
    """The field a rule matches: channel, industry, region, product, or a form's own field
    by its normalised name. None for a contact or the client's name: rules never see them."""
    key = normalise_key(name)
    if not key:
        return None
    if key in CORE_FIELDS:
        return key
    if key in _FIELD_WORDS:
        return _FIELD_WORDS[key]
    known = canonical_field(name)
    if known in CORE_FIELDS:
        return known
    return None if known is not None else key


def split_values(text: str) -> tuple[str, ...] | None:
    """ "medical, pharma" → ("medical", "pharma"); None when empty, too many or too long."""
    values = tuple(v for part in text.split(",") if (v := unquote(part)))
    if not values or len(values) > MAX_VALUES:
        return None
    if any(len(v) > MAX_VALUE_LENGTH for v in values):
        return None
    return values


def split_rule(text: str) -> tuple[str, str, str] | None:
    """ "industry=medical,pharma -> @olga" → ("industry", "medical,pharma", "@olga")."""
    sides = _ARROW.split(text.strip(), maxsplit=1)
    if len(sides) != 2 or not sides[1].strip():
        return None
    pairs = parse_pairs(sides[0])
    if len(pairs) != 1:
        return None
    return pairs[0][0], pairs[0][1], sides[1].strip()


def group_target(text: str) -> str | None:
    """ "group:gov" → "gov"; None when `text` names no group."""
    if not _GROUP_PREFIX.match(text):
        return None
    return _GROUP_PREFIX.sub("", text, count=1).strip()


def valid_group_name(name: str) -> bool:
    return bool(_GROUP_NAME.match(name))
