"""Migrations on files with rows: a table that others reference can be rebuilt, a migration
that would break references is rolled back, and version 3 upgrades without loss."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

import storage.engines.sqlite
from storage import (
    Database,
    LeadRepo,
    LeadStatus,
    MemberRepo,
    Pool,
    TeamSettingRepo,
)
from storage.delivery.lead_messages import LeadMessageRepo
from storage.errors import MigrationError, UniqueViolationError
from storage.migrating import Migration, load_migrations
from storage.schema import apply_migration
from tests.repos import bare

T_PAST = datetime(2026, 11, 1, tzinfo=UTC)


def old_file(path: Path, version: int) -> None:
    """A file as the bot of schema `version` left it, with a team, two members and leads."""
    with closing(sqlite3.connect(path)) as conn:
        for migration in load_migrations()[:version]:
            conn.executescript(migration.sql)
        conn.executescript(
            """
            INSERT INTO teams (id, chat_id, title, language, mode, created_by, created_at)
            VALUES (1, -1001, 'Отдел', 'ru', 'first_come', 100, '2026-12-01T09:00:00+00:00');
            INSERT INTO members (id, team_id, user_id, full_name, language, joined_at)
            VALUES (1, 1, 201, 'Ivan', 'ru', '2026-12-01T09:00:00+00:00'),
                   (2, 1, 202, 'Olga', 'en', '2026-12-01T09:00:00+00:00');
            INSERT INTO leads (id, team_id, status, source, name, phone, created_at,
                               card_chat_id, card_message_id)
            VALUES (1, 1, 'new', 'http', 'Новый', '+79123456789',
                    '2026-12-01T09:00:00+00:00', -1001, 50);
            INSERT INTO leads (id, team_id, status, source, company, owner_id, created_at,
                               claimed_at)
            VALUES (2, 1, 'claimed', 'http', 'ООО Ромашка', 2,
                    '2026-12-01T09:00:00+00:00', '2026-12-01T09:00:00+00:00');
            INSERT INTO lead_events (lead_id, at, kind, reason)
            VALUES (2, '2026-12-01T09:00:00+00:00', 'claimed', 'x');
            INSERT INTO outbox (chat_id, method, purpose, text, reply_markup, lead_id,
                                next_attempt_at, created_at)
            VALUES (-1001, 'send', 'card', 'карточка',
                    '{"inline_keyboard":[[{"text":"✋ Взять лид","callback_data":"claim:1"}]]}',
                    1, '2026-12-01T09:00:00+00:00', '2026-12-01T09:00:00+00:00');
            """
        )
        conn.execute(f"PRAGMA user_version = {version:d}")
        conn.commit()


async def test_a_file_of_version_3_upgrades_without_losing_a_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)
    db = await Database.open(path)
    try:
        leads = LeadRepo(db.conn)
        waiting, taken = await leads.get(1), await leads.get(2)
        assert waiting is not None and taken is not None
        assert (waiting.status, waiting.pool, waiting.fields.phone) == (
            LeadStatus.NEW,
            Pool.CHAT,
            "+79123456789",
        )
        assert (waiting.card_chat_id, waiting.card_message_id) == (-1001, 50)
        assert (taken.status, taken.owner_id, taken.pool) == (LeadStatus.TAKEN, 2, None)
        assert taken.taken_at == taken.assigned_at == taken.created_at
        first_takes = [
            tuple(row)
            for row in await db.conn.fetch_all(
                "SELECT id, first_taken_at, first_taker_id FROM leads ORDER BY id"
            )
        ]
        # Its claim names no member: the take was its owner's.
        assert first_takes == [(1, None, None), (2, "2026-12-01T09:00:00+00:00", 2)]
        olga = await MemberRepo(db.conn).by_id(2)
        assert olga is not None and (olga.weight, olga.cap, olga.paused_at) == (1, None, None)
        [card] = await LeadMessageRepo(db.conn).for_lead(1)
        assert card.buttons is not None
        assert [[(b.text, b.data) for b in row] for row in card.buttons] == [
            [("✋ Взять лид", "claim:1")]
        ]
        assert await TeamSettingRepo(db.conn).values(1) == {}  # first come is the default
        assert list(await db.conn.fetch_all("PRAGMA foreign_key_check")) == []
        row = await db.conn.fetch_one("PRAGMA foreign_keys")
        assert row is not None and row[0] == 1
    finally:
        await db.close()


async def test_a_team_in_another_mode_keeps_it_as_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE teams SET mode = 'round_robin'")
        conn.commit()
    db = await Database.open(path)
    try:
        assert await TeamSettingRepo(db.conn).values(1) == {"mode": "round_robin"}
    finally:
        await db.close()


def with_extra(extra: str) -> list[Migration]:
    known = load_migrations()
    return [*known, Migration(len(known) + 1, "test.sql", extra)]


REBUILD_MEMBERS = """
CREATE TABLE members_new (
    id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES teams (id),
    user_id INTEGER NOT NULL, full_name TEXT NOT NULL, username TEXT,
    language TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, joined_at TEXT NOT NULL,
    removed_at TEXT, removed_by INTEGER, paused_at TEXT, weight INTEGER NOT NULL DEFAULT 1,
    cap INTEGER, skills TEXT NOT NULL DEFAULT '[]', open_leads INTEGER NOT NULL DEFAULT 0,
    work_hours TEXT, on_duty INTEGER NOT NULL DEFAULT 0, note TEXT, UNIQUE (team_id, user_id));
INSERT INTO members_new (id, team_id, user_id, full_name, username, language, active,
    joined_at, removed_at, removed_by, paused_at, weight, cap, skills, open_leads, work_hours,
    on_duty)
