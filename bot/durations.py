"""Durations as people write them in /set ("5m", "1h30m", "3 дн") and as the bot says them."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Literal

from bot.i18n import Html, Translator

_UNITS = {
    **dict.fromkeys(("s", "sec", "с", "сек"), 1),
    **dict.fromkeys(("m", "min", "м", "мин"), 60),
    **dict.fromkeys(("h", "ч", "час", "часа", "часов"), 3600),
    **dict.fromkeys(("d", "day", "days", "д", "дн", "дня", "дней", "день"), 86400),
}
_PART = re.compile(r"(\d{1,6})\s*([a-zа-я]+)")
MAX_DURATION = timedelta(days=30)


def parse_duration(text: str) -> timedelta | None:
    """ "30s", "5m", "2h", "3d", "1h30m", "5 мин"; None if unreadable or out of range."""
    text = text.strip().casefold()
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip() or any(unit not in _UNITS for _, unit in parts):
        return None
    total = timedelta(seconds=sum(int(count) * _UNITS[unit] for count, unit in parts))
    if not timedelta(seconds=1) <= total <= MAX_DURATION:
        return None
    return total


_SIZES = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))


def _parts(value: timedelta) -> list[tuple[str, int]]:
    """ "1h30m" as [("h", 1), ("m", 30)]."""
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in _SIZES:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append((unit, count))
    return parts


def dump_duration(value: timedelta) -> str:
    """ "1h30m": what parse_duration reads back."""
    return "".join(f"{count}{unit}" for unit, count in _parts(value)) or "0s"


def duration_text(value: timedelta, tr: Translator) -> Html:
    """ "1 ч 30 мин" in the reader's language."""
    return Html(" ".join(tr("dur." + unit, n=count) for unit, count in _parts(value)))


def rounded(value: timedelta) -> timedelta:
    """A span as people say it, whole units down: seconds under a minute, whole minutes
    under a day, whole hours past it ("ждёт уже 5 мин" after 5 min 40 s, and a reminder a
    second late still says 5 min)."""
    seconds = max(1, int(value.total_seconds()))
    step = 3600 if seconds >= 86400 else 60 if seconds >= 60 else 1
    return timedelta(seconds=seconds - seconds % step)


def elapsed_text(value: timedelta, tr: Translator) -> Html:
    """How long something really waited, "5 мин" or "2 дн 15 ч", in the reader's language."""
    return duration_text(rounded(value), tr)


def format_duration(
    elapsed: timedelta, tr: Translator, kind: Literal["duration", "span"] = "duration"
) -> Html:
    """ "через 5 мин 3 с" (`duration`, how long until something happened) or "5 мин 3 с"
    (`span`, a length of time on its own): the largest unit and the one just below it, and
    no unit that is zero ("3 дн.", not "3 дн. 0 ч")."""
    parts = _parts(timedelta(seconds=max(0, int(elapsed.total_seconds()))))[:2]
    if not parts:
        return tr("duration.instant" if kind == "duration" else "span.instant")
    units = [unit for unit, _ in _SIZES]
    if len(parts) == 2 and units.index(parts[1][0]) != units.index(parts[0][0]) + 1:
        parts = parts[:1]  # "1 дн." for a day and 30 s: seconds mean nothing beside days
    span = Html(" ".join(tr("dur." + unit, n=count) for unit, count in parts))
    return span if kind == "span" else tr("duration.in", span=span)
