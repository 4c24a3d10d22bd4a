"""What the team's configuration was at a past moment: its settings and rules as then, from
today's and the changes kept since (each with the value it replaced). Pure.

A value at a moment is the one the first change after it replaced, or today's when nothing
changed since. Before the history was kept, nothing reads as changed: today's values.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.team.history import RuleChange, SettingChange
from storage.team.rules import RuleRecord


@dataclass(frozen=True)
class InForce:
    """The configuration from `since` until the next one's `since`."""

    since: datetime | None  # None: from before the period
    values: Mapping[str, str]  # the settings as stored (a missing name: its default)
    rules: tuple[RuleRecord, ...]


class ConfigHistory:
    def __init__(
        self,
        values: Mapping[str, str],
        rules: Sequence[RuleRecord],
        settings: Sequence[SettingChange],
        rule_changes: Sequence[RuleChange],
    ) -> None:
        """Today's `values` and `rules`, and the changes since a moment, in order."""
        self._values = dict(values)
        self._rules = tuple(rules)
        self._settings = sorted(settings, key=lambda c: c.at)
        self._rule_changes = sorted(rule_changes, key=lambda c: c.at)
        instants = {c.at for c in self._settings} | {c.at for c in self._rule_changes}
        self._instants = sorted(instants)
        self._eras = [self._at(None)] + [self._at(instant) for instant in self._instants]

    @property
    def eras(self) -> tuple[InForce, ...]:
        """Each configuration in turn: the first from before the changes, then one from
        each change on."""
        return tuple(self._eras)

    def at(self, moment: datetime) -> InForce:
        """The configuration in force at `moment` (a change at it is in force)."""
        return self._eras[self.index(moment)]

    def index(self, moment: datetime) -> int:
        """Which of `eras` is in force at `moment`."""
        return bisect.bisect_right(self._instants, moment)

    def _at(self, since: datetime | None) -> InForce:
        values = dict(self._values)
        replaced: set[str] = set()
        for change in self._settings:
            if (since is None or change.at > since) and change.name not in replaced:
                replaced.add(change.name)
                if change.old_value is None:
                    values.pop(change.name, None)
                else:
                    values[change.name] = change.old_value
        later = [c for c in self._rule_changes if since is None or c.at > since]
        rules = later[0].old_rules if later else self._rules
        return InForce(since, values, rules)
