"""How each kind of setting value is read from a person's text, and shown back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.durations import duration_text, parse_duration
from bot.i18n import Html, Translator
from bot.routing import Franchise, Mode, RegionBasis
from bot.routing.hours import OffHours, Span, days_text, parse_days
from bot.team_settings.kind import SettingError

E = TypeVar("E")


def mode(text: str) -> Mode:
    words = {
        "first_come": Mode.FIRST_COME,
        "firstcome": Mode.FIRST_COME,
        "first": Mode.FIRST_COME,
        "кто_успел": Mode.FIRST_COME,
        "round_robin": Mode.ROUND_ROBIN,
        "roundrobin": Mode.ROUND_ROBIN,
        "queue": Mode.ROUND_ROBIN,
        "по_очереди": Mode.ROUND_ROBIN,
        "очередь": Mode.ROUND_ROBIN,
        "head_decides": Mode.HEAD_DECIDES,
        "head": Mode.HEAD_DECIDES,
        "руководитель": Mode.HEAD_DECIDES,
        "решает_руководитель": Mode.HEAD_DECIDES,
        "least_loaded": Mode.LEAST_LOADED,
        "leastloaded": Mode.LEAST_LOADED,
        "least": Mode.LEAST_LOADED,
        "load": Mode.LEAST_LOADED,
        "по_загрузке": Mode.LEAST_LOADED,
        "загрузка": Mode.LEAST_LOADED,
        "меньше_всего_в_работе": Mode.LEAST_LOADED,
    }
    found = words.get(text.strip().casefold().replace("-", "_").replace(" ", "_"))
    if found is None:
        raise SettingError("set.bad_mode")
    return found


def _count(text: str, most: int, error: str) -> int:
    """A whole number from 1 to `most`, in ASCII digits; raises SettingError(`error`)."""
    text = text.strip()
    if not text.isdecimal() or not text.isascii() or not 1 <= int(text) <= most:
        raise SettingError(error)
    return int(text)


def _count_or_off(text: str, most: int, error: str) -> int | None:
    """The same, or None for `off` (0 among its words)."""
    if text.strip().casefold() in {"off", "нет", "выкл", "none", "0"}:
        return None
    return _count(text, most, error)


def cap(text: str) -> int | None:
    return _count_or_off(text, 1000, "set.bad_cap")


def auto_pause(text: str) -> int | None:
    """How many lapses in a row pause a manager, or None for `off`."""
    return _count_or_off(text, 20, "set.bad_auto_pause")


def show_auto_pause(value: int | None, tr: Translator) -> Html:
    return tr("setting.off") if value is None else tr("setting.auto_pause.after", count=value)


def switch(text: str) -> bool:
    text = text.strip().casefold()
    if text in {"on", "yes", "true", "1", "да", "вкл"}:
        return True
    if text in {"off", "no", "false", "0", "нет", "выкл"}:
        return False
    raise SettingError("set.bad_switch")


def duration(text: str) -> timedelta | None:
    """A duration, or None for `off`; raises SettingError."""
    if text.strip().casefold() in {"off", "нет", "выкл", "none"}:
        return None
    duration = parse_duration(text)
    if duration is None:
        raise SettingError("set.bad_duration")
    return duration


def show_optional_duration(value: timedelta | None, tr: Translator) -> Html:
    return tr("setting.off") if value is None else duration_text(value, tr)


def passes(text: str) -> int:
    return _count(text, 20, "set.bad_passes")


def zone(text: str) -> ZoneInfo:
    text = text.strip()
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    # "europe/moscow" and "UTC" alike: the names are case-sensitive on disk, people are not.
    folded = {name.casefold(): name for name in available_timezones()}
    name = folded.get(text.casefold())
    if name is None:
        raise SettingError("set.bad_timezone")
    return ZoneInfo(name)


def days(text: str) -> frozenset[int]:
    days = parse_days(text)
    if not days:
        raise SettingError("set.bad_days")
    return days


def span(text: str) -> Span:
    span = Span.parse(text)
    if span is None:
        raise SettingError("set.bad_hours")
    return span


def show_days(value: frozenset[int], tr: Translator) -> Html:
    """ "пн–пт", "пн, ср, пт", "ежедневно"."""
    if len(value) == 7:
        return tr("weekday.every")
    runs = days_text(value).split(",")
    return Html(", ".join("–".join(tr("weekday." + day) for day in run.split("-")) for run in runs))


def word(words: Mapping[str, E], error: str) -> Callable[[str], E]:
    """A parser for a setting that takes one of a few words; `error` names the catalog text
    listing them."""

    def parse(text: str) -> E:
        found = words.get(text.strip().casefold())
        if found is None:
            raise SettingError(error)
        return found

    return parse


region_basis = word(
    {
        "operating": RegionBasis.OPERATING,
        "работы": RegionBasis.OPERATING,
        "фактический": RegionBasis.OPERATING,
        "registered": RegionBasis.REGISTERED,
        "регистрации": RegionBasis.REGISTERED,
        "юридический": RegionBasis.REGISTERED,
    },
    "set.bad_region_basis",
)
franchise = word(
    {
        "entity": Franchise.ENTITY,
        "юрлицо": Franchise.ENTITY,
        "brand": Franchise.BRAND,
        "бренд": Franchise.BRAND,
    },
    "set.bad_franchise",
)
off_hours = word(
    {
        "hold": OffHours.HOLD,
        "wait": OffHours.HOLD,
        "ждать": OffHours.HOLD,
        "утро": OffHours.HOLD,
        "duty": OffHours.DUTY,
        "дежурные": OffHours.DUTY,
        "дежурный": OffHours.DUTY,
    },
    "set.bad_off_hours",
)


class Digest(StrEnum):
    """Whether the heads get the weekly report on Monday morning."""

    WEEKLY = "weekly"
    OFF = "off"


digest = word(
    {
        "weekly": Digest.WEEKLY,
        "on": Digest.WEEKLY,
        "еженедельно": Digest.WEEKLY,
        "да": Digest.WEEKLY,
        "off": Digest.OFF,
        "no": Digest.OFF,
        "нет": Digest.OFF,
        "выкл": Digest.OFF,
    },
    "set.bad_digest",
)


def show_cap(value: int | None, tr: Translator) -> Html:
    return tr("setting.cap.none") if value is None else Html(str(value))


def show_switch(value: bool, tr: Translator) -> Html:
    return tr("setting.on" if value else "setting.off")
