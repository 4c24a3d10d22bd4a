"""Every team setting, declared once: its name, default, how it is read from `/set` and
stored, and how it is shown. `/settings` lists them in this order; `/set` finds them here.

Adding a setting is one declaration below and one line in `ALL`, plus its catalog texts
(`setting.<name>` for its label, `setting.<name>.help` for what values it takes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.i18n import Html, Translator
from bot.routing import Franchise, Mode, RegionBasis


class SettingError(ValueError):
    """A value `/set` cannot take; `key` names the catalog text that explains why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


T = TypeVar("T")


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


def _region_basis(text: str) -> RegionBasis:
    words = {
        "operating": RegionBasis.OPERATING,
        "работы": RegionBasis.OPERATING,
        "фактический": RegionBasis.OPERATING,
        "registered": RegionBasis.REGISTERED,
        "регистрации": RegionBasis.REGISTERED,
        "юридический": RegionBasis.REGISTERED,
    }
    found = words.get(text.strip().casefold())
    if found is None:
        raise SettingError("set.bad_region_basis")
    return found


def _franchise(text: str) -> Franchise:
    words = {
        "entity": Franchise.ENTITY,
        "юрлицо": Franchise.ENTITY,
        "brand": Franchise.BRAND,
        "бренд": Franchise.BRAND,
    }
    found = words.get(text.strip().casefold())
    if found is None:
        raise SettingError("set.bad_franchise")
    return found


def _show_cap(value: int | None, tr: Translator) -> Html:
    return tr("setting.cap.none") if value is None else Html(str(value))


def _show_switch(value: bool, tr: Translator) -> Html:
    return tr("setting.on" if value else "setting.off")


MODE = Setting[Mode]("mode", Mode.FIRST_COME, _mode, str, lambda v, tr: tr("mode." + v))
CAP = Setting[int | None]("cap", None, _cap, lambda v: "off" if v is None else str(v), _show_cap)
ANNOUNCE = Setting[bool]("announce", True, _switch, lambda v: "on" if v else "off", _show_switch)
KNOWN_CLIENT = Setting[bool](
    "known_client", True, _switch, lambda v: "on" if v else "off", _show_switch
)
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

AnySetting = (
    Setting[Mode] | Setting[int | None] | Setting[bool] | Setting[RegionBasis] | Setting[Franchise]
)
ALL: tuple[AnySetting, ...] = (MODE, CAP, ANNOUNCE, KNOWN_CLIENT, REGION_BASIS, FRANCHISE)
BY_NAME = {setting.name: setting for setting in ALL}


class TeamSettings:
    """A team's settings with their types; what was never set has its default."""

    def __init__(self, stored: Mapping[str, str] | None = None) -> None:
        self._stored = dict(stored or {})

    def __getitem__(self, setting: Setting[T]) -> T:
        text = self._stored.get(setting.name)
        if text is None:
            return setting.default
        try:
            return setting.parse(text)
        except SettingError:
            # Written by a newer version, or edited by hand: the default is the safe reading.
            return setting.default
