"""A unit of work: one transaction's repositories, its clock reading and its events.

`async with db.unit() as u:` opens a transaction and hands out repositories bound to the
connection it runs on; nothing outside storage holds a repository or a connection. An event
a unit emits is reacted to twice: at once, inside the transaction (`on_emit`: what it
writes, such as the news it queues, commits or rolls back with the change, in the order the
use case made them), and after the commit (`on_commit`, with the fact that it queued outbox
rows or resumed a team whose messages were held), never after a rollback: a rolled-back
unit sends nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from storage.delivery.boards import BoardRepo
from storage.delivery.lead_messages import LeadMessageRepo
from storage.delivery.outbox import OutboxRepo
from storage.delivery.outbox_files import OutboxFileRepo
from storage.driver import Conn
from storage.reading.refusals import RefusalRepo
from storage.reading.replay import ReplayRepo
from storage.reading.reports import ReportRepo
from storage.reading.restorations import RestorationRepo
from storage.team.config_revision import ConfigRevisionRepo
from storage.team.groups import GroupRepo
from storage.team.heads import HeadRepo
from storage.team.history import HistoryRepo
from storage.team.members import MemberRepo
from storage.team.rules import AliasRepo, RuleRepo
from storage.team.settings import TeamSettingRepo
from storage.team.sources import SourceRepo
from storage.team.teams import TeamRepo
from storage.team.vacations import VacationRepo
from storage.work.client_keys import ClientKeyRepo
from storage.work.events import LeadEventRepo
from storage.work.lead_lists import LeadListRepo
from storage.work.leads import LeadRepo
from storage.work.reason_questions import ReasonQuestionRepo
from storage.work.timers import TimerRepo
from storage.work.turns import TurnRepo
from storage.work.updates_seen import UpdateRepo


@dataclass(frozen=True)
class OutboxDue:
    """The unit queued messages, or made held ones sendable: the outbox worker should wake."""


# What an event writes in the unit that emitted it (the bot's table of reactions).
OnEmit = Callable[["Unit", object], Awaitable[None]]


class ReadOnlyUnitError(RuntimeError):
    """An event emitted by a unit that only reads: nothing would ever handle it."""


class Unit:
    """Every repository on one transaction's connection, `now` read once for it, and the
    events it emits. Built by `Database.unit()` / `Database.reading()` only."""

    __slots__ = (
        "_events",
        "_on_emit",
        "_writes",
        "aliases",
        "boards",
        "client_keys",
        "config",
        "events",
        "groups",
        "heads",
        "history",
        "leads",
        "lists",
        "members",
        "messages",
        "now",
        "outbox",
        "outbox_files",
        "reason_questions",
        "refusals",
        "replay",
        "reports",
        "restorations",
        "rules",
        "settings",
        "sources",
        "teams",
        "timers",
        "turns",
        "updates",
        "vacations",
    )

    def __init__(
        self,
        conn: Conn,
        now: datetime,
        writes: bool,
        on_emit: OnEmit | None = None,
    ) -> None:
        self.now = now
        self._events: list[object] = []
        self._writes = writes
        self._on_emit = on_emit
        self.leads = LeadRepo(conn)
        self.lists = LeadListRepo(conn)
        self.events = LeadEventRepo(conn)
        self.outbox = OutboxRepo(conn)
        self.outbox_files = OutboxFileRepo(conn)
        self.messages = LeadMessageRepo(conn)
        self.members = MemberRepo(conn)
        self.teams = TeamRepo(conn)
        self.settings = TeamSettingRepo(conn)
        self.timers = TimerRepo(conn)
        self.vacations = VacationRepo(conn)
        self.turns = TurnRepo(conn)
        self.groups = GroupRepo(conn)
        self.rules = RuleRepo(conn)
        self.aliases = AliasRepo(conn)
        self.client_keys = ClientKeyRepo(conn)
        self.refusals = RefusalRepo(conn)
        self.sources = SourceRepo(conn)
        self.reports = ReportRepo(conn)
        self.replay = ReplayRepo(conn)
        self.reason_questions = ReasonQuestionRepo(conn)
        self.heads = HeadRepo(conn)
        self.boards = BoardRepo(conn)
        self.config = ConfigRevisionRepo(conn)
        self.restorations = RestorationRepo(conn)
        self.history = HistoryRepo(conn)
        self.updates = UpdateRepo(conn)

    async def emit(self, event: object) -> None:
        """React to `event` in this transaction now, and after the commit (or never)."""
        if not self._writes:
            raise ReadOnlyUnitError(f"a reading unit cannot emit {event!r}")
        self._events.append(event)
        if self._on_emit is not None:
            await self._on_emit(self, event)

    def settled(self) -> list[object]:
        """What the committed unit emitted, in order, and the outbox's wake-up last."""
        due = self.outbox.queued > 0 or self.teams.resumed > 0
        return [*self._events, OutboxDue()] if due else list(self._events)
