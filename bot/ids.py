"""Numbers people and buttons send us, bounded to what storage can hold as a row id.

A number out of range is simply no such lead or member; passing it on would end in an
OverflowError deep in the database driver.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from storage import ROW_ID_MAX

# A row id as it travels in callback data: anything else fails the button's filter.
RowId = Annotated[int, Field(ge=0, le=ROW_ID_MAX)]


def row_number(text: str) -> int | None:
    """`text` as a row id (a lead or a member number), or None if it cannot be one."""
    text = text.strip()
    if not text.isdecimal() or not text.isascii():
        return None
    number = int(text)
    return number if number <= ROW_ID_MAX else None
