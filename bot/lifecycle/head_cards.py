"""The heads' card of a lead: no contacts, one button per manager. Sent when the team's
mode asks the heads, and when a lead waits too long (escalation, too many timeouts)."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Html
from bot.leads.identity import lead_facts
from bot.lifecycle.planner import Planner, Situation
from bot.people import Roles
from bot.presentation.buttons import assign_buttons
from bot.presentation.callbacks import LeadRef
from bot.presentation.cards import head_card
from bot.presentation.notices import Text, team_translator
from bot.presentation.text_size import clip
from bot.routing import LeadFacts, MemberState, matching_skills, rank_for_head
from storage import LeadRecord, MemberRecord, OutboxMethod, OutboxPurpose, TeamRecord
from storage.unit import Unit


class HeadCards:
    def __init__(self, planner: Planner, roles: Roles) -> None:
        self._planner = planner
        self._roles = roles

    async def escalate(
        self, u: Unit, lead: LeadRecord, team: TeamRecord, note: Text, now: datetime
    ) -> bool:
        """Each head gets the lead with a button per manager, under `note`, whatever pool
        it waits in. A group's card lists only the group. False when there is no head."""
        if not self._roles.head_ids:
            return False
        situation = await self._planner.situation(u, team, now)
        facts = lead_facts(lead.id, lead.fields)
        members = situation.snapshot.members
        group = situation.groups.get(lead.group_id) if lead.group_id is not None else None
        if group is not None:
            members = tuple(m for m in members if m.member_id in group.member_ids)
        ranked = rank_for_head(facts, members)
        await self.send(u, lead, team, situation, facts, ranked, now, note)
        return True

    async def send(
        self,
        u: Unit,
        lead: LeadRecord,
        team: TeamRecord,
        situation: Situation,
        facts: LeadFacts,
        candidates: tuple[int, ...],
        now: datetime,
        note: Text | None = None,
    ) -> None:
        """Each head's card: the lead without contacts (under `note`), and a button per
        candidate, best first."""
        tr = team_translator(team)
        by_id = situation.members
        states = {m.member_id: m for m in situation.snapshot.members}
        choices = [
            (
                mid,
                choice_label(
                    by_id[mid], states[mid], bool(matching_skills(facts, states[mid].skills))
                ),
            )
            for mid in candidates
        ]
        card = head_card(lead, tr, capped=any(states[mid].cap is not None for mid in candidates))
        text = card if note is None else Html(f"{note(tr)}\n\n{card}")
        for head_id in sorted(self._roles.head_ids):
            await u.outbox.enqueue(
                head_id,
                OutboxMethod.SEND,
                OutboxPurpose.HEAD_ASK,
                text,
                now,
                buttons=assign_buttons(LeadRef.of(lead), choices),
                lead_id=lead.id,
            )


def choice_label(member: MemberRecord, state: MemberState, matched: bool) -> str:
    """ "⭐ Иван · 3/10": skills match, open leads and cap; ⏸ for a paused manager, 🌙 for
    one outside their hours."""
    load = f"{state.open_leads}/{state.cap}" if state.cap is not None else str(state.open_leads)
    mark = "⏸ " if state.paused else "🌙 " if state.off_hours else "⭐ " if matched else ""
    return f"{mark}{clip(member.full_name, 24)} · {load}"
