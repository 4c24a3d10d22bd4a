"""Which messages show which lead, and what became of it: the ground truth for a tap on a
lead's button."""

from __future__ import annotations

from datetime import tzinfo
from enum import StrEnum

from bot.lifecycle.planner import Planner
from bot.presentation.callbacks import LeadRef
from bot.presentation.lead_now import LeadNow
from bot.team_settings import TIMEZONE
from storage import Database


class Tap(StrEnum):
    """What a tap on a lead's button may do."""

    GENUINE = "genuine"  # the bot put this button about this lead on that message
    FORGED = "forged"  # not a button of that message
    NO_LEAD = "no_lead"  # a number issued and gone: the database was put back from a copy
    OTHER_LEAD = "other_lead"  # the number is another lead's now (its stamp differs)


class ButtonLedger:
    def __init__(self, db: Database, planner: Planner, zone: tzinfo) -> None:
        self._db = db
        self._planner = planner
        self._zone = zone  # the bot's TIMEZONE, for a lead of no team

    async def check(self, ref: LeadRef, chat_id: int, message_id: int, on_keyboard: bool) -> Tap:
        """Whether a tap on a button naming `ref`, pressed on that message, is one the bot
        made for this very lead. `on_keyboard`: Telegram shows the button on the message."""
        async with self._db.reading() as u:
            lead = await u.leads.get(ref.id)
            if lead is None:
                # A number issued once and gone: the database was put back from a copy.
                issued = ref.id <= await u.leads.highest_number()
                return Tap.NO_LEAD if issued else Tap.FORGED
            if (lead.stamp or "") != ref.stamp:
                return Tap.OTHER_LEAD
            if on_keyboard or (lead.card_chat_id, lead.card_message_id) == (chat_id, message_id):
                return Tap.GENUINE
            shown = await u.messages.shows(ref.id, chat_id, message_id)
        return Tap.GENUINE if shown else Tap.FORGED

    async def now_of(self, lead_id: int, user_id: int) -> LeadNow | None:
        """The lead as it is, for the answer to a button that no longer applies to it."""
        async with self._db.reading() as u:
            lead = await u.leads.get(lead_id)
            if lead is None:
                return None
            owner = await u.members.by_id(lead.owner_id) if lead.owner_id else None
            team = await u.teams.by_id(lead.team_id) if lead.team_id else None
            settings = await self._planner.settings(u, team) if team else None
            now = u.now
        zone = settings[TIMEZONE] if settings else self._zone
        yours = owner is not None and owner.user_id == user_id
        name = owner.full_name if owner else None
        return LeadNow(lead, name, yours, zone, now)
