"""The /stats picture: the numbers it plots are the report's, and it is a real PNG."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from matplotlib.image import imread

from bot.i18n import Translator
from bot.presentation.reports.charts import MAX_CHANNELS, WIDTH_PX, chart_data, render_png
from bot.reports.figures import Count
from storage import MemberRecord

RU = Translator("ru")
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def member(member_id: int, name: str) -> MemberRecord:
    return MemberRecord(member_id, 1, 100 + member_id, name, None, "ru", True, NOW, None)


MEMBERS = (
    (member(1, "Иван Петров"), Count(received=5, taken=4, in_work=1, won=2, lost=1, takes=[90])),
    (member(2, "Ольга Смирнова"), Count(received=3, taken=1, in_work=1, takes=[0.1])),
    (member(3, "Пётр"), Count()),  # nothing in the period: not plotted
)
WAITING = Count(received=2)
TOTAL = Count(received=10, taken=5, in_work=2, won=2, lost=1, takes=[90, 0.1])


def channel(received: int) -> Count:
    return Count(received=received)


def test_the_chart_plots_the_reports_figures() -> None:
    channels = {"Яндекс Директ": channel(6), None: channel(4)}
    data = chart_data("📊 <b>Распределение за 7 дней</b>", MEMBERS, WAITING, channels, TOTAL, RU)
    assert data.title == "Распределение за 7 дней"
    # Each manager with the median working time to take, in Russian numbers; then the
    # leads nobody has yet, so that the bars add up to the total.
    assert data.managers == (
        "Иван Петров · до взятия 1 ч 30 мин",
        "Ольга Смирнова · до взятия 6 с",
        "ждут распределения",
    )
    assert (data.won, data.lost) == ((2, 0, 0), (1, 0, 0))
    assert (data.in_work, data.not_taken) == ((1, 1, 0), (1, 2, 2))
    bars = zip(data.won, data.lost, data.in_work, data.not_taken, strict=True)
    assert sum(sum(bar) for bar in bars) == TOTAL.received
    assert data.caption == (
        "получено 10 · взято 5 · сделок 2 · конверсия 40\u00a0% · до взятия 45 мин "
        "(медиана, рабочее время)"
    )
    assert data.channels == ("Яндекс Директ", "канал не указан")
    assert data.channel_leads == (6, 4)


def test_channels_past_the_twelfth_are_summed_as_the_rest() -> None:
    channels: dict[str | None, Count] = {f"c{n}": channel(100 - n) for n in range(20)}
    data = chart_data("t", MEMBERS, WAITING, channels, TOTAL, RU)
    assert len(data.channels) == MAX_CHANNELS + 1 and data.channels[-1] == "остальные каналы"
    assert sum(data.channel_leads) == sum(c.received for c in channels.values())


def test_the_picture_is_a_png_wide_enough_to_read_with_russian_labels() -> None:
    """Warnings are errors here: a Cyrillic glyph missing from the font would fail it."""
    channels: dict[str | None, Count] = {"сайт": channel(3), "Авито": channel(1)}
    png = render_png(chart_data("Распределение за 30 дней", MEMBERS, WAITING, channels, TOTAL, RU))
    assert png.startswith(b"\x89PNG")
    height, width, _ = imread(io.BytesIO(png)).shape
    assert width == WIDTH_PX >= 800 and height > 300


def test_the_speed_panel_plots_each_managers_leads_by_band() -> None:
    fast = Count(received=4, taken=4, contacts=[1, 5, 30, 2000], never_reached=1)
    members = (*MEMBERS[:2], (member(4, "Мария"), fast))
    data = chart_data("t", members, WAITING, {}, TOTAL, RU)
    # The others had no client to reach; the median is Maria's time to the contact.
    assert data.speed_managers == ("Мария · до контакта 18 мин",)
    assert data.speed == ((2, 1, 0, 1, 1),)  # ≤5 min, ≤1 h, ≤24 h, later, never
    assert data.labels["never"] == "без контакта"
    png = render_png(data)
    assert png.startswith(b"\x89PNG")
    height, _width, _ = imread(io.BytesIO(png)).shape
    two_panels = imread(io.BytesIO(render_png(chart_data("t", MEMBERS, WAITING, {}, TOTAL, RU))))
    assert height > two_panels.shape[0]
