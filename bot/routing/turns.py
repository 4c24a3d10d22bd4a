"""Round robin with weights, spread out, that survives skips without catch-up.

Each manager has a virtual start time; taking a lead moves it forward by SCALE / weight, so
a weight-2 manager's clock runs half as fast. The team's virtual time moves by SCALE / (sum
of the available weights) per lead. A manager may take a lead only once the team's time has
reached their start (this is what spreads a heavy manager's leads out instead of giving
them in a row), and among those the earliest finish wins. This is WF2Q+, the fair-queueing
scheduler, with leads as packets; fractions keep it exact, so equal weights rotate exactly.

A manager who was not available at the previous lead (paused, at the cap, new) starts no
earlier than the team's time: they keep their place but do not catch up on what they missed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

SCALE = 2520  # divisible by every weight from 1 to 10, so strides are whole numbers


@dataclass(frozen=True)
class TurnState:
    clock: Fraction = Fraction(0)
    starts: Mapping[int, Fraction] = field(default_factory=dict)
    live: frozenset[int] = frozenset()  # who was available at the previous lead
    last: int | None = None  # who got the previous lead
    catching: frozenset[int] = frozenset()  # least loaded: who still catches up (least.py)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "clock": str(self.clock),
            "starts": {str(k): str(v) for k, v in self.starts.items()},
            "live": sorted(self.live),
            "last": self.last,
        }
        if self.catching:
            data["catching"] = sorted(self.catching)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> TurnState:
        starts = data.get("starts", {})
        live = data.get("live", [])
        last = data.get("last")
        catching = data.get("catching", [])
        assert isinstance(starts, dict) and isinstance(live, list)
        assert isinstance(catching, list)
        return cls(
            clock=Fraction(str(data.get("clock", "0"))),
            starts={int(k): Fraction(str(v)) for k, v in starts.items()},
            live=frozenset(int(m) for m in live),
            last=int(last) if isinstance(last, int) else None,
            catching=frozenset(int(m) for m in catching),
        )


@dataclass(frozen=True)
class Weighted:
    member_id: int
    weight: int


def next_turn(state: TurnState, available: Sequence[Weighted]) -> tuple[int, TurnState] | None:
    """Who gets the next lead among `available` (in team order), and the turn after it."""
    if not available:
        return None
    starts = {m.member_id: _start(state, m.member_id) for m in available}
    clock = max(state.clock, min(starts.values()))
    order = {m.member_id: index for index, m in enumerate(available)}

    def finish(m: Weighted) -> tuple[Fraction, int, int]:
        # Equal finish: the heavier manager first (their deadlines are tighter), then order.
        return starts[m.member_id] + Fraction(SCALE, m.weight), -m.weight, order[m.member_id]

    ready = [m for m in available if starts[m.member_id] <= clock]
    chosen = min(ready, key=finish)
    new_starts = dict(state.starts)
    new_starts.update(starts)
    new_starts[chosen.member_id] = starts[chosen.member_id] + Fraction(SCALE, chosen.weight)
    total = sum(m.weight for m in available)
    after = TurnState(
        clock=clock + Fraction(SCALE, total),
        starts=new_starts,
        live=frozenset(starts),
        last=chosen.member_id,
    )
    return chosen.member_id, after


def _start(state: TurnState, member_id: int) -> Fraction:
    own = state.starts.get(member_id)
    if own is None or member_id not in state.live:
        return max(own if own is not None else state.clock, state.clock)
    return own
