"""What the migrations make: the schema a database of each version must have, exactly.

A copy to be put back is checked against it object by object (tables, indexes, triggers,
views): a copy that carries one trigger more (`AFTER INSERT ON leads ... DELETE ...`) is no
copy of ours, however sound its pages are.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import cache

from storage.migrating import Migration, load_migrations, split_statements

# SQLite's own bookkeeping, which comes and goes with use (ANALYZE, AUTOINCREMENT).
_INTERNAL = re.compile(r"^sqlite_(stat\d|sequence)$")


@dataclass(frozen=True, order=True)
class SchemaObject:
    kind: str  # table, index, trigger, view
    name: str
    table: str
    sql: str  # as written, with quotes and spacing evened out ("" for SQLite's own indexes)


def _even(sql: str | None) -> str:
    """The statement with the differences that mean nothing evened out: how a renamed
    table's name is quoted, spacing, letter case of keywords."""
    if sql is None:
        return ""
    return " ".join(sql.replace('"', "").replace("`", "").split()).casefold()


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        SchemaObject(kind, name, table, _even(sql))
        for kind, name, table, sql in rows
        if not _INTERNAL.match(name)
    )


def apply_migration(conn: sqlite3.Connection, migration: Migration) -> None:
    """One migration as `Database` applies it (same pragmas, statement by statement), on a
    connection of the standard sqlite3 module in autocommit mode."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("BEGIN")
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {migration.version:d}")
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
        conn.execute("PRAGMA foreign_keys = ON")


@cache
def expected_schema(version: int) -> frozenset[SchemaObject]:
    """The schema the migrations up to `version` make, built once in memory."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        for migration in load_migrations()[:version]:
            apply_migration(conn, migration)
        return schema_of(conn)


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """What the database on `conn` has more or less than the migrations make, as
    "extra trigger x", "missing index y", "changed table z"; empty when exactly alike."""
    have, want = schema_of(conn), expected_schema(version)
    have_by = {(o.kind, o.name): o for o in have}
    want_by = {(o.kind, o.name): o for o in want}
    out = [f"extra {kind} {name}" for kind, name in sorted(have_by.keys() - want_by.keys())]
    out += [f"missing {kind} {name}" for kind, name in sorted(want_by.keys() - have_by.keys())]
    out += [
        f"changed {kind} {name}"
        for (kind, name) in sorted(have_by.keys() & want_by.keys())
        if have_by[kind, name] != want_by[kind, name]
    ]
    return out
