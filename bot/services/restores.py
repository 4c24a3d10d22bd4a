"""The heads hear of a restore at the first start after it: which leads the copy lacked, and
where they are kept. `restore` itself runs with the bot stopped, so it only records."""

from __future__ import annotations

import logging
from functools import partial

from bot.i18n import Html, Translator
from bot.presentation.notices import HeadNotices
from storage import Database
from storage.reading.restorations import RestorationRecord

log = logging.getLogger(__name__)

# A notice lists this many leads; the rest are counted (they are all in the kept copy).
SHOWN_LEADS = 30


class RestoreNotices:
    def __init__(self, db: Database, notices: HeadNotices) -> None:
        self._db = db
        self._notices = notices

    async def tell(self) -> int:
        """Queue a notice to the heads for each restore they have not heard of; how many."""
        async with self._db.unit() as u:
            now = u.now
            untold = await u.restorations.untold()
            team = await u.teams.primary()
            for restoration in untold:
                log.warning(
                    "the database was restored from %s; %d lead(s) dropped out",
                    restoration.copy_file,
                    len(restoration.taken_out),
                )
                await self._notices.tell(u, team, partial(_notice, restoration), now)
                await u.restorations.told(restoration.id, now)
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
