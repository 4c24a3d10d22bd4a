"""A person's name, as forms split it and as people write it. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

# "Иван", "Иван Петров", "Анна-Мария Петрова", "Петров И. И.": capitalised words only.
_NAME = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")
_MAX_NAME_WORDS = 3
# Capitalised words that open a message rather than sign it.
_NOT_NAMES = frozenset(
    {
        "здравствуйте", "привет", "добрый", "доброе", "спасибо", "срочно", "нужно", "нужен",
        "нужна", "хочу", "хотим", "прошу", "пожалуйста", "перезвоните", "интересует",
        "вопрос", "заявка", "клиент", "hello", "hi", "please", "urgent", "thanks", "да", "нет",
        "yes", "no",
    }
)  # fmt: skip


def looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or words[0].casefold() in _NOT_NAMES:
        return False
    return all(_NAME.match(word) and word[0].isupper() for word in words)


# Parts of a name as forms call them, by their normalised field name. They are joined in
# the order the form asked for them: "Фамилия, Имя, Отчество" reads as a Russian full
# name does, "first name, last name" as a person introduces themselves.
_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (part, re.compile(rf"^(?:{whole})$|name_(?:{nested})$"))
    for part, whole, nested in (
        ("last", r"last_?name|surname|family_?name|фамилия|lname", r"last|family"),
        ("first", r"first_?name|given_?name|fname|имя", r"first|given"),
        ("middle", r"middle_?name|patronymic(?:_name)?|second_name|отчество", r"middle"),
    )
)
# A field that holds the first name when a surname comes beside it (Bitrix's NAME).
_PLAIN_NAME = frozenset({"name", "имя"})


def name_part(normal_key: str) -> str | None:
    """ "first", "last" or "middle" for a field that holds that part of a name."""
    return next((part for part, pattern in _PARTS if pattern.search(normal_key)), None)


def join_parts(pairs: Sequence[tuple[str, str, str]]) -> tuple[str, set[int]] | None:
    """The whole name from its parts, and the indexes of the pairs it used.

    `pairs` are (normalised key, original key, value). Parts join only when there are two
    or more of them, or a surname alone: a first name alone is just a name.
    """
    found: dict[str, tuple[int, str]] = {}
    for index, (normal, _key, value) in enumerate(pairs):
        part = name_part(normal)
        if part is not None and value.strip() and part not in found:
            found[part] = (index, value.strip())
    if "last" in found and "first" not in found:
        plain = next(
            (
                (i, v.strip())
                for i, (n, _k, v) in enumerate(pairs)
                if n in _PLAIN_NAME and v.strip()
            ),
            None,
        )
        if plain is not None:
            found["first"] = plain
    if len(found) < 2 and "last" not in found:
        return None
    ordered = sorted(found.values())  # by the pairs' order: the form's own
    return " ".join(value for _, value in ordered), {index for index, _ in ordered}


def guess_name(candidates: Sequence[tuple[int, str]]) -> int | None:
    """Which of some unnamed values reads as a person's name: the first of two or three
    capitalised words; a single word only when no other value could be one."""
    named = [(index, value) for index, value in candidates if looks_like_name(value)]
    several = [index for index, value in named if len(value.split()) > 1]
    if several:
        return several[0]
    return named[0][0] if len(named) == 1 else None
