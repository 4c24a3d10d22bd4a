"""What follows an event, declared once: run after the unit that emitted it commits.

A rolled-back unit emits nothing, so nothing here runs for a change that did not happen.
A reaction must not write: what a change sends is queued in its own transaction (the
outbox), and a reaction only wakes whoever delivers it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.delivery.signal import OutboxSignal
from storage import OutboxDue

Reaction = Callable[[object], None]


class AfterCommit:
    """The table of reactions, keyed by the event's type; an event without a row is a bug
    (it would be emitted for nobody), so it raises."""

    def __init__(self, signal: OutboxSignal) -> None:
        self._table: dict[type, Reaction] = {
            OutboxDue: lambda _: signal.notify(),
        }

    def __call__(self, events: Sequence[object]) -> None:
        for event in events:
            reaction = self._table.get(type(event))
            if reaction is None:
                raise LookupError(f"no reaction to {type(event).__name__}")
            reaction(event)
