"""Persistence: one SQLite file, numbered migrations, one repository class per table."""

from storage.db import Database, SchemaTooNewError
from storage.events import LeadEvent, LeadEventRepo
from storage.leads import LeadFields, LeadRecord, LeadRepo, LeadSource, LeadStatus
from storage.members import MemberRecord, MemberRepo
from storage.outbox import OutboxMethod, OutboxPurpose, OutboxRecord, OutboxRepo, OutboxStatus
from storage.teams import TeamRecord, TeamRepo

__all__ = [
    "Database",
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
    "SchemaTooNewError",
    "TeamRecord",
    "TeamRepo",
]
