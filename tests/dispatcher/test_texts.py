"""What a head of sales reads in the first week: answers that name what changed, help
that helps, and no English inside Russian."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from bot.team_settings import ALL, AnySetting, TeamSettings
from tests.builders import HEAD
from tests.conftest import World
from tests.dispatcher.conftest import make_team, reply_to

# A value each setting takes, written as a Russian head would write it.
RUSSIAN_VALUES = {
    "mode": "по очереди",
    "cap": "10",
    "announce": "нет",
    "known_client": "нет",
    "region_basis": "юридический",
    "franchise": "бренд",
    "claim_remind": "10 мин",
    "claim_escalate": "1 ч",
    "accept_timeout": "30 мин",
    "max_passes": "5",
    "outcome_remind": "2 дн",
    "handback": "нет",
    "timezone": "Asia/Yekaterinburg",
    "work_days": "пн-сб",
    "work_hours": "10:00-19:00",
    "off_hours": "дежурные",
}


def test_every_setting_has_a_russian_value_here() -> None:
    assert set(RUSSIAN_VALUES) == {s.name for s in ALL}


@pytest.mark.parametrize("setting", ALL, ids=lambda s: s.name)
async def test_every_set_answer_is_one_line_naming_the_setting_and_its_new_value(
    world: World, setting: AnySetting
) -> None:
    await make_team(world)
    name = setting.name
    answer = await reply_to(world, HEAD, f"/set {name} {RUSSIAN_VALUES[name]}")
    tr = Translator("ru")
    parsed = TeamSettings({name: setting.normalized(RUSSIAN_VALUES[name])})
    value = setting.shown(parsed, tr)
    assert answer == f"Сохранено: {tr('setting.' + name)} — {value}.", answer
    assert "\n" not in answer
    again = await reply_to(world, HEAD, f"/set {name} {RUSSIAN_VALUES[name]}")
    assert again.startswith("Так и есть: ") and again.endswith(f" — {value}.")
