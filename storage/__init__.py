"""Persistence: one SQLite file, numbered migrations, one repository class per table."""

from storage.db import Database, SchemaTooNewError
from storage.events import LeadEvent, LeadEventRepo
from storage.heads import HeadRecord, HeadRepo
from storage.leads import LeadFields, LeadRecord, LeadRepo, LeadSource, LeadStatus
from storage.members import MemberRecord, MemberRepo
from storage.outbox import OutboxMethod, OutboxPurpose, OutboxRecord, OutboxRepo, OutboxStatus
from storage.refusals import RefusalRecord, RefusalRepo
from storage.teams import TeamRecord, TeamRepo

__all__ = [
    "Database",
    "HeadRecord",
    "HeadRepo",
    "LeadEvent",
    "LeadEventRepo",
    "LeadFields",
    "LeadRecord",
    "LeadRepo",
    "LeadSource",
    "LeadStatus",
    "MemberRecord",
    "MemberRepo",
    "OutboxMethod",
    "OutboxPurpose",
    "OutboxRecord",
    "OutboxRepo",
    "OutboxStatus",
    "RefusalRecord",
    "RefusalRepo",
    "SchemaTooNewError",
    "TeamRecord",
    "TeamRepo",
]
