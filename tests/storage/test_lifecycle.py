"""The lifecycle against its own table, on real SQLite files: random sequences of moves
(some run as concurrent pairs) go through `Lifecycle`, and after each step the stored lead
is checked against `states.TABLE` and the invariants: at most one owner and none while
new, no live timer on a closed lead, every change an event, open-lead counts right."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import assert_never

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.lifecycle.states import TABLE, UNDO_WINDOW, Move, Stage, allowed, stage_of
from bot.lifecycle.transitions import Lifecycle, Moved, Note, Refusal, Refused
from bot.people import Roles
from bot.runtime.build import build_core
from storage import Database, LeadFields, LeadRecord, LeadSource, LeadStatus, Unit
from tests.repos import bare

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MEMBERS = 3
_files = itertools.count()


@dataclass(frozen=True)
class Step:
    move: Move
    member: int  # index into the team's members
    other: int  # the second member a move names: whom a deputy covers, or hands back to


steps = st.builds(
    Step,
    st.sampled_from(list(Move)),
    st.integers(0, MEMBERS - 1),
    st.integers(0, MEMBERS - 1),
)
plans = st.lists(st.one_of(steps.map(lambda s: (s,)), st.tuples(steps, steps)), max_size=25)


# One arm per move of the table, each called the way the bot calls it.
async def run(  # noqa: PLR0912
    u: Unit, life: Lifecycle, lead_id: int, step: Step, ids: list[int], at: datetime
) -> bool:
    member, other = ids[step.member], ids[step.other]
    note = Note(step.move.value, "test")
    match step.move:
        case Move.POST:
            done = await life.post(u, lead_id, at, note)
        case Move.ASK_HEADS:
            done = await life.ask_heads(u, lead_id, at, note)
        case Move.HOLD:
            done = await life.hold(u, lead_id, at, note)
        case Move.OFFER:
            # A deputy covers for someone else, never for themselves.
            cover = other if other != member else None
            done = await life.offer(u, lead_id, member, at, note, cover_for=cover)
        case Move.CLAIM:
            done = await life.claim(u, lead_id, member, at, note)
        case Move.ACCEPT:
            done = await life.accept(u, lead_id, member, at, note)
        case Move.GIVE_BACK:
            done = await life.give_back(u, lead_id, member, at, note)
        case Move.TIME_OUT:
            done = await life.time_out(u, lead_id, member, at, note)
        case Move.TAKE_BACK:
            done = await life.take_back(u, lead_id, member, at, note)
        case Move.PICK | Move.ASSIGN:
            pick = step.move is Move.PICK
            done = await life.assign(u, lead_id, member, at, note, only_if_new=pick)
        case Move.HAND_BACK:
            done = await life.hand_back(u, lead_id, member, other, at, note)
        case Move.CONTACT:
            done = await life.contact(u, lead_id, member, at, note)
        case Move.WIN | Move.LOSE:
            won = step.move is Move.WIN
            done = await life.close(u, lead_id, member, won, at, note, None if won else "price")
        case Move.REOPEN:
            done = await life.reopen(u, lead_id, member, at, note)
        case Move.UNDO:
            done = await life.undo(u, lead_id, member, at, note)
        case _:
            assert_never(step.move)
    if isinstance(done, Refused):
        assert done.why is Refusal.MOVED_ON
    return isinstance(done, Moved)


def expected(lead: LeadRecord, step: Step, ids: list[int], at: datetime) -> bool:
    """What the table says of `step` at `at` on the lead as it is."""
    member, other = ids[step.member], ids[step.other]
    by_owner = lead.owner_id == member
    if not allowed(step.move, stage_of(lead), by_owner):
        return False
    if step.move is Move.HAND_BACK:
        return lead.cover_for == other
    if step.move is Move.CONTACT:
        return lead.contacted_at is None  # the first contact is recorded once
    if step.move is Move.UNDO:
        assert lead.closed_at is not None
        return at - lead.closed_at <= UNDO_WINDOW
    return True


def landed(before: LeadRecord, after: LeadRecord, step: Step, ids: list[int]) -> None:
    target = TABLE[step.move].target
    assert stage_of(after) is (stage_of(before) if target is None else target)
    member, other = ids[step.member], ids[step.other]
    if step.move in (Move.OFFER, Move.CLAIM, Move.PICK, Move.ASSIGN):
        assert after.owner_id == member
    if step.move is Move.HAND_BACK:
        assert after.owner_id == other and after.cover_for is None
    if step.move is Move.CONTACT:
        assert after.contacted_at is not None and after.contacted_by == member
    if stage_of(after) in (Stage.CHAT, Stage.HEADS, Stage.HOURS):
        assert after.owner_id is None and after.cover_for is None


async def moved_alone(
    db: Database, life: Lifecycle, lead_id: int, step: Step, ids: list[int], at: datetime
) -> bool:
    """One move in its own transaction: two of these at once are what two taps are."""
    async with db.unit() as u:
        return await run(u, life, lead_id, step, ids, at)


async def check_invariants(db: Database, lead_id: int, events_before: int, moved: int) -> int:
    lead = await bare(db).leads.get(lead_id)
    assert lead is not None
    assert (lead.status is LeadStatus.NEW) == (lead.owner_id is None)
    timers = await bare(db).timers.for_lead(lead_id)
    if not lead.open and lead.status is not LeadStatus.NEW:
        assert timers == [], f"a closed lead has live timers: {timers}"
    kinds = [t.kind for t in timers]
    assert len(kinds) == len(set(kinds)), f"a lead waits twice on one thing: {kinds}"
    events = len(await bare(db).events.for_lead(lead_id))
    assert events == events_before + moved, "every change is one event, and only changes"
    for member_id, counted, actual in await db.conn.fetch_all(
        "SELECT m.id, m.open_leads, (SELECT COUNT(*) FROM leads AS l WHERE l.owner_id = m.id "
        "AND l.status IN ('offered', 'taken')) FROM members AS m"
    ):
        assert counted == actual, f"member {member_id}: open_leads {counted} != {actual}"
    return events


async def set_up(path: Path) -> tuple[Database, Lifecycle, int, list[int]]:
    db = await Database.open(path)
    async with db.unit() as uow:
        team = await uow.teams.create(-100, "T", "ru", 1, NOW)
        members = [
            await uow.members.upsert_active(team.id, 200 + i, f"M{i}", None, "ru", NOW)
            for i in range(MEMBERS)
        ]
        lead = await uow.leads.insert(team.id, LeadSource.HTTP, LeadFields(name="A"), NOW)
    life = build_core(Roles(frozenset()), "Europe/Moscow").life
    return db, life, lead.id, [m.id for m in members]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans)
async def test_random_moves_follow_the_table_and_keep_the_invariants(
    tmp_path: Path, plan: list[tuple[Step, ...]]
) -> None:
    db, life, lead_id, ids = await set_up(tmp_path / f"life-{next(_files)}.db")
    try:
        events = len(await bare(db).events.for_lead(lead_id))
        at = NOW
        for group in plan:
            at += timedelta(minutes=1)
            before = await bare(db).leads.get(lead_id)
            assert before is not None
            done = await asyncio.gather(
                *(moved_alone(db, life, lead_id, s, ids, at) for s in group)
            )
            after = await bare(db).leads.get(lead_id)
            assert after is not None
            if len(group) == 1:
                assert done[0] == expected(before, group[0], ids, at), (group[0], before)
                if done[0]:
                    landed(before, after, group[0], ids)
            else:
                # Two at once: the write lock lets the first through as if alone (it is
                # first in line), then the second, on what the first left.
                first, second = group
                assert done[0] == expected(before, first, ids, at), (first, before)
                if not done[0]:
                    assert done[1] == expected(before, second, ids, at), (second, before)
            events = await check_invariants(db, lead_id, events, sum(done))
    finally:
        await db.close()


async def test_two_claims_at_once_make_one_owner(tmp_path: Path) -> None:
    db, life, lead_id, ids = await set_up(tmp_path / "race.db")
    try:
        async with db.unit() as u:
            await life.post(u, lead_id, NOW, Note("routed", "test"))
        claims = [Step(Move.CLAIM, i, i) for i in range(MEMBERS)]
        done = await asyncio.gather(*(moved_alone(db, life, lead_id, s, ids, NOW) for s in claims))
        assert done.count(True) == 1
        lead = await bare(db).leads.get(lead_id)
        assert lead is not None and lead.owner_id in ids
    finally:
        await db.close()


async def test_a_move_on_a_missing_lead_is_refused_as_gone(tmp_path: Path) -> None:
    db, life, _lead_id, ids = await set_up(tmp_path / "gone.db")
    try:
        async with db.unit() as u:
            done = await life.claim(u, 999, ids[0], NOW, Note("claimed", "test"))
        assert done == Refused(Move.CLAIM, 999, Refusal.GONE)
    finally:
        await db.close()


def test_every_move_is_in_the_table_once() -> None:
    assert set(TABLE) == set(Move)


async def reach(u: Unit, life: Lifecycle, lead_id: int, stage: Stage, ids: list[int]) -> None:
    """Take a new lead to `stage`, owned (when owned) by ids[0] covering for ids[1]."""
    note = Note("test", "test")
    match stage:
        case Stage.CHAT:
            await life.post(u, lead_id, NOW, note)
        case Stage.HEADS:
            await life.ask_heads(u, lead_id, NOW, note)
        case Stage.HOURS:
            await life.hold(u, lead_id, NOW, note)
        case Stage.OFFERED | Stage.TAKEN | Stage.WON | Stage.LOST:
            await life.offer(u, lead_id, ids[0], NOW, note, cover_for=ids[1])
            if stage is not Stage.OFFERED:
                await life.accept(u, lead_id, ids[0], NOW, note)
            if stage in (Stage.WON, Stage.LOST):
                won = stage is Stage.WON
                await life.close(u, lead_id, ids[0], won, NOW, note, None if won else "price")


async def test_every_move_from_every_stage_does_what_the_table_says(tmp_path: Path) -> None:
    db, life, _first, ids = await set_up(tmp_path / "table.db")
    wrong = []
    try:
        for stage, move, by_owner in itertools.product(Stage, Move, (True, False)):
            async with db.unit() as u:
                lead = await u.leads.insert(1, LeadSource.HTTP, LeadFields(name="A"), NOW)
                await reach(u, life, lead.id, stage, ids)
            before = await bare(db).leads.get(lead.id)
            assert before is not None and stage_of(before) is stage
            # The owner (ids[0]) makes the move, or someone else (ids[2]); a deputy's lead
            # goes back to ids[1], whom the setup made it cover for.
            step = Step(move, 0 if by_owner else 2, 1)
            async with db.unit() as u:
                done = await run(u, life, lead.id, step, ids, NOW)
            if done != allowed(move, stage, before.owner_id == ids[step.member]):
                wrong.append((stage.value, move.value, by_owner, done))
    finally:
        await db.close()
    assert wrong == []
