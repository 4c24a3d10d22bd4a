"""The configuration token on a real file: every configuration write draws a new one, a
lead's progress does not, a rollback brings the old one back, and the cache built on it
re-reads exactly when the token moved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from bot.lifecycle.config import ConfigCache
from storage import Database, LeadFields, LeadSource, Unit
from storage.team.config_revision import CONFIG_TABLES
from tests.repos import bare

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def token(db: Database) -> bytes:
    return (await bare(db).config.live()).token


async def test_every_configuration_table_has_its_three_triggers(db: Database) -> None:
    """A migration that rebuilds one of these tables drops its triggers: this notices."""
    if db.conn.dialect.name == "postgresql":
        found = {
            (row[0], row[1])
            for row in await db.conn.fetch_all(
                "SELECT DISTINCT event_object_table, event_manipulation "
                "FROM information_schema.triggers WHERE action_statement LIKE '%config_changed%'"
            )
        }
        assert found == {(t, v) for t in CONFIG_TABLES for v in ("INSERT", "UPDATE", "DELETE")}
        return
    found = {
        (row[0], verb)
        for row in await db.conn.fetch_all(
            "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND sql LIKE '%config_revision%'"
        )
        for verb in _verbs(row[1])
    }
    assert found == {(t, v) for t in CONFIG_TABLES for v in ("INSERT", "UPDATE", "DELETE")}


def _verbs(sql: str) -> list[str]:
    head = sql.split(" ON ", maxsplit=1)[0].upper()
    return [v for v in ("INSERT", "UPDATE", "DELETE") if f"AFTER {v}" in head]


async def setup(db: Database) -> tuple[Unit, int, int]:
    async with db.unit() as u:
        team = await u.teams.create(-1001, "Отдел", "ru", 100, NOW)
        ivan = await u.members.upsert_active(team.id, 201, "Ivan", None, "ru", NOW)
    return bare(db), team.id, ivan.id


async def test_configuration_writes_draw_a_new_token_and_a_lead_s_progress_does_not(
    db: Database,
) -> None:
    _, team_id, ivan = await setup(db)
    writes: list[Callable[[Unit], Awaitable[object]]] = [
        lambda u: u.settings.put(team_id, "mode", "round_robin", NOW),
        lambda u: u.members.set_paused(ivan, True, NOW),
        lambda u: u.members.set_cap(ivan, 3),
        lambda u: u.groups.add(team_id, "Госсектор", "госсектор", [ivan], NOW),
        lambda u: u.aliases.put(team_id, "region", "мск", "мск", "Москва"),
        lambda u: u.teams.rename(team_id, "Продажи"),
    ]
    for write in writes:
        before = await token(db)
        async with db.unit() as u:
            await write(u)
        assert await token(db) != before
    before = await token(db)
    async with db.unit() as u:
        lead = await u.leads.insert(team_id, LeadSource.HTTP, LeadFields(name="A"), NOW)
        assert await u.leads.offer(lead.id, ivan, NOW) is not None
    assert (await bare(db).config.live()).loads == {ivan: 1}  # the trigger counted it
    assert await token(db) == before


async def test_a_rolled_back_write_brings_the_old_token_back(db: Database) -> None:
    _, team_id, _ = await setup(db)
    before = await token(db)
    try:
        async with db.unit() as u:
            await u.settings.put(team_id, "mode", "round_robin", NOW)
            raise LookupError
    except LookupError:
        pass
    assert await token(db) == before


async def test_the_cache_reads_the_configuration_again_only_after_a_write(db: Database) -> None:
    repos, team_id, ivan = await setup(db)
    cache = ConfigCache("Europe/Moscow")
    first = await cache.read(repos)
    assert first.primary is not None and first.primary.team.title == "Отдел"
    assert [m.id for m in first.members(first.primary)] == [ivan]
    async with db.unit() as u:
        lead = await u.leads.insert(team_id, LeadSource.HTTP, LeadFields(name="A"), NOW)
        await u.leads.offer(lead.id, ivan, NOW)
    second = await cache.read(repos)
    assert cache.loaded == 1
    assert second.primary is not None
    assert [m.open_leads for m in second.members(second.primary)] == [1]  # live, not kept
    async with db.unit() as u:
        await u.members.set_paused(ivan, True, NOW)
    third = await cache.read(repos)
    assert cache.loaded == 2
    assert third.primary is not None and third.primary.members[0].paused_at is not None


async def test_a_read_a_write_lands_in_the_middle_of_is_not_kept(db: Database) -> None:
    """Outside a transaction the cache may read halfway through another coroutine's write;
    that write could still be rolled back, bringing back the token read first."""
    repos, _, _ = await setup(db)
    cache = ConfigCache("Europe/Moscow")
    original = repos.teams.all
    before = await token(db)

    async def all_then_a_write():  # type: ignore[no-untyped-def]
        teams = await original()
        await db.conn.execute("UPDATE config_revision SET token = ?", (b"elsewhere",))
        return teams

    repos.teams.all = all_then_a_write  # type: ignore[method-assign]
    try:
        await cache.read(repos)
    finally:
        repos.teams.all = original  # type: ignore[method-assign]
    # The write is rolled back: the token is the one the cache read first.
    await db.conn.execute("UPDATE config_revision SET token = ?", (before,))
    await cache.read(repos)
    assert cache.loaded == 2
