"""Texts of the reports and settings: `/my`, `/lead`, `/stats`, `/settings`, `/hours`.
Pure: data and a translator in, Telegram HTML out."""

from __future__ import annotations

import html
from datetime import datetime, tzinfo

from bot.durations import format_duration
from bot.i18n import Html, Translator
from bot.presentation.cards import owner_messages, public_view
from bot.presentation.lead_posts import client_label
from bot.presentation.reasons import event_words
from bot.presentation.text_size import clip
from bot.routing.hours import OffHours
from bot.services.managers import Change, SettingResult
from bot.services.reporting.stats import LeadHistory
from bot.team_settings import (
    ALL,
    BY_NAME,
    OFF_HOURS,
    TIMEZONE,
    WORK_DAYS,
    WORK_HOURS,
    TeamSettings,
)
from storage import LeadEvent, LeadRecord, MemberRecord


def settings_text(settings: TeamSettings, tr: Translator) -> Html:
    lines: list[str] = [tr("settings.header")]
    lines += [
        tr("settings.line", name=s.name, label=tr("setting." + s.name), value=s.shown(settings, tr))
        for s in ALL
    ]
    lines += ["", tr("settings.hint")]
    return Html("\n".join(lines))


def saved_text(result: SettingResult, settings: TeamSettings, tr: Translator) -> Html:
    """ "Сохранено: напоминание в чате о невзятом лиде — 10 мин.": the setting and its value
    now, in one line."""
    setting = BY_NAME[result.setting or ""]
    key = "set.done" if result.outcome is Change.DONE else "set.same"
    return tr(key, label=tr("setting." + setting.name), value=setting.shown(settings, tr))


def hours_text(settings: TeamSettings, members: list[MemberRecord], tr: Translator) -> Html:
    lines: list[str] = [
        tr(
            "hours.team",
            days=WORK_DAYS.shown(settings, tr),
            hours=WORK_HOURS.shown(settings, tr),
            zone=TIMEZONE.shown(settings, tr),
            off=OFF_HOURS.shown(settings, tr),
        )
    ]
    own = [m for m in members if m.work_hours]
    lines += [tr("hours.own", name=m.full_name, hours=m.work_hours) for m in own]
    lines += ["", tr("hours.hint")]
    return Html("\n".join(lines))


def duty_text(settings: TeamSettings, members: list[MemberRecord], tr: Translator) -> Html:
    names = ", ".join(m.full_name for m in members if m.on_duty)
    lines: list[str] = [tr("duty.list", names=names) if names else tr("duty.nobody")]
    if settings[OFF_HOURS] is not OffHours.DUTY:
        lines.append(tr("duty.not_used"))
    lines += ["", tr("duty.hint")]
    return Html("\n".join(lines))


def my_leads_text(leads: tuple[LeadRecord, ...], now: datetime, tr: Translator) -> Html:
    if not leads:
        return tr("my.empty")
    lines: list[str] = [tr("my.header", count=len(leads))]
    lines += [_lead_line(lead, now, tr("state." + lead.status.value), tr) for lead in leads]
    lines += ["", tr("my.hint")]
    return Html("\n".join(lines))


def _lead_line(lead: LeadRecord, now: datetime, state: Html, tr: Translator) -> Html:
    age = format_duration(now - lead.created_at, tr, "span")
    return tr("my.line", id=lead.id, client=client_label(lead, tr), age=age, state=state)


def team_leads_text(
    leads: tuple[LeadRecord, ...], owners: dict[int, str], now: datetime, tr: Translator
) -> Html:
    """A head's /my: the team's open work, oldest first, with who has each lead."""
    if not leads:
        return tr("my.team_empty")
    lines: list[str] = [tr("my.team_header", count=len(leads))]
    for lead in leads:
        state = tr("team_state." + lead.status.value)
        if lead.owner_id is not None:
            state = Html(f"{state}: {html.escape(owners.get(lead.owner_id, '?'))}")
        lines.append(_lead_line(lead, now, state, tr))
    # Oldest first, and the oldest matter most: what does not fit one message is counted.
    shown: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        used += len(line) + 1
        if used > 3500:
            shown.append(tr("my.team_more", count=len(lines) - index))
            break
        shown.append(line)
    return Html("\n".join([*shown, "", tr("my.team_hint")]))


def history_text(view: LeadHistory, zone: tzinfo, tr: Translator) -> list[Html]:
    """The lead as its owner sees it (long leads take more messages), then its history."""
    assert view.lead is not None and view.names is not None
    lead, names = view.lead, view.names
    state = tr("state." + lead.status.value)
    if view.owner is not None:
        state = Html(f"{state} · {tr('history.owner', name=view.owner.full_name)}")
    heading = tr("dm.title" if view.mine else "card.title_former", id=lead.id)
    now_line = tr("lead.now", state=state)
    if view.contacts:
        card, *rest = owner_messages(lead, state, tr, heading=heading, footer=now_line)
    else:
        card, rest = public_view(lead, heading, now_line, tr), []
    lines: list[str] = [tr("history.header")]
    for event in view.events:
        lines.append(_event_line(event, names, zone, tr))
    return [card, *rest, latest_lines(lines)]


def latest_lines(lines: list[str], limit: int = 3500) -> Html:
    """As many of the last lines as fit in one message: the latest events matter most.
    Whole lines only, so that no tag or entity is cut."""
    kept: list[str] = []
    used = 0
    for line in reversed(lines[1:]):
        used += len(line) + 1
        if used > limit:
            kept.append("…")
            break
        kept.append(line)
    return Html("\n".join([lines[0], *reversed(kept)]))


def _event_line(event: LeadEvent, names: dict[int, str], zone: tzinfo, tr: Translator) -> Html:
    when = event.at.astimezone(zone).strftime("%d.%m %H:%M")
    who = names.get(event.member_id, "?") if event.member_id is not None else ""
    kind, what = event_words(event.kind, event.reason, event.details, tr)
    parts = [p for p in (kind, clip(who, 40) if who else "", what) if p]
    return tr("history.line", when=when, text=Html(" · ".join(parts)))
