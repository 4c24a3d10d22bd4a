"""Leadership: the duties run exactly while the lease is held, stop at the first renewal
that fails, start again when it is held again, and a resigning leader hands it back."""

from __future__ import annotations

from typing import Any, cast

import pytest

from bot.runtime.leadership import LEASE, TERM, Leadership
from storage import Database, StorageUnavailableError


class Lease:
    """The database as far as the lease goes: each `hold` answers the next scripted
    outcome (True, False, or an error)."""

    def __init__(self, outcomes: list[bool | Exception]) -> None:
        self.outcomes = outcomes
        self.asked: list[tuple[str, str, float]] = []
        self.let_go_by: list[str] = []

    async def hold(self, lease: str, holder: str, seconds: float) -> bool:
        self.asked.append((lease, holder, seconds))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    async def let_go(self, lease: str, holder: str) -> None:
        self.let_go_by.append(holder)


class Duty:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name = name
        self.log = log

    async def start(self) -> None:
        self.log.append(f"start {self.name}")

    async def stop(self) -> None:
        self.log.append(f"stop {self.name}")

    async def tend(self) -> None:
        self.log.append(f"tend {self.name}")


def leadership(lease: Lease, log: list[str]) -> Leadership:
    db = cast(Database, lease)
    return Leadership(db, [Duty("outbox", log), Duty("timers", log)], holder="me")


async def test_duties_run_exactly_while_the_lease_is_held() -> None:
    log: list[str] = []
    lease = Lease([False, True, True, False, False, True])
    lead = leadership(lease, log)
    held = [await lead.step() for _ in range(6)]
    assert held == [False, True, True, False, False, True]
    assert log == [
        "start outbox",
        "start timers",  # took the lease
        "tend outbox",
        "tend timers",  # renewed it
        "stop timers",
        "stop outbox",  # lost it: stopped in reverse order, once
        "start outbox",
        "start timers",  # held again
    ]
    assert {(name, holder, seconds) for name, holder, seconds in lease.asked} == {
        (LEASE, "me", TERM)
    }


async def test_a_renewal_that_fails_stops_the_duties_before_the_lease_can_lapse() -> None:
    log: list[str] = []
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 3:
            raise LookupError  # ends the loop for the test

    lease = Lease([True, StorageUnavailableError("the server went away"), True])
    lead = Leadership(
        cast(Database, lease), [Duty("outbox", log)], holder="me", sleep=cast(Any, sleep)
    )
    with pytest.raises(LookupError):
        await lead.run()
    assert log == ["start outbox", "stop outbox", "start outbox"]
    assert lead.leading


async def test_a_leader_that_resigns_hands_the_lease_back() -> None:
    log: list[str] = []
    lease = Lease([True])
    lead = leadership(lease, log)
    await lead.step()
    await lead.resign()
    assert log[-2:] == ["stop timers", "stop outbox"]
    assert lease.let_go_by == ["me"] and not lead.leading


async def test_a_duty_added_later_starts_at_once_if_this_process_leads() -> None:
    log: list[str] = []
    lead = leadership(Lease([True]), log)
    await lead.step()
    await lead.add(Duty("polling", log))
    assert log[-1] == "start polling"
