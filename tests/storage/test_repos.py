from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import (
    Database,
    LeadEvent,
    LeadEventRepo,
    LeadFields,
    LeadRecord,
    LeadRepo,
    LeadSource,
    LeadStatus,
    MemberRecord,
    MemberRepo,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    OutboxStatus,
    ReportRepo,
    TeamRecord,
    TeamRepo,
)
from storage.work.lead_lists import LeadListRepo
from tests.engines import REFUSED

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


async def make_team(db: Database, chat_id: int = -1001) -> TeamRecord:
    async with db.unit():
        return await TeamRepo(db.conn).create(chat_id, "Sales", "ru", 100, T0)


async def test_teams_are_found_by_chat_and_the_first_is_primary(db: Database) -> None:
    first = await make_team(db, -1)
    await make_team(db, -2)
    repo = TeamRepo(db.conn)
    assert await repo.by_chat(-1) == first
    assert await repo.primary() == first
    assert await repo.by_chat(-3) is None
    assert first.created_at == T0


async def test_a_removed_member_who_joins_again_is_active_under_the_same_row(db: Database) -> None:
    team = await make_team(db)
    members = MemberRepo(db.conn)
    async with db.unit():
        ivan = await members.upsert_active(team.id, 201, "Ivan", "ivan", "ru", T0)
        assert await members.deactivate(ivan.id, T0 + timedelta(days=1))
        assert not await members.deactivate(ivan.id, T0 + timedelta(days=1))
        assert await members.active(team.id) == []
        back = await members.upsert_active(
            team.id, 201, "Ivan P", "ivan", "en", T0 + timedelta(days=2)
        )
    assert back.id == ivan.id
    assert back.active and back.removed_at is None
    assert (back.full_name, back.language) == ("Ivan P", "en")
    assert back.joined_at == T0 + timedelta(days=2)
    assert await members.find_by_username(team.id, "IVAN") == back


async def test_joining_twice_keeps_the_first_join_date(db: Database) -> None:
    team = await make_team(db)
    members = MemberRepo(db.conn)
    async with db.unit():
        first = await members.upsert_active(team.id, 201, "Ivan", None, "ru", T0)
        again = await members.upsert_active(
            team.id, 201, "Ivan", None, "ru", T0 + timedelta(hours=1)
        )
    assert again.joined_at == first.joined_at


async def test_a_lead_reads_back_exactly_as_written(db: Database) -> None:
    team = await make_team(db)
    fields = LeadFields(
        name="Иван",
        phone="+7 912",
        message="КП",
        external_id="tilda-1",
        extra={"Город": "Казань", "utm_medium": "cpc"},
    )
    async with db.unit():
        written = await LeadRepo(db.conn).insert(team.id, LeadSource.HTTP, fields, T0, "key-1")
    read = await LeadRepo(db.conn).get(written.id)
    assert read == written
    assert read is not None and read.fields == fields
    assert read.status is LeadStatus.NEW and read.owner_id is None


async def test_duplicates_are_found_by_external_id_or_idempotency_key(db: Database) -> None:
    leads = LeadRepo(db.conn)
    async with db.unit():
        a = await leads.insert(None, LeadSource.HTTP, LeadFields(name="A", external_id="e1"), T0)
        b = await leads.insert(
            None, LeadSource.HTTP, LeadFields(name="B"), T0, idempotency_key="k1"
        )
    assert (await leads.find_duplicate("e1", None)) == a
    assert (await leads.find_duplicate(None, "k1")) == b
    assert await leads.find_duplicate("e2", "k2") is None
    assert await leads.find_duplicate(None, None) is None


async def test_leads_without_a_team_wait_until_one_is_assigned(db: Database) -> None:
    leads = LeadRepo(db.conn)
    async with db.unit():
        waiting = await leads.insert(None, LeadSource.COMMAND, LeadFields(name="A"), T0)
    team = await make_team(db)
    assert [lead.id for lead in await LeadListRepo(db.conn).without_team()] == [waiting.id]
    async with db.unit():
        await leads.assign_team(waiting.id, team.id)
    assert await LeadListRepo(db.conn).without_team() == []


async def two_members_and_a_lead(
    db: Database,
) -> tuple[TeamRecord, MemberRecord, MemberRecord, LeadRecord]:
    team = await make_team(db)
    members = MemberRepo(db.conn)
    async with db.unit():
        ivan = await members.upsert_active(team.id, 201, "Ivan", None, "ru", T0)
        olga = await members.upsert_active(team.id, 202, "Olga", None, "ru", T0)
        lead = await LeadRepo(db.conn).insert(team.id, LeadSource.HTTP, LeadFields(name="A"), T0)
    return team, ivan, olga, lead


