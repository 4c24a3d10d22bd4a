"""The /stats picture: per manager, leads received by how they ended and the median time to
take one; and leads by channel. What is plotted is `ChartData`, built from the same figures
as the text, so a test checks the numbers and not the pixels.

Rendered server-side by matplotlib's Agg renderer (no display), in DejaVu Sans, which ships
with matplotlib and has Cyrillic. Rendering takes a few hundred milliseconds: call
`render_png` in a thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.i18n import Translator, plain_text
from storage import ChannelFigures, MemberFigures, MemberRecord

if TYPE_CHECKING:
    # matplotlib (with numpy and PIL) is imported by a picture's first rendering, not at
    # start: it is a second or two of a bot's start on a loaded machine.
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_PX = 1200  # at least 800, as wide as Telegram shows a photo
DPI = 100
MAX_CHANNELS = 12  # the rest are summed as "other"
_EMOJI = 0x1F000


@dataclass(frozen=True)
class ChartData:
    title: str
    managers: tuple[str, ...]
    won: tuple[int, ...]
    lost: tuple[int, ...]
    open: tuple[int, ...]  # received and neither won nor lost: in work, offered, or passed on
    median_minutes: tuple[float | None, ...]
    channels: tuple[str, ...]
    channel_leads: tuple[int, ...]
    labels: dict[str, str]  # the axis and legend texts, in the reader's language


def chart_data(
    title: str,
    members: tuple[tuple[MemberRecord, MemberFigures], ...],
    channels: dict[str | None, ChannelFigures],
    tr: Translator,
) -> ChartData:
    shown = [(m, f) for m, f in members if f.received or f.won or f.lost]
    ranked = sorted(channels.items(), key=lambda item: -item[1].leads)
    top, rest = ranked[:MAX_CHANNELS], ranked[MAX_CHANNELS:]
    names = [name if name else str(tr("stats.no_channel")) for name, _ in top]
    counts = [figures.leads for _, figures in top]
    if rest:
        names.append(str(tr("chart.other_channels")))
        counts.append(sum(figures.leads for _, figures in rest))
    return ChartData(
        title=_plain(title),
        managers=tuple(m.full_name for m, _ in shown),
        won=tuple(f.won for _, f in shown),
        lost=tuple(f.lost for _, f in shown),
        open=tuple(max(f.received - f.won - f.lost, 0) for _, f in shown),
        median_minutes=tuple(
            None if f.median_take is None else round(f.median_take / 60, 1) for _, f in shown
        ),
        channels=tuple(names),
        channel_leads=tuple(counts),
        labels={
            key: str(tr("chart." + key))
            for key in ("received", "won", "lost", "open", "median", "minutes", "channels")
        },
    )


def _plain(text: str) -> str:
    """A message heading as a picture's title: no HTML, and no emoji (DejaVu has none)."""
    return "".join(ch for ch in plain_text(text) if ord(ch) < _EMOJI).strip()


def render_png(data: ChartData) -> bytes:
    """The picture as PNG bytes, WIDTH_PX wide. A bare `Figure` (no pyplot): no global
    state shared between threads, and PNG goes through the Agg renderer, no display."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when drawing

    rows = max(len(data.managers), len(data.channels), 1)
    height = 3.0 + 0.45 * rows
    figure = Figure(figsize=(WIDTH_PX / DPI, height * 2), dpi=DPI, layout="constrained")
    figure.suptitle(data.title, fontsize=14)
    top, bottom = figure.subplots(2, 1)
    _outcomes(top, data)
    _channels(bottom, data)
    return _png(figure)


def _outcomes(axes: Axes, data: ChartData) -> None:
    names = list(data.managers) or ["—"]
    positions = list(range(len(names)))
    won, lost, rest = list(data.won) or [0], list(data.lost) or [0], list(data.open) or [0]
    axes.barh(positions, won, color="#2e7d32", label=data.labels["won"])
    axes.barh(positions, lost, left=won, color="#c62828", label=data.labels["lost"])
    after = [w + lo for w, lo in zip(won, lost, strict=True)]
    axes.barh(positions, rest, left=after, color="#90a4ae", label=data.labels["open"])
    labels = [
        name
        if median is None
        else f"{name} · {data.labels['median']} {median:g} {data.labels['minutes']}"
        for name, median in zip(names, list(data.median_minutes) or [None], strict=True)
    ]
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlabel(data.labels["received"])
    axes.legend(loc="lower right")
    axes.grid(axis="x", alpha=0.3)


def _channels(axes: Axes, data: ChartData) -> None:
    names = list(data.channels) or ["—"]
    positions = list(range(len(names)))
    axes.barh(positions, list(data.channel_leads) or [0], color="#1565c0")
    axes.set_yticks(positions, names)
    axes.invert_yaxis()
    axes.set_xlabel(data.labels["channels"])
    axes.grid(axis="x", alpha=0.3)


@dataclass(frozen=True)
class ReplayChartData:
    """/replay's picture: per manager, what they had and what they would have had."""

    title: str
    managers: tuple[str, ...]
    actual: tuple[int, ...]
    would: tuple[int, ...]
    labels: dict[str, str]


def replay_chart_data(
    title: str, rows: list[tuple[str, int, int]], tr: Translator
) -> ReplayChartData:
    return ReplayChartData(
        title=_plain(title),
        managers=tuple(name for name, _, _ in rows),
        actual=tuple(actual for _, actual, _ in rows),
        would=tuple(would for _, _, would in rows),
        labels={key: str(tr("chart." + key)) for key in ("actual", "would", "leads")},
    )


def render_replay_png(data: ReplayChartData) -> bytes:
    """Two bars per manager, WIDTH_PX wide; see `render_png` for why a bare Figure."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when drawing

    height = 2.0 + 0.6 * max(len(data.managers), 1)
    figure = Figure(figsize=(WIDTH_PX / DPI, height), dpi=DPI, layout="constrained")
    figure.suptitle(data.title, fontsize=14)
    axes = figure.subplots()
    names = list(data.managers) or ["—"]
    places = [2 * n for n in range(len(names))]
    actual, would = list(data.actual) or [0], list(data.would) or [0]
    axes.barh([p - 0.4 for p in places], actual, 0.8, color="#90a4ae", label=data.labels["actual"])
    axes.barh([p + 0.4 for p in places], would, 0.8, color="#1565c0", label=data.labels["would"])
    axes.set_yticks(places, names)
    axes.invert_yaxis()
    axes.set_xlabel(data.labels["leads"])
    axes.legend(loc="lower right")
    axes.grid(axis="x", alpha=0.3)
    return _png(figure)


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
