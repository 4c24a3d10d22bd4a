"""What became of a lead, in one line: the answer to a tap on a button that no longer
applies ("Лид №14 уже закрыт: сделка, Иван, 12:05"), instead of a bare "out of date"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.i18n import Html, Translator
from bot.presentation.callbacks import LostWhy
from storage import LeadRecord, LeadStatus, Pool


@dataclass(frozen=True)
class LeadNow:
    """A lead as it is, with what its answer names: its owner, and whether that is the
    person who tapped."""

    lead: LeadRecord
    owner_name: str | None
    yours: bool
    zone: tzinfo  # the team's
    now: datetime


def when_text(at: datetime, now: datetime, zone: tzinfo, tr: Translator) -> Html:
    """A moment as a reader of the chat says it: "сегодня в 12:05", "05.12 в 12:05"."""
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    time = local.strftime("%H:%M")
    if local.date() == today:
        return tr("now.today", time=time)
    return tr("now.day", day=local.strftime("%d.%m"), time=time)


def lead_now_text(view: LeadNow, tr: Translator) -> Html:
    lead, name = view.lead, view.owner_name or "?"
    match lead.status:
        case LeadStatus.WON | LeadStatus.LOST:
            return _closed(view, tr)
        case LeadStatus.TAKEN:
            since = lead.taken_at or lead.assigned_at or lead.created_at
            when = when_text(since, view.now, view.zone, tr)
            if view.yours:
                return tr("now.taken_yours", id=lead.id, when=when)
            return tr("now.taken", id=lead.id, name=name, when=when)
        case LeadStatus.OFFERED:
            if view.yours:
                return tr("now.offered_yours", id=lead.id)
            return tr("now.offered", id=lead.id, name=name)
        case LeadStatus.NEW:
            return tr(_WAITING[lead.pool or Pool.CHAT], id=lead.id)


def _closed(view: LeadNow, tr: Translator) -> Html:
    lead, name = view.lead, view.owner_name or "?"
    assert lead.closed_at is not None
    when = when_text(lead.closed_at, view.now, view.zone, tr)
    if lead.status is LeadStatus.WON:
        return tr("now.won", id=lead.id, name=name, when=when)
    why = tr("lost_why." + _lost_key(lead.lost_reason)).lower()
    return tr("now.lost", id=lead.id, why=why, name=name, when=when)


_WAITING = {Pool.CHAT: "now.chat", Pool.HEADS: "now.heads", Pool.HOURS: "now.hours"}


def _lost_key(reason: str | None) -> str:
    """The reason's catalog key; a reason written in words ("other: ...") is "Другое"."""
    values = {why.value for why in LostWhy}
    return reason if reason in values else LostWhy.OTHER.value