async def test_only_the_first_claim_wins(db: Database) -> None:
    _team, ivan, olga, lead = await two_members_and_a_lead(db)
    leads = LeadRepo(db.conn)
    async with db.unit():
        assert await leads.claim(lead.id, ivan.id, T0 + timedelta(seconds=3))
        assert not await leads.claim(lead.id, olga.id, T0 + timedelta(seconds=4))
    claimed = await leads.get(lead.id)
    assert claimed is not None
    assert (claimed.status, claimed.owner_id) == (LeadStatus.TAKEN, ivan.id)
    assert claimed.taken_at == claimed.assigned_at == T0 + timedelta(seconds=3)
    member = await MemberRepo(db.conn).by_id(ivan.id)
    assert member is not None and member.open_leads == 1


async def test_claims_from_two_processes_on_one_file_have_one_winner(tmp_path: Path) -> None:
    """Two connections stand for two processes: the conditional UPDATE alone decides."""
    path = tmp_path / "leads.db"
    first, second = await Database.open(path), await Database.open(path)
    try:
        team = await make_team(first)
        async with first.unit():
            members = MemberRepo(first.conn)
            a = await members.upsert_active(team.id, 1, "A", None, "ru", T0)
            b = await members.upsert_active(team.id, 2, "B", None, "ru", T0)
            lead_ids = [
                (
                    await LeadRepo(first.conn).insert(
                        team.id, LeadSource.HTTP, LeadFields(name=str(i)), T0
                    )
                ).id
                for i in range(30)
            ]

        async def claim_all(db: Database, member_id: int) -> list[bool]:
            results = []
            for lead_id in lead_ids:
                async with db.unit():
                    won = await LeadRepo(db.conn).claim(lead_id, member_id, T0)
                    results.append(won is not None)
            return results

        wins_a, wins_b = await asyncio.gather(claim_all(first, a.id), claim_all(second, b.id))
        assert all(x != y for x, y in zip(wins_a, wins_b, strict=True))
    finally:
        await first.close()
        await second.close()


async def test_events_are_kept_in_order(db: Database) -> None:
    team = await make_team(db)
    async with db.unit():
        lead = await LeadRepo(db.conn).insert(team.id, LeadSource.HTTP, LeadFields(name="A"), T0)
        events = LeadEventRepo(db.conn)
        await events.add(LeadEvent(lead.id, T0, "created", "http"))
        await events.add(
            LeadEvent(
                lead.id, T0, "claimed", "claimed", actor_user_id=201, details={"why": "первый"}
            )
        )
    history = await LeadEventRepo(db.conn).for_lead(lead.id)
    assert [(e.kind, e.reason, e.actor_user_id) for e in history] == [
        ("created", "http", None),
        ("claimed", "claimed", 201),
    ]
    assert history[1].details == {"why": "первый"}


async def test_an_event_for_a_missing_lead_is_refused(db: Database) -> None:
    with pytest.raises(REFUSED):
        async with db.unit() as u:
            await u.events.add(LeadEvent(999, T0, "created", "http"))


async def pending_ids(outbox: OutboxRepo) -> list[int]:
    return [row.record.id for row in await outbox.pending()]


async def test_pending_rows_come_oldest_first_and_a_retry_keeps_its_place(db: Database) -> None:
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        a1 = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "a1", T0)
        a2 = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "a2", T0)
        b1 = await outbox.enqueue(7, OutboxMethod.SEND, OutboxPurpose.OWNER_CARD, "b1", T0)
    assert await pending_ids(outbox) == [a1, a2, b1]
    async with db.unit():
        await outbox.reschedule(a1, T0 + timedelta(seconds=30), "429")
    # The planner keeps a1 ahead of a2 (test_chat_plan); the row says when it may go.
    rows = await outbox.pending()
    assert [r.record.id for r in rows] == [a1, a2, b1]
    assert rows[0].record.next_attempt_at == T0 + timedelta(seconds=30)


async def queued_cards(db: Database, count: int) -> tuple[list[int], list[int]]:
    """`count` leads whose cards wait for the team chat: (lead ids, their card rows)."""
    team = await make_team(db)
    leads, outbox = LeadRepo(db.conn), OutboxRepo(db.conn)
    ids, rows = [], []
    async with db.unit():
        for n in range(count):
            lead = await leads.insert(team.id, LeadSource.HTTP, LeadFields(name=f"L{n}"), T0)
            ids.append(lead.id)
            rows.append(
                await outbox.enqueue(
                    team.chat_id, OutboxMethod.SEND, OutboxPurpose.CARD, "c", T0, lead_id=lead.id
                )
            )
    return ids, rows


