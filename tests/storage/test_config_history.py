"""The configuration's history: every setting change, rule change and pause is kept with
its moment, and `ConfigHistory` reads back what was in force at any moment since."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.reports.history import ConfigHistory
from storage import Database, TeamRecord, Unit
from tests.repos import bare

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


async def team_with_two(db: Database) -> tuple[Unit, TeamRecord, int, int]:
    async with db.unit() as u:
        team = await u.teams.create(-1, "Sales", "ru", 100, T0)
        ivan = await u.members.upsert_active(team.id, 201, "Ivan", None, "ru", T0)
        olga = await u.members.upsert_active(team.id, 202, "Olga", None, "ru", T0)
    return bare(db), team, ivan.id, olga.id


async def history(repos: Unit, team: TeamRecord, since: datetime) -> ConfigHistory:
    return ConfigHistory(
        await repos.settings.values(team.id),
        await repos.rules.all_of(team.id),
        await repos.history.setting_changes(team.id, since),
        await repos.history.rule_changes(team.id, since),
    )


async def test_what_was_in_force_is_read_back_at_any_moment(db: Database) -> None:
    repos, team, ivan, olga = await team_with_two(db)
    async with db.unit() as u:
        await u.settings.put(team.id, "mode", "round_robin", T0 + HOUR)
        await u.settings.put(team.id, "mode", "round_robin", T0 + 2 * HOUR)  # the same
        await u.rules.add(team.id, "industry", ["medical"], ivan, None, T0 + 2 * HOUR)
        await u.rules.add(team.id, "region", ["Москва"], olga, None, T0 + 3 * HOUR)
        await u.settings.put(team.id, "mode", "head_decides", T0 + 4 * HOUR)
        backwards = [r.id for r in reversed(await u.rules.all_of(team.id))]
        await u.rules.reorder(team.id, backwards, T0 + 5 * HOUR)
        first = (await u.rules.all_of(team.id))[0]
        await u.rules.delete(team.id, first.id, T0 + 6 * HOUR)
    changes = await repos.history.setting_changes(team.id, T0)
    assert [(c.name, c.old_value) for c in changes] == [("mode", None), ("mode", "round_robin")]
    read = await history(repos, team, T0)

    def at(hours: float) -> tuple[str | None, list[str]]:
        in_force = read.at(T0 + timedelta(hours=hours))
        return in_force.values.get("mode"), [r.field for r in in_force.rules]

    assert at(0) == (None, [])  # the default mode, no rules
    assert at(1) == ("round_robin", [])  # a change is in force from its moment
    assert at(2.5) == ("round_robin", ["industry"])
    assert at(3) == ("round_robin", ["industry", "region"])
    assert at(4.5) == ("head_decides", ["industry", "region"])
    assert at(5) == ("head_decides", ["region", "industry"])
    assert at(7) == ("head_decides", ["industry"])
    assert [r.number for r in read.at(T0 + 5 * HOUR).rules] == [1, 2]
    # Read from a later moment on, the earlier changes are the past: in force then already.
    later = await history(repos, team, T0 + 4 * HOUR)
    assert later.at(T0 + 4 * HOUR - timedelta(seconds=1)).values["mode"] == "round_robin"
    assert len(later.eras) == 4


async def test_pauses_are_kept_from_start_to_end(db: Database) -> None:
    repos, team, ivan, olga = await team_with_two(db)
    async with db.unit() as u:
        assert await u.members.set_paused(ivan, True, T0)
        assert not await u.members.set_paused(ivan, True, T0 + HOUR)  # paused already
        assert await u.members.set_paused(ivan, False, T0 + 2 * HOUR)
        assert not await u.members.set_paused(olga, False, T0)  # never paused
        assert await u.members.set_paused(olga, True, T0 + 3 * HOUR)
    pauses = await repos.history.pauses(team.id, T0)
    assert [(p.member_id, p.started_at, p.ended_at) for p in pauses] == [
        (ivan, T0, T0 + 2 * HOUR),
        (olga, T0 + 3 * HOUR, None),
    ]
    # Over before the moment asked from: not in force since.
    assert [p.member_id for p in await repos.history.pauses(team.id, T0 + 2 * HOUR)] == [olga]
