"""An update Telegram delivers twice (a timeout, a retry that reached another process behind
the proxy) is handled once."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum

from storage import Database

# An unfinished claim this old belongs to a process that died: the update is handled again.
STALE = timedelta(minutes=2)
# Telegram gives up on an update after a day; its id can never come again after that.
KEPT = timedelta(days=2)


class Claim(Enum):
    MINE = "mine"  # handle it
    DONE = "done"  # handled already: answer as if just handled
    ELSEWHERE = "elsewhere"  # being handled by another process: let Telegram ask later


class UpdateClaims:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, update_id: int) -> Claim:
        async with self._db.unit() as u:
            if await u.updates.claim(update_id, u.now, u.now - STALE):
                return Claim.MINE
            handled = await u.updates.handled(update_id)
        return Claim.DONE if handled else Claim.ELSEWHERE

    async def done(self, update_id: int) -> None:
        async with self._db.unit() as u:
            await u.updates.done(update_id, u.now)

    async def failed(self, update_id: int) -> None:
        async with self._db.unit() as u:
            await u.updates.let_go(update_id)

    async def forget_old(self) -> int:
        async with self._db.unit() as u:
            return await u.updates.forget(u.now - KEPT)
