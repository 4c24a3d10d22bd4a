"""A vacation starts and ends: on its timers at the team's local midnight, or at once from
/vacation (today) and /vacation end. While away, routing skips the manager (the planner
reads who is away); on return the deputy's cover leads go back when `handback` is on."""

from __future__ import annotations

from datetime import datetime

from bot.dates import day_text
from bot.i18n import Html, Translator
from bot.lifecycle.events import HandedBack
from bot.lifecycle.handover import Handover
from bot.lifecycle.planner import Planner
from bot.lifecycle.transitions import Lifecycle, Moved, Note
from bot.presentation.notices import HeadNotices, member_translator, team_translator
from bot.presentation.reasons import field_label, value_label
from bot.team_settings import HANDBACK, MODE
from storage import (
    LeadRecord,
    MemberRecord,
    OutboxMethod,
    OutboxPurpose,
    TeamRecord,
)
from storage.team.vacations import VacationRecord
from storage.unit import Unit
from storage.work.timers import TimerKind, TimerRecord


class Away:
    def __init__(
        self,
        planner: Planner,
        life: Lifecycle,
        handover: Handover,
        notices: HeadNotices,
    ) -> None:
        self._planner = planner
        self._life = life
        self._handover = handover
        self._notices = notices

    async def fire(self, u: Unit, timer: TimerRecord, team: TeamRecord, now: datetime) -> None:
        """A vacation's timer fired. Call inside the transaction that fired it."""
        if timer.vacation_id is None:
            return
        vacation = await u.vacations.get(timer.vacation_id)
        if vacation is None:
            return
        if timer.kind is TimerKind.VACATION_START:
            await self.start(u, vacation, team, now)
        elif timer.kind is TimerKind.VACATION_END:
            await self.end(u, vacation, team, now)
        else:
            raise AssertionError(f"timer {timer.id} ({timer.kind}) is not a vacation's")

    async def start(
        self, u: Unit, vacation: VacationRecord, team: TeamRecord, now: datetime
    ) -> None:
        if not await u.vacations.start(vacation.id, now):
            return
        member = await u.members.by_id(vacation.member_id)
        deputy = await u.members.by_id(vacation.deputy_id) if vacation.deputy_id else None
        if member is None or not member.active:
            return  # removed from the team since it was planned
        # An offer waiting for them would wait for the whole vacation.
        await self._handover.withdraw_offers(u, member, "on vacation", "away")
        tr = team_translator(team)
        mode = (await self._planner.settings(u, team))[MODE]
        deputy_name = deputy.full_name if deputy else None
        text = tr(
            "on_vacation." + mode.value,
            name=member.full_name,
            last=day_text(vacation.last_day),
            deputy=_deputy_line(deputy_name, tr),
        )
        await self._team_line(u, team, text, now)
        # The heads hear it in private too: the chat's line scrolls away among the cards.
        await self._notices.tell(
            u,
            team,
            lambda tr: tr(
                "vacation.started",
                name=member.full_name,
                last=day_text(vacation.last_day),
                deputy=_deputy_line(deputy_name, tr),
            ),
            now,
        )
        if deputy is not None and deputy.active:
            await self._tell_deputy(u, team, vacation, member, deputy, now)

    async def _tell_deputy(
        self,
        u: Unit,
        team: TeamRecord,
        vacation: VacationRecord,
        member: MemberRecord,
        deputy: MemberRecord,
        now: datetime,
    ) -> None:
        """The deputy hears it in private: whom they cover, until when, and which rules
        send them that manager's leads now."""
        tr = member_translator(deputy)
        rules = [r for r in await u.rules.all_of(team.id) if r.member_id == member.id]
        lines = [
            tr("vacation.deputy_started", name=member.full_name, last=day_text(vacation.last_day))
        ]
        if rules:
            listed = "; ".join(
                tr(
                    "rules.condition",
                    number=r.number,
                    field=field_label(r.field, tr),
                    values=Html(", ".join(value_label(r.field, v, tr) for v in r.values)),
                )
                for r in rules
            )
            lines.append(tr("vacation.deputy_rules", rules=Html(listed)))
        await u.outbox.enqueue(
            deputy.user_id, OutboxMethod.SEND, OutboxPurpose.MEMBER_NOTICE, "\n".join(lines), now
        )

    async def end(self, u: Unit, vacation: VacationRecord, team: TeamRecord, now: datetime) -> int:
        """The manager is back: the deputy's cover leads go back (with `handback`)."""
        if not await u.vacations.end(vacation.id, now):
            return 0
        await u.timers.cancel_for_vacation(vacation.id, now)
        member = await u.members.by_id(vacation.member_id)
        if member is None or not member.active:
            return 0
        covered = await u.lists.covering(member.id)
        moved: list[LeadRecord] = []
        if (await self._planner.settings(u, team))[HANDBACK]:
            for lead in covered:
                if await self._hand_back(u, lead, member, team, now):
                    moved.append(lead)
        else:
            await self._life.keep_cover(u, member.id)
        await self._tell_deputies(u, moved, member, now)
        tr = team_translator(team)
        await self._team_line(
            u, team, tr("vacation.team_ended", name=member.full_name, moved=len(moved)), now
        )
        await self._notices.tell(
            u,
            team,
            lambda tr: tr("vacation.team_ended", name=member.full_name, moved=len(moved)),
            now,
        )
        return len(moved)

    async def _hand_back(
        self, u: Unit, lead: LeadRecord, member: MemberRecord, team: TeamRecord, now: datetime
    ) -> bool:
        deputy = await u.members.by_id(lead.owner_id) if lead.owner_id else None
        if deputy is None:
            return False
        details: dict[str, object] = {"reason": "handback", "deputy": deputy.full_name}
        moved = await self._life.hand_back(
            u, lead.id, deputy.id, member.id, now, Note("handed_back", "handback", details)
        )
        if not isinstance(moved, Moved):
            return False
        await u.emit(HandedBack(lead, moved, deputy, member, details))
        return True

    async def _tell_deputies(
        self, u: Unit, moved: list[LeadRecord], member: MemberRecord, now: datetime
    ) -> None:
        by_deputy: dict[int, list[int]] = {}
        for lead in moved:
            assert lead.owner_id is not None
            by_deputy.setdefault(lead.owner_id, []).append(lead.id)
        for deputy_id, lead_ids in by_deputy.items():
            deputy = await u.members.by_id(deputy_id)
            if deputy is None:
                continue
            tr = member_translator(deputy)
            await u.outbox.enqueue(
                deputy.user_id,
                OutboxMethod.SEND,
                OutboxPurpose.MEMBER_NOTICE,
                tr(
                    "handback.deputy",
                    name=member.full_name,
                    leads=", ".join(tr("lead.number", id=i) for i in lead_ids),
                ),
                now,
            )

    async def _team_line(self, u: Unit, team: TeamRecord, text: str, now: datetime) -> None:
        await u.outbox.enqueue(
            team.chat_id, OutboxMethod.SEND, OutboxPurpose.TEAM_NOTICE, text, now
        )


def _deputy_line(name: str | None, tr: Translator) -> Html:
    return tr("vacation.deputy", name=name) if name else tr("vacation.no_deputy_set")
