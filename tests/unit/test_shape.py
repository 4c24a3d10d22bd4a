"""The shape the code keeps, checked on its text: storage alone knows the database, every
unit of work binds its unit, and no folder or module outgrows a reader."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PRODUCTION = ("bot", "storage")
DRIVERS = {"sqlite3", "aiosqlite", "asyncpg", "sqlalchemy", "psycopg"}
MAX_MODULES = 15  # in one folder
MAX_LINES = 300  # in one module


def modules(*tops: str) -> Iterator[Path]:
    for top in tops:
        yield from sorted((ROOT / top).rglob("*.py"))


def imported(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_no_database_driver_is_imported_outside_storage() -> None:
    leaks = [
        f"{path.relative_to(ROOT)}: {sorted(imported(ast.parse(path.read_text())) & DRIVERS)}"
        for path in modules("bot")
        if imported(ast.parse(path.read_text())) & DRIVERS
    ]
    assert leaks == []


def test_every_unit_of_work_binds_its_unit_and_nothing_reaches_for_a_shared_one() -> None:
    unbound, shared = [], []
    for path in modules("bot"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.AsyncWith):
                for item in node.items:
                    call = item.context_expr
                    opens = (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr in {"unit", "reading"}
                    )
                    if opens and item.optional_vars is None:
                        unbound.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr in {"repos", "conn"}:
                shared.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert unbound == []
    assert shared == []


@pytest.mark.parametrize("top", PRODUCTION)
def test_no_folder_holds_more_than_fifteen_modules(top: str) -> None:
    folders = {path.parent for path in modules(top)}
    crowded = {
        str(folder.relative_to(ROOT)): n
        for folder in folders
        if (n := len(list(folder.glob("*.py")))) > MAX_MODULES
    }
    assert crowded == {}


@pytest.mark.parametrize("top", PRODUCTION)
def test_no_module_is_longer_than_three_hundred_lines(top: str) -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in modules(top)
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
