"""Numbered migrations: found in the package, checked for gaps, split into statements."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(folder: Traversable | None = None, first: int = 1) -> list[Migration]:
    """The numbered migrations in `folder` (the package's own by default), in order from
    `first`; a gap or a repeated number is refused: a file would be skipped or applied
    twice."""
    folder = folder or resources.files("storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(first, first + len(found)))
    if [m.version for m in found] != expected:
        raise RuntimeError(f"migrations must be numbered from {first:04d} without gaps: {found}")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a migration into statements; `sqlite3.complete_statement` knows about quotes."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer!r}")
    return statements
