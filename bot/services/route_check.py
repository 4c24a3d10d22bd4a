"""`/route`: where a lead with these fields would go now, changing nothing."""

from __future__ import annotations

from dataclasses import dataclass

from bot.leads.fields import cleaned, lead_from_pairs, settle_channel
from bot.lifecycle.planner import Planner, Situation, describe
from bot.routing import Decision
from bot.services.reply import Reply
from bot.syntax import parse_pairs
from storage import Database

# No lead has this id: every earlier lead can be the known client's.
DRY_RUN_LEAD_ID = 0


@dataclass(frozen=True)
class DryRun:
    decision: Decision
    details: dict[str, object]  # as the lead's history would store them
    situation: Situation


class RouteCheck:
    def __init__(self, db: Database, planner: Planner) -> None:
        self._db = db
        self._planner = planner

    async def dry_run(self, text: str) -> DryRun | Reply:
        """Read the fields as a form's (`industry=medical phone=+7...`) and route them by
        the very code that routes real leads; nothing is written, no turn moves."""
        pairs = parse_pairs(text)
        if not pairs:
            return Reply("route.usage")
        fields = settle_channel(cleaned(lead_from_pairs(pairs)), None)
        async with self._db.reading() as u:
            team = await u.teams.primary()
            if team is None:
                return Reply("team.none")
            decision, situation, _ = await self._planner.decide(
                u, team, DRY_RUN_LEAD_ID, fields, None, u.now
            )
        return DryRun(decision, describe(decision, situation), situation)
