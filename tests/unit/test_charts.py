"""The /stats picture: the numbers it plots are the report's, and it is a real PNG."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from matplotlib.image import imread

from bot.i18n import Translator
from bot.presentation.charts import MAX_CHANNELS, WIDTH_PX, chart_data, render_png
from storage import ChannelFigures, MemberFigures, MemberRecord

RU = Translator("ru")
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def member(member_id: int, name: str) -> MemberRecord:
    return MemberRecord(member_id, 1, 100 + member_id, name, None, "ru", True, NOW, None)


MEMBERS = (
    (member(1, "Иван Петров"), MemberFigures(received=5, taken=4, won=2, lost=1, median_take=90)),
    (member(2, "Ольга Смирнова"), MemberFigures(received=3, taken=1, won=0, lost=0)),
    (member(3, "Пётр"), MemberFigures()),  # nothing in the period: not plotted
)


def test_the_chart_plots_the_reports_figures() -> None:
    channels = {"Яндекс Директ": ChannelFigures(6), None: ChannelFigures(2)}
    data = chart_data("📊 <b>Распределение за 7 дней</b>", MEMBERS, channels, RU)
    assert data.title == "Распределение за 7 дней"
    assert data.managers == ("Иван Петров", "Ольга Смирнова")
    assert (data.won, data.lost, data.open) == ((2, 0), (1, 0), (2, 3))
    assert data.median_minutes == (1.5, None)
    assert data.channels == ("Яндекс Директ", "канал не указан")
    assert data.channel_leads == (6, 2)


def test_channels_past_the_twelfth_are_summed_as_the_rest() -> None:
    channels: dict[str | None, ChannelFigures] = {
        f"c{n}": ChannelFigures(100 - n) for n in range(20)
    }
    data = chart_data("t", MEMBERS, channels, RU)
    assert len(data.channels) == MAX_CHANNELS + 1 and data.channels[-1] == "остальные каналы"
    assert sum(data.channel_leads) == sum(f.leads for f in channels.values())


def test_the_picture_is_a_png_wide_enough_to_read_with_russian_labels() -> None:
    """Warnings are errors here: a Cyrillic glyph missing from the font would fail it."""
    channels: dict[str | None, ChannelFigures] = {
        "сайт": ChannelFigures(3),
        "Авито": ChannelFigures(1),
    }
    png = render_png(chart_data("Распределение за 30 дней", MEMBERS, channels, RU))
    assert png.startswith(b"\x89PNG")
    height, width, _ = imread(io.BytesIO(png)).shape
    assert width == WIDTH_PX >= 800 and height > 300
