"""A unit of work: every repository, on the one connection a transaction runs on.

`async with db.transaction() as uow:` hands these out; services receive them from the
database (`db.repos`) and never build a repository or touch the connection themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.boards import BoardRepo
from storage.client_keys import ClientKeyRepo
from storage.config_revision import ConfigRevisionRepo
from storage.events import LeadEventRepo
from storage.groups import GroupRepo
from storage.heads import HeadRepo
from storage.history import HistoryRepo
from storage.leads import LeadRepo
from storage.members import MemberRepo
from storage.outbox import OutboxRepo
from storage.outbox_files import OutboxFileRepo
from storage.reason_questions import ReasonQuestionRepo
from storage.refusals import RefusalRepo
from storage.replay import ReplayRepo
from storage.reports import ReportRepo
from storage.restorations import RestorationRepo
from storage.rules import AliasRepo, RuleRepo
from storage.settings import TeamSettingRepo
from storage.sources import SourceRepo
from storage.teams import TeamRepo
from storage.timers import TimerRepo
from storage.turns import TurnRepo
from storage.vacations import VacationRepo


@dataclass(frozen=True)
class Repos:
    leads: LeadRepo
    events: LeadEventRepo
    outbox: OutboxRepo
    outbox_files: OutboxFileRepo
    members: MemberRepo
    teams: TeamRepo
    settings: TeamSettingRepo
    timers: TimerRepo
    vacations: VacationRepo
    turns: TurnRepo
    groups: GroupRepo
    rules: RuleRepo
    aliases: AliasRepo
    client_keys: ClientKeyRepo
    refusals: RefusalRepo
    sources: SourceRepo
    reports: ReportRepo
    replay: ReplayRepo
    reason_questions: ReasonQuestionRepo
    heads: HeadRepo
    boards: BoardRepo
    config: ConfigRevisionRepo
    restorations: RestorationRepo
    history: HistoryRepo

    @classmethod
    def on(cls, conn: aiosqlite.Connection) -> Repos:
        return cls(
            leads=LeadRepo(conn),
            events=LeadEventRepo(conn),
            outbox=OutboxRepo(conn),
            outbox_files=OutboxFileRepo(conn),
            members=MemberRepo(conn),
            teams=TeamRepo(conn),
            settings=TeamSettingRepo(conn),
            timers=TimerRepo(conn),
            vacations=VacationRepo(conn),
            turns=TurnRepo(conn),
            groups=GroupRepo(conn),
            rules=RuleRepo(conn),
            aliases=AliasRepo(conn),
            client_keys=ClientKeyRepo(conn),
            refusals=RefusalRepo(conn),
            sources=SourceRepo(conn),
            reports=ReportRepo(conn),
            replay=ReplayRepo(conn),
            reason_questions=ReasonQuestionRepo(conn),
            heads=HeadRepo(conn),
            boards=BoardRepo(conn),
            config=ConfigRevisionRepo(conn),
            restorations=RestorationRepo(conn),
            history=HistoryRepo(conn),
        )
