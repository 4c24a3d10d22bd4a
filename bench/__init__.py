from __future__ import annotations

from storage import TeamSettingRepo


async def open_all_day(settings: TeamSettingRepo, team_id: int) -> None:
    """Benchmarks measure routing, not the clock: the team works around the clock, so that
    a run at night or at the weekend routes as one in the afternoon."""
    await settings.put(team_id, "work_days", "daily")
    await settings.put(team_id, "work_hours", "00:00-24:00")
