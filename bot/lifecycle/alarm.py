"""How code that writes a deadline tells the scheduler to wake up earlier."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo


class Sleeper(Protocol):
    def wake_at(self, due: datetime) -> None: ...

    def zone_changed(self, team_id: int, zone: ZoneInfo) -> None: ...


class Alarm:
    """Set when a timer row is written; the scheduler moves its wake-up to that time if it
    is earlier. A rolled-back transaction only makes it wake once for nothing: the
    database, not the alarm, decides what is due."""

    def __init__(self) -> None:
        self._sleeper: Sleeper | None = None

    def listen(self, sleeper: Sleeper) -> None:
        self._sleeper = sleeper

    def set(self, due: datetime) -> None:
        if self._sleeper is not None:
            self._sleeper.wake_at(due)

    def zone_changed(self, team_id: int, zone: ZoneInfo) -> None:
        """A team's midnight moved: its vacations start and end at the new one."""
        if self._sleeper is not None:
            self._sleeper.zone_changed(team_id, zone)
