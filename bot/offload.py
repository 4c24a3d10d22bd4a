"""Work on a form's body: on the event loop when it is small, in a thread when it is not.

A thread hop costs a few tenths of a millisecond, more than reading an everyday form; a
body built to be slow to read (megabytes, thousands of fields) must not stall the bot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

SMALL_BYTES = 8 * 1024  # an everyday form is a few hundred bytes
SMALL_FIELDS = 64


async def by_size(small: bool, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`work(*args)`: right here when `small`, else in a thread."""
    if small:
        return work(*args, **kwargs)
    return await asyncio.to_thread(work, *args, **kwargs)
