"""The /stats picture: per manager, leads received by how they ended and the median time to
take one; per manager, how soon their clients were reached (when any needed reaching); and
leads by channel. What is plotted is `ChartData`, built from the same figures
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
from bot.presentation.reports.words import contact_text, conversion_text, take_text
from bot.reports.figures import BANDS, Count
from storage import MemberRecord

if TYPE_CHECKING:
    # matplotlib (with numpy and PIL) is imported by a picture's first rendering, not at
    # start: it is a second or two of a bot's start on a loaded machine.
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_PX = 1200  # at least 800, as wide as Telegram shows a photo
DPI = 100
MAX_CHANNELS = 12  # the rest are summed as "other"
MIN_ROWS = 4  # a chart of one or two rows has bars as thick as one of four
_EMOJI = 0x1F000


@dataclass(frozen=True)
class ChartData:
    title: str
    caption: str  # the key numbers, in words: the picture reads without the text
    managers: tuple[str, ...]  # each with its median time to take, when there is one
    won: tuple[int, ...]
    lost: tuple[int, ...]
    in_work: tuple[int, ...]  # taken, no outcome yet
    not_taken: tuple[int, ...]  # offered, not accepted yet
    channels: tuple[str, ...]
    channel_leads: tuple[int, ...]
    labels: dict[str, str]  # the axis and legend texts, in the reader's language
    # Per manager whose clients needed reaching: how many within each band, then later,
    # then never (SPEED_KEYS order).
    speed_managers: tuple[str, ...] = ()
    speed: tuple[tuple[int, ...], ...] = ()


SPEED_KEYS = ("within_5m", "within_1h", "within_24h", "later", "never")


def speed_bands(count: Count) -> tuple[int, ...]:
    """The row's leads by how soon the client was reached: within 5 min, 5 min–1 h,
    1–24 h (working time), later, never."""
    counts = [0] * (len(BANDS) + 1)  # the last: later than the last band
    for minutes in count.contacts:
        counts[next((i for i, band in enumerate(BANDS) if minutes <= band), len(BANDS))] += 1
    return (*counts, count.never_reached)


def chart_data(
    title: str,
    members: tuple[tuple[MemberRecord, Count], ...],
    waiting: Count,
    channels: dict[str | None, Count],
    total: Count,
    tr: Translator,
) -> ChartData:
    """The report's own counts, as the picture plots them: per manager how their leads
    stand (a figure on each bar), then the leads nobody has yet, so the bars add up to the
    total; per channel how many came; the key numbers in the caption."""
    shown = [(_manager(m.full_name, c, tr), c) for m, c in members if c.received or c.takes]
    if waiting.received:
        shown.append((str(tr("chart.waiting")), waiting))
    ranked = sorted(channels.items(), key=lambda item: -item[1].received)
    top, rest = ranked[:MAX_CHANNELS], ranked[MAX_CHANNELS:]
    names = [name if name else str(tr("stats.no_channel")) for name, _ in top]
    counts = [count.received for _, count in top]
    if rest:
        names.append(str(tr("chart.other_channels")))
        counts.append(sum(count.received for _, count in rest))
    reached = [(m.full_name, c) for m, c in members if c.contacts or c.never_reached]
    caption = tr(
        "chart.caption",
        received=total.received,
        taken=total.taken,
        won=total.won,
        conversion=conversion_text(total, tr),
        take=take_text(total, tr),
    )
    if total.priced:
        caption = tr("chart.caption_money", caption=caption, amount=tr.grouped(total.amount))
    return ChartData(
        title=_plain(title),
        caption=_plain(caption),
        managers=tuple(name for name, _ in shown),
        won=tuple(c.won for _, c in shown),
        lost=tuple(c.lost for _, c in shown),
        in_work=tuple(c.in_work for _, c in shown),
        not_taken=tuple(c.not_taken for _, c in shown),
        channels=tuple(names),
        channel_leads=tuple(counts),
        labels={
            key: str(tr("chart." + key))
            for key in (
                "received",
                "won",
                "lost",
                "in_work",
                "not_taken",
                "channels",
                "speed",
                *SPEED_KEYS,
            )
        },
        speed_managers=tuple(_reached(name, count, tr) for name, count in reached),
        speed=tuple(speed_bands(count) for _, count in reached),
    )


def _manager(name: str, count: Count, tr: Translator) -> str:
    take = take_text(count, tr)
    return name if take == "—" else str(tr("chart.manager", name=name, take=take))


def _reached(name: str, count: Count, tr: Translator) -> str:
    contact = contact_text(count, tr)
    return name if contact == "—" else str(tr("chart.manager_contact", name=name, wait=contact))


def _plain(text: str) -> str:
    """A message heading as a picture's title: no HTML, and no emoji (DejaVu has none)."""
    return "".join(ch for ch in plain_text(text) if ord(ch) < _EMOJI).strip()