async def edit(db: Database, lead_id: int, text: str = "taken") -> int:
    async with db.unit():
        return await OutboxRepo(db.conn).enqueue(
            -1001, OutboxMethod.EDIT_CARD, OutboxPurpose.CARD_CLAIMED, text, T0, lead_id=lead_id
        )


async def test_an_edit_of_a_posted_card_is_shown_and_may_go_before_the_cards_behind_it(
    db: Database,
) -> None:
    ids, rows = await queued_cards(db, 4)
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        await outbox.mark_sent(rows[0], T0, 501)
        await LeadRepo(db.conn).set_card(ids[0], -1001, 501)
    claimed = await edit(db, ids[0])
    [row] = [r for r in await outbox.pending() if r.record.id == claimed]
    assert row.shown and not row.after_own


async def test_an_edit_never_overtakes_the_card_it_edits(db: Database) -> None:
    ids, _ = await queued_cards(db, 3)
    taken = await edit(db, ids[1])  # lead 2's card is still waiting
    [row] = [r for r in await OutboxRepo(db.conn).pending() if r.record.id == taken]
    assert not row.shown and row.after_own and not row.orphan


async def test_edits_of_one_card_keep_their_order(db: Database) -> None:
    ids, rows = await queued_cards(db, 2)
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        await outbox.mark_sent(rows[0], T0, 501)
        await LeadRepo(db.conn).set_card(ids[0], -1001, 501)
    first = await edit(db, ids[0], "returned")
    second = await edit(db, ids[0], "taken again")
    after_own = {r.record.id: r.after_own for r in await outbox.pending()}
    assert (after_own[first], after_own[second]) == (False, True)
    async with db.unit():
        await outbox.mark_sent(first, T0, 501)
    assert not {r.record.id: r.after_own for r in await outbox.pending()}[second]


async def test_a_sent_row_leaves_the_backlog(db: Database) -> None:
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        row = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "x", T0)
    assert await outbox.backlog() == (1, T0)
    async with db.unit():
        await outbox.mark_sent(row, T0 + timedelta(seconds=1), 55)
    assert await outbox.backlog() == (0, None)
    sent = await outbox.get(row)
    assert sent is not None and (sent.status, sent.message_id, sent.attempts) == ("sent", 55, 1)
    assert await outbox.pending() == []


async def test_a_failed_row_leaves_the_backlog_and_keeps_its_reason(db: Database) -> None:
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        row = await outbox.enqueue(7, OutboxMethod.SEND, OutboxPurpose.OWNER_CARD, "x", T0)
        later = await outbox.enqueue(7, OutboxMethod.SEND, OutboxPurpose.HEAD_NOTICE, "y", T0)
        await outbox.mark_failed(row, T0, "TelegramForbiddenError: blocked")
    failed = await outbox.get(row)
    assert failed is not None and failed.status == OutboxStatus.FAILED
    assert "blocked" in (failed.last_error or "")
    assert await pending_ids(outbox) == [later]  # the chat is not stuck behind it
    assert await outbox.backlog() == (1, T0)


async def test_a_paused_teams_rows_are_held_and_released_on_resume(db: Database) -> None:
    outbox = OutboxRepo(db.conn)
    teams = TeamRepo(db.conn)
    async with db.unit():
        team = await teams.create(-1, "Sales", "ru", 1, T0)
        held = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "x", T0)
        dm = await outbox.enqueue(7, OutboxMethod.SEND, OutboxPurpose.HEAD_NOTICE, "y", T0)
        assert await teams.pause(team.id, T0, "removed")
        assert not await teams.pause(team.id, T0, "again")  # the first reason stays
    assert await pending_ids(outbox) == [dm]
    assert await outbox.backlog() == (2, T0)  # held, not gone
    paused = await teams.by_id(team.id)
    assert paused is not None and paused.paused and paused.pause_reason == "removed"
    async with db.unit():
        assert await teams.resume(team.id)
        assert not await teams.resume(team.id)
    assert await pending_ids(outbox) == [held, dm]


async def test_moving_a_chat_moves_only_what_still_waits(db: Database) -> None:
    outbox = OutboxRepo(db.conn)
    async with db.unit():
        sent = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "x", T0)
        await outbox.mark_sent(sent, T0, 5)
        waiting = await outbox.enqueue(-1, OutboxMethod.SEND, OutboxPurpose.CARD, "y", T0)
        assert await outbox.move_chat(-1, -100) == 1
    moved, kept = await outbox.get(waiting), await outbox.get(sent)
    assert moved is not None and moved.chat_id == -100
    assert kept is not None and kept.chat_id == -1


