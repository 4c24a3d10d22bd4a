"""Every team setting, declared once: its name, default, how it is read from `/set` and
stored, and how it is shown. `/settings` lists them in this order; `/set` finds them here.

Adding a setting is one declaration below and one line in `ALL`, plus its catalog texts
(`setting.<name>` for its label, `setting.<name>.help` for what values it takes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.durations import dump_duration, duration_text, parse_duration
from bot.i18n import Html, Translator
from bot.routing import Franchise, Mode, RegionBasis
from bot.routing.hours import OffHours, Span, days_text, parse_days


class SettingError(ValueError):
    """A value `/set` cannot take; `key` names the catalog text that explains why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


T = TypeVar("T")
E = TypeVar("E")


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    default: T
    parse: Callable[[str], T]  # a person's text, or the stored text; raises SettingError
    dump: Callable[[T], str]  # what is stored, and what parse reads back
    show: Callable[[T, Translator], Html]

    def normalized(self, text: str) -> str:
        """What to store for a person's `text`; raises SettingError."""
        return self.dump(self.parse(text))

    @property
    def default_text(self) -> str:
        return self.dump(self.default)

    def shown(self, settings: TeamSettings, tr: Translator) -> Html:
        return self.show(settings[self], tr)


def _mode(text: str) -> Mode:
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
    }
    found = words.get(text.strip().casefold().replace("-", "_").replace(" ", "_"))
    if found is None:
        raise SettingError("set.bad_mode")
    return found


def _cap(text: str) -> int | None:
    text = text.strip().casefold()
    if text in {"off", "нет", "выкл", "none", "0"}:
        return None
    if not text.isdecimal() or not text.isascii() or not 1 <= int(text) <= 1000:
        raise SettingError("set.bad_cap")
    return int(text)


def _switch(text: str) -> bool:
    text = text.strip().casefold()
    if text in {"on", "yes", "true", "1", "да", "вкл"}:
        return True
    if text in {"off", "no", "false", "0", "нет", "выкл"}:
        return False
    raise SettingError("set.bad_switch")


def _duration(text: str) -> timedelta | None:
    """A duration, or None for `off`; raises SettingError."""
    if text.strip().casefold() in {"off", "нет", "выкл", "none"}:
        return None
    duration = parse_duration(text)
    if duration is None:
        raise SettingError("set.bad_duration")
    return duration


def _show_optional_duration(value: timedelta | None, tr: Translator) -> Html:
    return tr("setting.off") if value is None else duration_text(value, tr)


def _passes(text: str) -> int:
    text = text.strip()
    if not text.isdecimal() or not text.isascii() or not 1 <= int(text) <= 20:
        raise SettingError("set.bad_passes")
    return int(text)


def _zone(text: str) -> ZoneInfo:
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


def _days(text: str) -> frozenset[int]:
    days = parse_days(text)
    if not days:
        raise SettingError("set.bad_days")
    return days


def _span(text: str) -> Span:
    span = Span.parse(text)
    if span is None:
        raise SettingError("set.bad_hours")
    return span


def _show_days(value: frozenset[int], tr: Translator) -> Html:
    """ "пн–пт", "пн, ср, пт", "ежедневно"."""
    if len(value) == 7:
        return tr("weekday.every")
    runs = days_text(value).split(",")
    return Html(", ".join("–".join(tr("weekday." + day) for day in run.split("-")) for run in runs))


def _word(words: Mapping[str, E], error: str) -> Callable[[str], E]:
    """A parser for a setting that takes one of a few words; `error` names the catalog text
    listing them."""

    def parse(text: str) -> E:
        found = words.get(text.strip().casefold())
        if found is None:
            raise SettingError(error)
        return found

    return parse


