"""Persistence: a SQLite file or a PostgreSQL database, numbered migrations, one repository
class per table, and a unit of work per transaction."""

from storage.db import Database, WriteFailure
from storage.delivery.boards import BoardKind, BoardMessage, BoardRecord, BoardRepo
from storage.delivery.buttons import Button, Buttons
from storage.delivery.outbox import OutboxRepo
from storage.delivery.outbox_files import OutboxFile, OutboxFileRepo
from storage.delivery.outbox_records import (
    HANDING_OVER,
    FoldedRow,
    OutboxMethod,
    OutboxPurpose,
    OutboxRecord,
    OutboxStatus,
    PendingRow,
    ShownMessage,
)
from storage.engines.base import Listener
from storage.errors import (
    ROW_ID_MAX,
    CannotOpenError,
    DuplicateLeadError,
    SchemaTooNewError,
    StorageError,
    StorageUnavailableError,
)
from storage.reading.refusals import RefusalRecord, RefusalRepo
from storage.reading.reports import CohortLead, ReportRepo
from storage.team.heads import HeadRecord, HeadRepo
from storage.team.members import MemberRecord, MemberRepo
from storage.team.settings import TeamSettingRepo
from storage.team.sources import SourceFigures, SourceKind, SourceRecord, SourceRepo
from storage.team.teams import TeamRecord, TeamRepo
from storage.unit import OutboxDue, Unit
from storage.work.events import LeadEvent, LeadEventRepo
from storage.work.lead_records import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    LeadFields,
    LeadRecord,
    LeadSource,
    LeadStatus,
    Pool,
)
from storage.work.leads import LeadRepo
from storage.work.turns import TurnRepo

__all__ = [
    "CLOSED_STATUSES",
    "HANDING_OVER",
    "OPEN_STATUSES",
    "ROW_ID_MAX",
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
    "Listener",
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
