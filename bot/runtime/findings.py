"""What `check` finds: one line each, in English and Russian."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    ok: bool
    english: str
    russian: str
    warning: bool = False  # works, but not as a head of sales would expect: say what follows


def good(english: str, russian: str) -> Finding:
    return Finding(True, english, russian)


def bad(english: str, russian: str) -> Finding:
    return Finding(False, english, russian)


def warn(english: str, russian: str) -> Finding:
    return Finding(True, english, russian, warning=True)
