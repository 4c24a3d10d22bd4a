"""Skill tags: a tag matches when it appears in the lead's product, industry or message."""

from __future__ import annotations

from collections.abc import Iterable

from bot.routing.model import LeadFacts


def fold(text: str) -> str:
    """Case- and ё-insensitive, with runs of spaces as one."""
    return " ".join(text.casefold().replace("ё", "е").split())


def matching_skills(lead: LeadFacts, skills: Iterable[str]) -> tuple[str, ...]:
    haystack = fold(" | ".join(v for v in (lead.product, lead.industry, lead.message) if v))
    return tuple(tag for tag in skills if (needle := fold(tag)) and needle in haystack)
