"""Numbers people and buttons send us, bounded to what SQLite can store.

A number out of range is simply no such lead or member; passing it on would end in an
OverflowError deep in the database driver.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

SQLITE_MAX_INT = 2**63 - 1

# A row id as it travels in callback data: anything else fails the button's filter.
RowId = Annotated[int, Field(ge=0, le=SQLITE_MAX_INT)]


def row_number(text: str) -> int | None:
    """`text` as a row id (a lead or a member number), or None if it cannot be one."""
    text = text.strip()
    if not text.isdecimal() or not text.isascii():
        return None
    number = int(text)
    return number if number <= SQLITE_MAX_INT else None
