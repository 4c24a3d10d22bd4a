"""What a period's distribution looked like (`Figures`), and how it reads: the /stats text
and picture, and the Monday report, which is the same text and picture for last week.
Pure: figures and a translator in, Telegram HTML or chart data out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, tzinfo

from bot.durations import format_duration
from bot.i18n import Html, Translator
from bot.periods import Period
from bot.presentation.cards import clip
from bot.presentation.charts import ChartData, chart_data
from bot.routing import value_key
from storage import ChannelFigures, MemberFigures, MemberRecord
from storage.rules import AliasRecord


class ChannelNames:
    """Channels as the heads name them: "yandex" is "Яндекс Директ" once
    `/alias channel yandex "Яндекс Директ"` says so; /stats and /export name them alike."""

    def __init__(self, aliases: list[AliasRecord]) -> None:
        self._names = {value_key(a.alias): a.canonical for a in aliases}
        self._names |= {value_key(a.canonical): a.canonical for a in aliases}

    def __call__(self, channel: str | None) -> str | None:
        if channel is None or not channel.strip():
            return None
        return self._names.get(value_key(channel), channel.strip())


def fold_channels(
    raw: dict[str | None, ChannelFigures], names: ChannelNames
) -> dict[str | None, ChannelFigures]:
    """Figures by channel as the heads name them; spellings that differ only in case or
    spaces are one channel too, under the first spelling seen. Biggest first."""
    folded: dict[str | None, ChannelFigures] = {}
    first_spelling: dict[str, str] = {}
    for channel, figures in raw.items():
        name = names(channel)
        if name is not None:
            name = first_spelling.setdefault(value_key(name), name)
        folded.setdefault(name, ChannelFigures()).add(figures)
    return dict(sorted(folded.items(), key=lambda item: -item[1].leads))


@dataclass(frozen=True)
class Figures:
    """A team's period: per manager (the active ones, and whoever had a lead in it), and
    per channel as the heads name them; with the team, zone and names an export of the
    same period reads and writes with."""

    period: Period
    members: tuple[tuple[MemberRecord, MemberFigures], ...]
    channels: dict[str | None, ChannelFigures]
    team_id: int
    zone: tzinfo
    names: ChannelNames

    @property
    def total(self) -> ChannelFigures:
        """Every lead that arrived in the period, counted once."""
        out = ChannelFigures()
        for figures in self.channels.values():
            out.add(figures)
        return out


def stats_heading(period: Period, tr: Translator) -> Html:
    first, last = period.first_day.strftime("%d.%m.%Y"), period.last_day.strftime("%d.%m.%Y")
    return tr("stats_header." + period.span.value, first=first, last=last)


def stats_text(figures: Figures, tr: Translator) -> Html:
    lines: list[str] = [stats_heading(figures.period, tr)]
    for member, f in figures.members:
        median = (
            "—"
            if f.median_take is None
            else format_duration(timedelta(seconds=f.median_take), tr, "span")
        )
        lines.append(
            tr(
                "stats.line",
                name=clip(member.full_name, 24),
                received=f.received,
                taken=f.taken,
                won=f.won,
                lost=f.lost,
                open=f.open,
                median=median,
            )
        )
    if not figures.members:
        lines.append(tr("stats.nobody"))
    total = figures.total
    lines.append(tr("stats.total", leads=total.leads, won=total.won, lost=total.lost,
                    open=total.taken))  # fmt: skip
    if figures.channels:
        lines += ["", tr("stats.channels")]
        for channel, c in figures.channels.items():
            shown = clip(channel, 40) if channel else tr("stats.no_channel")
            lines.append(tr("stats.channel", channel=shown, leads=c.leads, won=c.won, lost=c.lost))
    return Html("\n".join(lines))


def stats_chart(figures: Figures, tr: Translator) -> ChartData:
    """What the picture plots: the text's own figures, under the text's heading."""
    return chart_data(str(stats_heading(figures.period, tr)), figures.members, figures.channels, tr)
