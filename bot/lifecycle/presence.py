"""Who is at work, as behaviour shows it. A manager who lets `auto_pause` offers time out,
or clients go unreached, in a row is paused: a lead offered to someone who is not there
waits out its timeout, and speed to lead is lost on each. The heads hear of every pause
and return a manager makes (or the bot makes) without them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.lifecycle.handover import Handover
from bot.team_settings import AUTO_PAUSE, TeamSettings
from storage import MemberRecord, TeamRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

TIMED_OUT = "timeout"  # the reason of a `returned` event when an offer was not accepted
NO_CONTACT = "no_contact"  # ... when its owner did not reach the client in time
LAPSES = (TIMED_OUT, NO_CONTACT)  # each counts towards `max_passes` and `auto_pause`


# The events that show whether a manager answers what waits for them: offers (accepted or
# returned by them, or timed out) and first contacts (reached, a deal closed, or lapsed).
_TURNS = ("accepted", "returned", "contacted", "won", "lost")
_LOOK_BACK = 200  # events: enough for `auto_pause` (at most 20) among the other kind's


def lapses_in_row(turns: Iterable[tuple[str, str, bool]]) -> int:
    """The longest run, back from the latest, of offers that timed out (until one the manager
    answered) or of clients not reached in time (until one they reached or closed). The two
    runs are counted apart: claiming or accepting a lead says nothing of calling its client,
    and a lead taken in the chat says nothing of answering offers. `turns`: (kind, reason,
    done by the manager), newest first."""
    runs = {TIMED_OUT: 0, NO_CONTACT: 0}
    ended: set[str] = set()
    for kind, reason, by_them in turns:
        if kind == "returned" and not by_them and reason in runs:
            if reason not in ended:
                runs[reason] += 1
        elif by_them and kind in ("accepted", "returned"):
            ended.add(TIMED_OUT)
        elif by_them and kind in ("contacted", "won", "lost"):
            ended.add(NO_CONTACT)
        if len(ended) == len(runs):
            break
    return max(runs.values())


class PresenceChange(StrEnum):
    PAUSED = "paused"  # by the manager (/pause)
    PAUSED_BY_HEAD = "paused_by_head"  # /pause @name
    AUTO_PAUSED = "auto_paused"  # `auto_pause` lapses in a row
    RESUMED = "resumed"  # by the manager (/resume, or "I'm here")
    RESUMED_BY_HEAD = "resumed_by_head"  # /resume @name


_CHANGES = {  # (paused, by a head)
    (True, False): PresenceChange.PAUSED,
    (True, True): PresenceChange.PAUSED_BY_HEAD,
    (False, False): PresenceChange.RESUMED,
    (False, True): PresenceChange.RESUMED_BY_HEAD,
}


@dataclass(frozen=True)
class PresenceChanged:
    member: MemberRecord  # as it was before the change
    team: TeamRecord
    change: PresenceChange
    at: datetime
    lapses: int = 0  # AUTO_PAUSED: how many in a row


class Presence:
    def __init__(self, handover: Handover) -> None:
        self._handover = handover

    async def set(self, u: Unit, member: MemberRecord, paused: bool, by_head: bool) -> bool:
        """Pause or resume `member` (a head's command when `by_head`); False when they
        already were so. Call inside a transaction."""
        if not await u.members.set_paused(member.id, paused, u.now):
            return False
        team = await u.teams.by_id(member.team_id)
        assert team is not None
        await u.emit(PresenceChanged(member, team, _CHANGES[paused, by_head], u.now))
        return True

    async def lapsed(
        self, u: Unit, owner: MemberRecord, team: TeamRecord, settings: TeamSettings, now: datetime
    ) -> bool:
        """One of the owner's leads lapsed (see `LAPSES`); True when that made `auto_pause`
        lapses in a row (`lapses_in_row`) since they last came back, and so paused them.
        Their other offers move on at once: they would only wait out their timeouts. Call
        inside the transaction that recorded the lapse."""
        limit = settings[AUTO_PAUSE]
        if limit is None or owner.paused_at is not None or not owner.active:
            return False
        since = await u.members.back_since(owner.id)
        turns = await u.events.turns_of(owner.id, owner.user_id, _TURNS, since, _LOOK_BACK)
        in_row = lapses_in_row(turns)
        if in_row < limit or not await u.members.set_paused(owner.id, True, now):
            return False
        await u.emit(PresenceChanged(owner, team, PresenceChange.AUTO_PAUSED, now, in_row))
        moved = await self._handover.withdraw_offers(u, owner, "paused for lapses", "paused")
        log.warning("member %d paused after %d lapses; %d offers moved on", owner.id, limit, moved)
        return True