async def test_a_lead_goes_back_only_from_its_current_owner(db: Database) -> None:
    _, ivan, olga, lead = await two_members_and_a_lead(db)
    leads = LeadRepo(db.conn)
    async with db.unit():
        await leads.set_card(lead.id, -1, 10)
        assert await leads.claim(lead.id, ivan.id, T0)
        assert not await leads.release(lead.id, olga.id)
        assert await leads.release(lead.id, ivan.id)
        assert not await leads.release(lead.id, ivan.id)
    back = await leads.get(lead.id)
    assert back is not None
    assert (back.status, back.owner_id, back.taken_at) == (LeadStatus.NEW, None, None)
    assert [x.id for x in await LeadListRepo(db.conn).unclaimed_with_card_in(-1)] == [lead.id]
    async with db.unit():
        await leads.clear_card(lead.id)
    assert await LeadListRepo(db.conn).unclaimed_with_card_in(-1) == []


async def open_leads(db: Database, *member_ids: int) -> list[int]:
    members = MemberRepo(db.conn)
    found = [await members.by_id(m) for m in member_ids]
    return [m.open_leads if m else -1 for m in found]


async def test_each_members_open_leads_follow_every_change_of_a_lead(db: Database) -> None:
    _team, ivan, olga, lead = await two_members_and_a_lead(db)
    leads = LeadRepo(db.conn)
    steps: list[tuple[Callable[[], Awaitable[LeadRecord | None]], list[int]]] = [
        (lambda: leads.offer(lead.id, ivan.id, T0), [1, 0]),
        (lambda: leads.accept(lead.id, ivan.id, T0), [1, 0]),
        (lambda: leads.assign(lead.id, olga.id, T0), [0, 1]),
        (lambda: leads.release(lead.id, olga.id), [0, 0]),
        (lambda: leads.claim(lead.id, ivan.id, T0), [1, 0]),
        (lambda: leads.close(lead.id, ivan.id, False, T0, "other"), [0, 0]),
    ]
    for step, expected in steps:
        async with db.unit():
            assert await step()
        assert await open_leads(db, ivan.id, olga.id) == expected
    row = await db.conn.fetch_one("SELECT COUNT(*) FROM leads WHERE status IN ('offered', 'taken')")
    assert row is not None and row[0] == 0


async def test_a_cohort_is_the_periods_leads_with_their_first_take(db: Database) -> None:
    """A lead a deputy took and handed back is with its manager now, and its take is the
    deputy's; a lead returned to the pool keeps its first take; another period's leads are
    not in it."""
    team, ivan, olga, lead = await two_members_and_a_lead(db)
    leads = LeadRepo(db.conn)
    minute = timedelta(minutes=1)
    async with db.unit():
        assert await leads.offer(lead.id, olga.id, T0, cover_for=ivan.id)
        assert await leads.accept(lead.id, olga.id, T0 + 5 * minute)
        assert await leads.hand_back(lead.id, olga.id, ivan.id, T0 + 9 * minute)
        assigned = await leads.insert(team.id, LeadSource.HTTP, LeadFields(name="B"), T0)
        assert await leads.assign(assigned.id, ivan.id, T0 + 3 * minute)
        assert await leads.assign(assigned.id, olga.id, T0 + 4 * minute)  # moved on
        back = await leads.insert(team.id, LeadSource.HTTP, LeadFields(name="C"), T0 + minute)
        assert await leads.claim(back.id, olga.id, T0 + 2 * minute)
        assert await leads.release(back.id, olga.id)
        assert await leads.claim(back.id, ivan.id, T0 + 8 * minute)  # taken again
        await leads.insert(team.id, LeadSource.HTTP, LeadFields(name="D"), T0 + 2 * DAY)
    cohort = await ReportRepo(db.conn).cohort(team.id, T0, T0 + DAY)
    assert sorted((c.id, c.status, c.holder_id, c.taker_id, c.taken_at) for c in cohort) == [
        (lead.id, LeadStatus.TAKEN, ivan.id, olga.id, T0 + 5 * minute),
        (assigned.id, LeadStatus.TAKEN, olga.id, ivan.id, T0 + 3 * minute),
        (back.id, LeadStatus.TAKEN, ivan.id, olga.id, T0 + 2 * minute),
    ]
