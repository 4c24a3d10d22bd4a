"""What a lead is: its states, where a new one waits, and its fields as the forms gave them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum


class LeadStatus(StrEnum):
    """A lead's life (PRODUCT.md): nobody sees the contacts until it is taken."""

    NEW = "new"  # waiting: a Claim card in the team chat, or a head's choice (see Pool)
    OFFERED = "offered"  # sent to one manager, waiting for Accept or Return
    TAKEN = "taken"  # claimed, accepted, or assigned by a head: its owner works it
    WON = "won"
    LOST = "lost"


OPEN_STATUSES = (LeadStatus.OFFERED, LeadStatus.TAKEN)  # what counts towards a cap
CLOSED_STATUSES = (LeadStatus.WON, LeadStatus.LOST)


class Pool(StrEnum):
    """Where a new lead waits."""

    CHAT = "chat"  # claimable from its card in the team chat
    HEADS = "heads"  # the heads pick a manager
    HOURS = "hours"  # the team is off: routed again at opening


class LeadSource(StrEnum):
    HTTP = "http"
    COMMAND = "command"
    FORWARD = "forward"


@dataclass(frozen=True)
class LeadFields:
    """What a lead says about the client. Every field is optional on its own."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    company: str | None = None
    tax_id: str | None = None
    message: str | None = None
    channel: str | None = None
    industry: str | None = None
    region: str | None = None
    product: str | None = None
    external_id: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


KNOWN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LeadFields) if f.name != "extra")


@dataclass(frozen=True)
class LeadRecord:
    id: int
    team_id: int | None
    status: LeadStatus
    pool: Pool | None
    source: LeadSource
    fields: LeadFields
    contact_user_id: int | None
    owner_id: int | None
    created_at: datetime
    assigned_at: datetime | None  # when the current owner got it
    taken_at: datetime | None
    closed_at: datetime | None
    lost_reason: str | None
    card_chat_id: int | None
    card_message_id: int | None
    source_id: int | None = None  # the intake link it came through
    group_id: int | None = None  # a first-come group's card: only its members may claim
    cover_for: int | None = None  # the owner got it as the deputy of this manager, away
    stamp: str | None = None  # what its buttons carry besides its number (None: old lead)
    contacted_at: datetime | None = None  # the first contact with the client, kept for good
    contacted_by: int | None = None  # the member who made it
    won_amount: int | None = None  # what the deal was worth, in whole units, if told

    @property
    def awaits_contact(self) -> bool:
        """Taken, and nobody has reached the client yet: the owner's card offers 📞."""
        return self.status is LeadStatus.TAKEN and self.contacted_at is None

    @property
    def open(self) -> bool:
        return self.status not in CLOSED_STATUSES
