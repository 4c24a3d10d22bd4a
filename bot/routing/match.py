"""Whether a lead's field matches a rule: the spelling rules and aliases.

Two spellings are the same value when they differ only in case, spaces, ё/е or Unicode
compatibility forms ("Яндекс Директ", "яндекс  директ", "ЯНДЕКСДИРЕКТ"). An alias makes
one value stand for another (`/alias region мск Москва`): a value matches its own spelling
and its aliases, nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from bot.routing.model import LeadFacts, RegionBasis, Rule

# Rule fields that are columns of a lead; any other name is an extra field's.
CORE_FIELDS = ("channel", "industry", "region", "product")

# `region=federal` in a rule matches a lead whose client works in many regions.
FEDERAL = "federal"
_FEDERAL_WORDS = frozenset({"federal", "федеральный", "федеральная", "федеральные", "фед"})

_REGION_SEPARATORS = re.compile(r"\s*(?:[,;/+]|\s(?:и|and)\s)\s*", re.IGNORECASE)
# Longest alias chain followed; a longer one (or a cycle) stops where it is.
_MAX_HOPS = 8


def value_key(text: str) -> str:
    """The spelling-free form of a value: what two equal values have in common."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return "".join(folded.split())


def canonical(field: str, text: str, aliases: Mapping[str, Mapping[str, str]]) -> str:
    """The value `text` stands for in `field`, following aliases (keys are `value_key`s)."""
    by_field = aliases.get(field, {})
    key = value_key(text)
    seen = {key}
    for _ in range(_MAX_HOPS):
        target = by_field.get(key)
        if target is None or target in seen:
            break
        seen.add(target)
        key = target
    return key


def regions(text: str | None) -> tuple[str, ...]:
    """ "Москва, Казань" → ("Москва", "Казань")."""
    if not text:
        return ()
    return tuple(part for part in _REGION_SEPARATORS.split(text.strip()) if part)


def is_federal_word(text: str) -> bool:
    return value_key(text) in _FEDERAL_WORDS


def seen_region(lead: LeadFacts, basis: RegionBasis) -> str | None:
    """The region the rules see: the registered one when the team chose so and the form
    sent it, else where the client works."""
    if basis is RegionBasis.REGISTERED and lead.registered_region:
        return lead.registered_region
    return lead.region


def lead_values(lead: LeadFacts, field: str, basis: RegionBasis) -> tuple[str, ...]:
    """What the lead says in `field`, as rules compare it. A federal lead's region is
    `federal` and, for rules that do not say federal, its first region."""
    match field:
        case "region":
            named = regions(seen_region(lead, basis))
            places = tuple(part for part in named if not is_federal_word(part))
            federal = lead.federal or len(places) > 1 or len(places) < len(named)
            first = places[:1]
            return (FEDERAL, *first) if federal else first
        case "channel" | "industry" | "product":
            value: str | None = getattr(lead, field)
            return (value,) if value else ()
        case _:
            return tuple(v for name, v in lead.extra if name == field and v)


def match_rule(
    rule: Rule,
    lead: LeadFacts,
    aliases: Mapping[str, Mapping[str, str]],
    basis: RegionBasis = RegionBasis.OPERATING,
) -> str | None:
    """The rule's value that the lead matches, or None."""
    wanted = lead_values(lead, rule.field, basis)
    if not wanted:
        return None
    have = {canonical(rule.field, v, aliases) for v in wanted}
    for value in rule.values:
        if rule.field == "region" and is_federal_word(value):
            if FEDERAL in have:
                return value
            continue
        if canonical(rule.field, value, aliases) in have:
            return value
    return None