_region_basis = _word(
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
_franchise = _word(
    {
        "entity": Franchise.ENTITY,
        "юрлицо": Franchise.ENTITY,
        "brand": Franchise.BRAND,
        "бренд": Franchise.BRAND,
    },
    "set.bad_franchise",
)
_off_hours = _word(
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


_digest = _word(
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


def _show_cap(value: int | None, tr: Translator) -> Html:
    return tr("setting.cap.none") if value is None else Html(str(value))


def _show_switch(value: bool, tr: Translator) -> Html:
    return tr("setting.on" if value else "setting.off")


def _switch_setting(name: str, default: bool) -> Setting[bool]:
    return Setting[bool](name, default, _switch, lambda v: "on" if v else "off", _show_switch)


MODE = Setting[Mode]("mode", Mode.FIRST_COME, _mode, str, lambda v, tr: tr("mode." + v))
CAP = Setting[int | None]("cap", None, _cap, lambda v: "off" if v is None else str(v), _show_cap)
ANNOUNCE = _switch_setting("announce", True)
KNOWN_CLIENT = _switch_setting("known_client", True)
REGION_BASIS = Setting[RegionBasis](
    "region_basis",
    RegionBasis.OPERATING,
    _region_basis,
    str,
    lambda v, tr: tr("region_basis." + v),
)
FRANCHISE = Setting[Franchise](
    "franchise", Franchise.ENTITY, _franchise, str, lambda v, tr: tr("franchise." + v)
)


def _timer_setting(name: str, default: timedelta) -> Setting[timedelta | None]:
    return Setting[timedelta | None](
        name,
        default,
        _duration,
        lambda v: "off" if v is None else dump_duration(v),
        _show_optional_duration,
    )


CLAIM_REMIND = _timer_setting("claim_remind", timedelta(minutes=5))
CLAIM_ESCALATE = _timer_setting("claim_escalate", timedelta(minutes=15))
ACCEPT_TIMEOUT = _timer_setting("accept_timeout", timedelta(minutes=10))
MAX_PASSES = Setting[int]("max_passes", 3, _passes, str, lambda v, tr: Html(str(v)))
OUTCOME_REMIND = _timer_setting("outcome_remind", timedelta(days=3))
HANDBACK = _switch_setting("handback", True)
# The durations a lead's timers run on: changing one moves the timers already set.
TIMER_DURATIONS = frozenset(
    s.name for s in (CLAIM_REMIND, CLAIM_ESCALATE, ACCEPT_TIMEOUT, OUTCOME_REMIND)
)
# The bot's TIMEZONE stands in for a team that never set its own (see TeamSettings).
TIMEZONE = Setting[ZoneInfo](
    "timezone", ZoneInfo("Europe/Moscow"), _zone, lambda v: v.key, lambda v, tr: Html(v.key)
)
WORK_DAYS = Setting[frozenset[int]]("work_days", frozenset(range(5)), _days, days_text, _show_days)
WORK_HOURS = Setting[Span](
    "work_hours", Span(9 * 60, 18 * 60), _span, str, lambda v, tr: Html(str(v).replace("-", "–"))
)
OFF_HOURS = Setting[OffHours](
    "off_hours", OffHours.HOLD, _off_hours, str, lambda v, tr: tr("off_hours." + v)
)
DIGEST = Setting[Digest]("digest", Digest.WEEKLY, _digest, str, lambda v, tr: tr("digest." + v))

AnySetting = (
    Setting[Mode]
    | Setting[int | None]
    | Setting[bool]
    | Setting[RegionBasis]
    | Setting[Franchise]
    | Setting[timedelta | None]
    | Setting[int]
    | Setting[ZoneInfo]
    | Setting[frozenset[int]]
    | Setting[Span]
    | Setting[OffHours]
    | Setting[Digest]
)
ALL: tuple[AnySetting, ...] = (
    MODE,
    CAP,
    ANNOUNCE,
    KNOWN_CLIENT,
    REGION_BASIS,
    FRANCHISE,
    CLAIM_REMIND,
    CLAIM_ESCALATE,
    ACCEPT_TIMEOUT,
    MAX_PASSES,
    OUTCOME_REMIND,
    HANDBACK,
    TIMEZONE,
    WORK_DAYS,
    WORK_HOURS,
    OFF_HOURS,
    DIGEST,
)
BY_NAME = {setting.name: setting for setting in ALL}


def working_time(settings: TeamSettings, tr: Translator) -> Html:
    """ "пн–пт 09:00–18:00": when the team works, as the heads read it."""
    return Html(f"{WORK_DAYS.shown(settings, tr)} {WORK_HOURS.shown(settings, tr)}")


class TeamSettings:
    """A team's settings with their types; what was never set has its default, and the
    time zone the bot's TIMEZONE (`zone`)."""

    def __init__(self, stored: Mapping[str, str] | None = None, zone: str | None = None) -> None:
        self._stored = dict(stored or {})
        self._zone = zone
        if zone is not None:
            self._stored.setdefault(TIMEZONE.name, zone)

    def then(self, stored: Mapping[str, str]) -> TeamSettings:
        """The same team's settings as `stored` once said them (/replay's past)."""
        return TeamSettings(stored, self._zone)

    def __getitem__(self, setting: Setting[T]) -> T:
        text = self._stored.get(setting.name)
        if text is None:
            return setting.default
        try:
            return setting.parse(text)
        except SettingError:
            # Written by a newer version, or edited by hand: the default is the safe reading.
            return setting.default