def render_png(data: ChartData) -> bytes:
    """The picture as PNG bytes, WIDTH_PX wide. A bare `Figure` (no pyplot): no global
    state shared between threads, and PNG goes through the Agg renderer, no display."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, only when drawing

    rows = max(len(data.managers), len(data.channels), 1)
    height = 3.0 + 0.45 * rows
    panels = 3 if data.speed else 2
    figure = Figure(figsize=(WIDTH_PX / DPI, height * panels), dpi=DPI, layout="constrained")
    figure.suptitle(f"{data.title}\n{data.caption}", fontsize=14)
    axes = figure.subplots(panels, 1)
    _outcomes(axes[0], data)
    if data.speed:
        _speed(axes[1], data)
    _channels(axes[-1], data)
    return _png(figure)


# From fast to never: greens, then amber, grey and red, apart for the colour-blind too.
_SPEED_COLOURS = (("#1b5e20", "white"), ("#66bb6a", "black"), ("#ffb300", "black"),
                  ("#90a4ae", "black"), ("#c62828", "white"))  # fmt: skip


def _speed(axes: Axes, data: ChartData) -> None:
    names = list(data.speed_managers)
    positions = list(range(len(names)))
    left = [0] * len(names)
    for band, (key, (colour, ink)) in enumerate(zip(SPEED_KEYS, _SPEED_COLOURS, strict=True)):
        values = [row[band] for row in data.speed]
        bars = axes.barh(positions, values, left=left, color=colour, label=data.labels[key])
        figures = [str(v) if v else "" for v in values]
        axes.bar_label(bars, labels=figures, label_type="center", color=ink, fontweight="bold")
        left = [a + b for a, b in zip(left, values, strict=True)]
    _rows(axes, names)
    _counts_axis(axes, data.labels["speed"])
    axes.legend(loc="lower right")


# Colours that read apart for the colour-blind too: deal, refusal, in work, not taken;
# each with the colour its figures read best in.
_SEGMENTS = (("won", "#2e7d32", "white"), ("lost", "#c62828", "white"),
             ("in_work", "#1e88e5", "white"), ("not_taken", "#b0bec5", "black"))  # fmt: skip


def _outcomes(axes: Axes, data: ChartData) -> None:
    names = list(data.managers) or ["—"]
    positions = list(range(len(names)))
    left = [0] * len(names)
    for key, colour, ink in _SEGMENTS:
        values = list(getattr(data, key)) or [0]
        bars = axes.barh(positions, values, left=left, color=colour, label=data.labels[key])
        # The figure on each piece of a bar; none on an empty piece.
        figures = [str(v) if v else "" for v in values]
        axes.bar_label(bars, labels=figures, label_type="center", color=ink, fontweight="bold")
        left = [a + b for a, b in zip(left, values, strict=True)]
    _rows(axes, names)
    _counts_axis(axes, data.labels["received"])
    axes.legend(loc="lower right")


def _channels(axes: Axes, data: ChartData) -> None:
    names = list(data.channels) or ["—"]
    positions = list(range(len(names)))
    values = list(data.channel_leads) or [0]
    bars = axes.barh(positions, values, color="#1565c0")
    axes.bar_label(bars, labels=[str(v) for v in values], padding=3)
    _rows(axes, names)
    _counts_axis(axes, data.labels["channels"])


def _rows(axes: Axes, names: list[str]) -> None:
    """Names down the side, the first on top; bars as thick with one row as with four."""
    axes.set_yticks(list(range(len(names))), names)
    axes.set_ylim(max(len(names), MIN_ROWS) - 0.5, -0.5)


def _counts_axis(axes: Axes, label: str) -> None:
    """Counts are whole: whole-number ticks, from zero, with room for a bar's figure."""
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - with matplotlib

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    _low, high = axes.get_xlim()
    axes.set_xlim(0, max(high * 1.05, 1))
    axes.set_xlabel(label)
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
    was = axes.barh(
        [p - 0.4 for p in places], actual, 0.8, color="#90a4ae", label=data.labels["actual"]
    )
    then = axes.barh(
        [p + 0.4 for p in places], would, 0.8, color="#1565c0", label=data.labels["would"]
    )
    for bars, values in ((was, actual), (then, would)):
        axes.bar_label(bars, labels=[str(v) for v in values], padding=3)
    axes.set_yticks(places, names)
    axes.invert_yaxis()
    _counts_axis(axes, data.labels["leads"])
    axes.legend(loc="lower right")
    return _png(figure)


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
