"""Persistence: one SQLite file, numbered migrations, one repository class per table."""

from storage.boards import BoardKind, BoardMessage, BoardRecord, BoardRepo
from storage.buttons import Button, Buttons
from storage.db import Database, WriteFailure
from storage.errors import (
    CannotOpenError,
    DuplicateLeadError,
    SchemaTooNewError,
    StorageError,
    StorageUnavailableError,
)
from storage.events import LeadEvent, LeadEventRepo
from storage.heads import HeadRecord, HeadRepo
from storage.lead_records import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    LeadFields,
    LeadRecord,
    LeadSource,
    LeadStatus,
    Pool,
)
from storage.leads import LeadRepo
from storage.members import MemberRecord, MemberRepo
from storage.outbox import (
    HANDING_OVER,
    FoldedRow,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    OutboxRepo,
    OutboxStatus,
    PendingRow,
    ShownMessage,
)
from storage.outbox_files import OutboxFile, OutboxFileRepo
from storage.refusals import RefusalRecord, RefusalRepo
from storage.reports import CohortLead, ReportRepo
from storage.settings import TeamSettingRepo
from storage.sources import SourceFigures, SourceKind, SourceRecord, SourceRepo
from storage.teams import TeamRecord, TeamRepo
from storage.turns import TurnRepo
from storage.unit import OutboxDue, Unit

__all__ = [
    "CLOSED_STATUSES",
    "HANDING_OVER",
    "OPEN_STATUSES",
    "BoardKind",
    "BoardMessage",
    "BoardRecord",
    "BoardRepo",
    "Button",
    "Buttons",
    "CannotOpenError",
    "CohortLead",
    "Database",
    "DuplicateLeadError",
    "FoldedRow",
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
    "OutboxDue",
    "OutboxFile",
    "OutboxFileRepo",
    "OutboxMethod",
    "OutboxPurpose",
    "OutboxRecord",
    "OutboxRepo",
    "OutboxStatus",
    "PendingRow",
    "Pool",
    "RefusalRecord",
    "RefusalRepo",
    "ReportRepo",
    "SchemaTooNewError",
    "ShownMessage",
    "SourceFigures",
    "SourceKind",
    "SourceRecord",
    "SourceRepo",
    "StorageError",
    "StorageUnavailableError",
    "TeamRecord",
    "TeamRepo",
    "TeamSettingRepo",
    "TurnRepo",
    "Unit",
    "WriteFailure",
]
