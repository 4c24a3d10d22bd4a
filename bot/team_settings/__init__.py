"""Every team setting, declared once: its name, default, how it is read from `/set` and
stored, and how it is shown. `/settings` lists them in this order; `/set` finds them here.

Adding a setting is one declaration below and one line in `ALL`, plus its catalog texts
(`setting.<name>` for its label, `setting.<name>.help` for what values it takes).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.durations import dump_duration
from bot.i18n import Html, Translator
from bot.routing import Franchise, Mode, RegionBasis
from bot.routing.hours import OffHours, Span, days_text
from bot.team_settings import values
from bot.team_settings.kind import Setting, SettingError
from bot.team_settings.values import Digest

# What a setting is and the digest's values live beside; callers import them from here.
__all__ = ["Digest", "Setting", "SettingError"]

T = TypeVar("T")


def _switch_setting(name: str, default: bool) -> Setting[bool]:
    return Setting[bool](
        name, default, values.switch, lambda v: "on" if v else "off", values.show_switch
    )


MODE = Setting[Mode]("mode", Mode.FIRST_COME, values.mode, str, lambda v, tr: tr("mode." + v))
CAP = Setting[int | None](
    "cap", None, values.cap, lambda v: "off" if v is None else str(v), values.show_cap
)
ANNOUNCE = _switch_setting("announce", True)
KNOWN_CLIENT = _switch_setting("known_client", True)
REGION_BASIS = Setting[RegionBasis](
    "region_basis",
    RegionBasis.OPERATING,
    values.region_basis,
    str,
    lambda v, tr: tr("region_basis." + v),
)
FRANCHISE = Setting[Franchise](
    "franchise", Franchise.ENTITY, values.franchise, str, lambda v, tr: tr("franchise." + v)
)


def _timer_setting(name: str, default: timedelta | None) -> Setting[timedelta | None]:
    return Setting[timedelta | None](
        name,
        default,
        values.duration,
        lambda v: "off" if v is None else dump_duration(v),
        values.show_optional_duration,
    )


CLAIM_REMIND = _timer_setting("claim_remind", timedelta(minutes=5))
CLAIM_ESCALATE = _timer_setting("claim_escalate", timedelta(minutes=15))
ACCEPT_TIMEOUT = _timer_setting("accept_timeout", timedelta(minutes=10))
MAX_PASSES = Setting[int]("max_passes", 3, values.passes, str, lambda v, tr: Html(str(v)))
OUTCOME_REMIND = _timer_setting("outcome_remind", timedelta(days=3))
# The first contact with the client: its owner is reminded, and then (if a head wants it)
# the lead goes on to someone who will call.
CONTACT_REMIND = _timer_setting("contact_remind", timedelta(minutes=5))
CONTACT_TIMEOUT = _timer_setting("contact_timeout", None)
# A manager who lets this many offers (or first contacts) in a row lapse is paused.
AUTO_PAUSE = Setting[int | None](
    "auto_pause", None, values.auto_pause, lambda v: "off" if v is None else str(v),
    values.show_auto_pause,
)  # fmt: skip
# A repeat submission from the same phone or e-mail this soon joins the open lead.
DUPLICATE_WINDOW = _timer_setting("duplicate_window", timedelta(hours=1))
HANDBACK = _switch_setting("handback", True)
# The durations a lead's timers run on: changing one moves the timers already set.
TIMER_DURATIONS = frozenset(
    s.name
    for s in (
        CLAIM_REMIND,
        CLAIM_ESCALATE,
        ACCEPT_TIMEOUT,
        OUTCOME_REMIND,
        CONTACT_REMIND,
        CONTACT_TIMEOUT,
    )
)
# The bot's TIMEZONE stands in for a team that never set its own (see TeamSettings).
TIMEZONE = Setting[ZoneInfo](
    "timezone", ZoneInfo("Europe/Moscow"), values.zone, lambda v: v.key, lambda v, tr: Html(v.key)
)
WORK_DAYS = Setting[frozenset[int]](
    "work_days", frozenset(range(5)), values.days, days_text, values.show_days
)
WORK_HOURS = Setting[Span](
    "work_hours",
    Span(9 * 60, 18 * 60),
    values.span,
    str,
    lambda v, tr: Html(str(v).replace("-", "–")),
)
OFF_HOURS = Setting[OffHours](
    "off_hours", OffHours.HOLD, values.off_hours, str, lambda v, tr: tr("off_hours." + v)
)
DIGEST = Setting[Digest](
    "digest", Digest.WEEKLY, values.digest, str, lambda v, tr: tr("digest." + v)
)

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
    CONTACT_REMIND,
    CONTACT_TIMEOUT,
    AUTO_PAUSE,
    DUPLICATE_WINDOW,
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
