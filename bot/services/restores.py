"""The heads hear of a restore at the first start after it: which leads the copy lacked, and
where they are kept. `restore` itself runs with the bot stopped, so it only records."""

from __future__ import annotations

import logging
from functools import partial

from bot.clock import Clock
from bot.delivery.signal import OutboxSignal
from bot.i18n import Html, Translator
from bot.presentation.notices import HeadNotices
from storage import Database
from storage.restorations import RestorationRecord

log = logging.getLogger(__name__)

# A notice lists this many leads; the rest are counted (they are all in the kept copy).
SHOWN_LEADS = 30


class RestoreNotices:
    def __init__(
        self, db: Database, clock: Clock, notices: HeadNotices, signal: OutboxSignal
    ) -> None:
        self._db = db
        self._clock = clock
        self._notices = notices
        self._signal = signal
        self._restorations = db.repos.restorations
        self._teams = db.repos.teams

    async def tell(self) -> int:
        """Queue a notice to the heads for each restore they have not heard of; how many."""
        async with self._db.transaction():
            now = self._clock.now()
            untold = await self._restorations.untold()
            team = await self._teams.primary()
            for restoration in untold:
                log.warning(
                    "the database was restored from %s; %d lead(s) dropped out",
                    restoration.copy_file,
                    len(restoration.taken_out),
                )
                await self._notices.tell(team, partial(_notice, restoration), now)
                await self._restorations.told(restoration.id, now)
        if untold:
            self._signal.notify()
        return len(untold)


def _notice(restoration: RestorationRecord, tr: Translator) -> Html:
    """The leads the copy lacked, by number and client, and where they are kept."""
    kept = restoration.kept_file or tr("restore.kept_nowhere")
    out = restoration.taken_out
    if not out:
        return tr("restore.notice_none", copy=restoration.copy_file, kept=kept)
    lines = [tr("restore.line", id=number, client=client) for number, client in out]
    if len(out) > SHOWN_LEADS:
        lines = [*lines[:SHOWN_LEADS], tr("restore.more", count=len(out) - SHOWN_LEADS)]
    return tr(
        "restore.notice",
        copy=restoration.copy_file,
        count=len(out),
        lines=Html("\n".join(lines)),
        kept=kept,
    )
