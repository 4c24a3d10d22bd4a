"""Groups, rules, aliases and the client index on real SQLite files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.actions.client_index import BACKFILL_BATCH, ClientIndex
from storage import Database, LeadFields, LeadRepo, LeadSource, MemberRepo, TeamRepo
from storage.team.groups import GroupRepo
from storage.team.rules import AliasRepo, RuleRepo
from storage.work.client_keys import ClientKeyRepo
from tests.storage.test_migrations import old_file

AT = datetime(2026, 12, 1, 9, tzinfo=UTC)


async def test_leads_stored_before_the_index_are_indexed_at_start(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_file(path, 3)  # lead 1: a phone, nobody's; lead 2: ООО Ромашка, Olga's (member 2)
    db = await Database.open(path)
    try:
        keys = ClientKeyRepo(db.conn)
        assert await keys.pending(10) == [1, 2]
        assert await ClientIndex(db).backfill() == 2
        assert await keys.pending(10) == []
        assert await keys.owner_of(1, "company", "ромашка", 99) == (2, 2)
        assert await keys.owner_of(1, "phone", "79123456789", 99) is None  # nobody owns it
        assert await keys.owner_of(1, "company", "ромашка", 2) is None  # not the lead itself
        assert await ClientIndex(db).backfill() == 0
    finally:
        await db.close()


async def test_backfill_goes_in_batches_and_owner_of_returns_the_newest_owned_lead(
    db: Database,
) -> None:
    conn = db.conn
    async with db.unit():
        team = await TeamRepo(conn).create(-1, "T", "ru", 1, AT)
        ivan = await MemberRepo(conn).upsert_active(team.id, 10, "Ivan", None, "ru", AT)
        olga = await MemberRepo(conn).upsert_active(team.id, 11, "Olga", None, "ru", AT)
        leads = LeadRepo(conn)
        for n in range(BACKFILL_BATCH + 3):
            lead = await leads.insert(team.id, LeadSource.HTTP, LeadFields(email="A@b.ru"), AT)
            await conn.execute("INSERT INTO pending_client_keys (lead_id) VALUES (?)", (lead.id,))
            if n in (3, 7):
                await leads.offer(lead.id, ivan.id if n == 3 else olga.id, AT)
    assert await ClientIndex(db).backfill() == BACKFILL_BATCH + 3
    assert await ClientKeyRepo(conn).owner_of(team.id, "email", "a@b.ru", 0) == (8, olga.id)
    assert await ClientKeyRepo(conn).owner_of(team.id + 1, "email", "a@b.ru", 0) is None


async def test_groups_rules_and_aliases_round_trip(db: Database) -> None:
    conn = db.conn
    async with db.unit():
        team = await TeamRepo(conn).create(-1, "T", "ru", 1, AT)
        members = MemberRepo(conn)
        ivan = await members.upsert_active(team.id, 10, "Ivan", None, "ru", AT)
        olga = await members.upsert_active(team.id, 11, "Olga", None, "ru", AT)
        groups = GroupRepo(conn)
        gov = await groups.add(team.id, "Gov", "gov", [olga.id, ivan.id], AT)
        await groups.add_members(gov, [ivan.id, olga.id])  # already there: nothing changes
        assert await groups.set_mode(gov, "round_robin")
        assert not await groups.set_mode(gov, "round_robin")
        rules = RuleRepo(conn)
        assert await rules.add(team.id, "industry", ["medical", "ё"], ivan.id, None, AT) == 1
        assert await rules.add(team.id, "channel", ["vk"], None, gov, AT) == 2
        assert await rules.add(team.id, "region", ["Москва"], olga.id, None, AT) == 3
        aliases = AliasRepo(conn)
        await aliases.put(team.id, "region", "мск", "МСК", "Москва")
        await aliases.put(team.id, "region", "мск", "Мск", "Moscow")  # replaces
    found = await GroupRepo(conn).by_key(team.id, "gov")
    assert found is not None
    assert (found.name, found.mode, found.member_ids) == ("Gov", "round_robin", (olga.id, ivan.id))
    listed = await RuleRepo(conn).all_of(team.id)
    assert [(r.number, r.field, r.values) for r in listed] == [
        (1, "industry", ("medical", "ё")),
        (2, "channel", ("vk",)),
        (3, "region", ("Москва",)),
    ]
    async with db.unit():
        await RuleRepo(conn).reorder(team.id, [listed[2].id, listed[0].id, listed[1].id], AT)
        await RuleRepo(conn).delete(team.id, listed[0].id, AT)
        assert await GroupRepo(conn).delete(gov, AT)
        await GroupRepo(conn).add(team.id, "gov", "gov", [], AT)  # the name is free again
    assert [r.field for r in await RuleRepo(conn).all_of(team.id)] == ["region", "channel"]
    assert [a.canonical for a in await AliasRepo(conn).all_of(team.id)] == ["Moscow"]
    gone = await GroupRepo(conn).get(gov)
    assert gone is not None and gone.deleted
    assert [g.member_ids for g in await GroupRepo(conn).active(team.id)] == [()]
