"""A period's figures (`Figures`, counted by `bot.reports.figures.tally`), and how they read:
the /stats text and picture, and the Monday report, which is the same text and picture for
last week. Pure: figures and a translator in, Telegram HTML or chart data out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from bot.dates import day_text
from bot.i18n import Html, Translator
from bot.periods import Period
from bot.presentation.reports.charts import ChartData, chart_data
from bot.presentation.reports.words import (
    contact_text,
    conversion_text,
    money_text,
    share_text,
    take_text,
)
from bot.presentation.text_size import clip
from bot.reports.figures import BANDS, Calendars, Count
from bot.routing import value_key
from storage import MemberRecord
from storage.team.rules import AliasRecord


class ChannelNames:
    """Channels as the heads name them: "yandex" is "Яндекс Директ" once
    `/alias channel yandex "Яндекс Директ"` says so; spellings that differ only in case or
    spaces are one channel, under the first spelling seen. /stats and /export name alike."""

    def __init__(self, aliases: list[AliasRecord]) -> None:
        self._names = {value_key(a.alias): a.canonical for a in aliases}
        self._names |= {value_key(a.canonical): a.canonical for a in aliases}
        self._first: dict[str, str] = {}

    def __call__(self, channel: str | None) -> str | None:
        if channel is None or not channel.strip():
            return None
        name = self._names.get(value_key(channel), channel.strip())
        return self._first.setdefault(value_key(name), name)


@dataclass(frozen=True)
class Figures:
    """A team's period: a row per manager (the active ones, and whoever had a lead or a
    take in it), the leads nobody has yet, and a row per channel, biggest first; with the
    team, zone and names an export of the same period reads and writes with."""

    period: Period
    members: tuple[tuple[MemberRecord, Count], ...]
    waiting: Count
    channels: dict[str | None, Count]
    total: Count
    team_id: int
    zone: tzinfo
    names: ChannelNames
    calendars: Calendars  # the team's working time then, which time to take is counted in

    @property
    def empty(self) -> bool:
        return self.total.received == 0


def stats_heading(period: Period, tr: Translator) -> Html:
    first, last = day_text(period.first_day), day_text(period.last_day)
    return tr("stats_header." + period.span.value, first=first, last=last)


def _row(name: Html | str, count: Count, tr: Translator) -> Html:
    return tr(
        "stats.row",
        name=name,
        received=count.received,
        taken=count.taken,
        in_work=count.in_work,
        won=count.won,
        lost=count.lost,
        not_taken=count.not_taken,
        conversion=conversion_text(count, tr),
        take=take_text(count, tr),
    )


def stats_text(figures: Figures, tr: Translator) -> Html:
    lines: list[str] = [stats_heading(figures.period, tr)]
    if figures.empty:
        lines.append(tr("stats.empty"))
        return Html("\n".join(lines))
    lines += [tr("stats.legend"), ""]
    for member, count in figures.members:
        lines.append(_row(clip(member.full_name, 24), count, tr))
    if figures.waiting.received:
        lines.append(tr("stats.waiting", count=figures.waiting.received))
    lines.append(_row(tr("stats.total_name"), figures.total, tr))
    lines += ["", tr("stats.channels")]
    for channel, c in figures.channels.items():
        shown = clip(channel, 40) if channel else tr("stats.no_channel")
        lines.append(
            tr(
                "stats.channel",
                channel=shown,
                received=c.received,
                taken=c.taken,
                won=c.won,
                lost=c.lost,
                conversion=conversion_text(c, tr),
            )
        )
    return Html("\n".join(lines + _money(figures, tr) + _speed(figures, tr)))


def _money(figures: Figures, tr: Translator) -> list[str]:
    """What the deals won were worth, per manager, in all and per channel; only once a
    deal has an amount."""
    if not figures.total.priced:
        return []
    lines = ["", tr("stats.money")]
    for member, count in figures.members:
        if count.won:
            lines.append(_money_row(clip(member.full_name, 24), count, tr))
    lines.append(_money_row(Html(f"<b>{tr('stats.total_name')}</b>"), figures.total, tr))
    lines.append(tr("stats.speed_channels"))
    for channel, count in figures.channels.items():
        if count.won:
            shown = clip(channel, 40) if channel else tr("stats.no_channel")
            lines.append(_money_row(shown, count, tr))
    return lines


def _money_row(name: Html | str, count: Count, tr: Translator) -> Html:
    return tr(
        "stats.money_row",
        name=name,
        won=count.won,
        priced=count.priced,
        amount=money_text(count.amount if count.priced else None, tr),
        average=money_text(count.average_deal, tr),
        conversion=conversion_text(count, tr),
    )


def _speed(figures: Figures, tr: Translator) -> list[str]:
    """How fast clients were reached: per manager, in all, and per channel."""
    if not figures.total.contacts and not figures.total.never_reached:
        return []
    lines = ["", tr("stats.speed")]
    for member, count in figures.members:
        if count.contacts or count.never_reached:
            lines.append(_speed_row(clip(member.full_name, 24), count, tr))
    if figures.waiting.contacts or figures.waiting.never_reached:
        lines.append(_speed_row(tr("stats.speed_waiting"), figures.waiting, tr))
    lines.append(_speed_row(Html(f"<b>{tr('stats.total_name')}</b>"), figures.total, tr))
    lines.append(tr("stats.speed_channels"))
    for channel, count in figures.channels.items():
        if count.contacts or count.never_reached:
            shown = clip(channel, 40) if channel else tr("stats.no_channel")
            lines.append(_speed_row(shown, count, tr))
    return lines


def _speed_row(name: Html | str, count: Count, tr: Translator) -> Html:
    five, hour, day = (share_text(count.reached_within(band), tr) for band in BANDS)
    return tr(
        "stats.speed_row",
        name=name,
        median=contact_text(count, tr),
        five=five,
        hour=hour,
        day=day,
        never=count.never_reached,
    )


def stats_chart(figures: Figures, tr: Translator) -> ChartData:
    """What the picture plots: the text's own figures, under the text's heading."""
    return chart_data(
        str(stats_heading(figures.period, tr)),
        figures.members,
        figures.waiting,
        figures.channels,
        figures.total,
        tr,
    )