SELECT id, team_id, user_id, full_name, username, language, active, joined_at, removed_at,
    removed_by, paused_at, weight, cap, skills, open_leads, work_hours, on_duty FROM members;
DROP TABLE members;
ALTER TABLE members_new RENAME TO members;
"""


async def test_a_table_that_leads_reference_can_be_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)
    monkeypatch.setattr(
        storage.engines.sqlite, "load_migrations", lambda: with_extra(REBUILD_MEMBERS)
    )
    db = await Database.open(path)
    try:
        assert await db.schema_version() == len(load_migrations()) + 1
        taken = await LeadRepo(db.conn).get(2)
        assert taken is not None and taken.owner_id == 2
        olga = await MemberRepo(db.conn).by_id(2)
        assert olga is not None and olga.open_leads == 1  # counted from the old file's leads
        async with db.unit():  # the counting triggers still find the rebuilt table
            assert await LeadRepo(db.conn).claim(1, 1, taken.created_at)
        ivan = await MemberRepo(db.conn).by_id(1)
        assert ivan is not None and ivan.open_leads == 1
        row = await db.conn.fetch_one("SELECT COUNT(*) FROM members")
        assert row is not None and row[0] == 2
    finally:
        await db.close()


async def test_a_migration_that_breaks_a_reference_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)
    broken = "DELETE FROM members WHERE id = 2;"  # lead 2 still names member 2 as its owner
    monkeypatch.setattr(storage.engines.sqlite, "load_migrations", lambda: with_extra(broken))
    with pytest.raises(MigrationError, match="leads row 2"):
        await Database.open(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(load_migrations())
        assert conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 2


async def test_a_file_of_version_15_keeps_its_pause_and_the_deputys_first_take(
    tmp_path: Path,
) -> None:
    """Olga covered for Ivan, took the lead and handed it back; Ivan is paused."""
    path = tmp_path / "old.db"
    old_file(path, 3)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for migration in load_migrations()[3:15]:
            apply_migration(conn, migration)
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(
            """
            UPDATE members SET paused_at = '2026-12-02T10:00:00.000000+00:00' WHERE id = 1;
            UPDATE leads SET owner_id = 1, status = 'taken' WHERE id = 2;
            DELETE FROM lead_events WHERE lead_id = 2;
            INSERT INTO lead_events (lead_id, at, kind, reason, member_id)
            VALUES (2, '2026-12-01T09:05:00+00:00', 'accepted', 'x', 2);
            """
        )
        conn.commit()
    db = await Database.open(path)
    try:
        row = await db.conn.fetch_one(
            "SELECT first_taken_at, first_taker_id FROM leads WHERE id = 2"
        )
        # The take in the history is Olga's, though the lead is Ivan's now.
        assert row is not None and tuple(row) == ("2026-12-01T09:05:00+00:00", 2)
        [pause] = await bare(db).history.pauses(1, T_PAST)
        assert (pause.member_id, pause.ended_at) == (1, None)
    finally:
        await db.close()


async def test_a_file_of_version_18_keeps_its_groups_and_outcomes_count_as_contacts(
    tmp_path: Path,
) -> None:
    """0019 gives closed leads the contact their outcome implies; 0020 rebuilds groups for
    least loaded, keeping their rows, index and token triggers."""
    path = tmp_path / "old.db"
    old_file(path, 3)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for migration in load_migrations()[3:18]:
            apply_migration(conn, migration)
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(
            """
            INSERT INTO groups (id, team_id, name, name_key, mode, created_at)
            VALUES (5, 1, 'VIP', 'vip', 'round_robin', '2026-12-01T09:00:00+00:00');
            INSERT INTO group_members (group_id, member_id, position) VALUES (5, 1, 1);
            UPDATE leads SET status = 'lost', lost_reason = 'no_answer', owner_id = 2,
                pool = NULL, assigned_at = created_at, taken_at = created_at, take_seconds = 0,
                closed_at = '2026-12-01T10:00:00+00:00' WHERE id = 2;
            INSERT INTO leads (id, team_id, status, pool, source, owner_id, created_at,
                               assigned_at, taken_at, take_seconds, closed_at)
            VALUES (3, 1, 'won', NULL, 'http', 1, '2026-12-01T09:00:00+00:00',
                    '2026-12-01T09:00:00+00:00', '2026-12-01T09:00:00+00:00', 0,
                    '2026-12-01T11:00:00+00:00');
            """
        )
        conn.commit()
    db = await Database.open(path)
    try:
        rows = await db.conn.fetch_all(
            "SELECT id, contacted_at, contacted_by FROM leads WHERE id IN (2, 3) ORDER BY id"
        )
        # "Did not answer" is no contact; a deal is one, made by its owner as it closed.
        assert [tuple(r) for r in rows] == [(2, None, None), (3, "2026-12-01T11:00:00+00:00", 1)]
        before = await db.conn.fetch_one("SELECT token FROM config_revision")
        async with db.unit() as u:
            await u.groups.set_mode(5, "least_loaded")
        after = await db.conn.fetch_one("SELECT token FROM config_revision")
        assert before is not None and after is not None and before[0] != after[0]
        [group] = await db.conn.fetch_all("SELECT name, mode FROM groups")
        assert tuple(group) == ("VIP", "least_loaded")
        with pytest.raises(UniqueViolationError):
            async with db.unit():
                await db.conn.execute(
                    "INSERT INTO groups (team_id, name, name_key, created_at) "
                    "VALUES (1, 'vip', 'vip', '2026-12-02T09:00:00+00:00')"
                )
    finally:
        await db.close()
