"""How a report's figures read, in the text, the picture and the workbook alike."""

from __future__ import annotations

from datetime import timedelta

from bot.durations import format_duration
from bot.i18n import Translator
from bot.reports.figures import Count


def take_text(count: Count, tr: Translator) -> str:
    """The median working time to take: "45 мин", "1 ч 30 мин", "40 с"; "—" without a take."""
    return minutes_text(count.median_take, tr)


def contact_text(count: Count, tr: Translator) -> str:
    """The median working time to the first contact, as `take_text` reads."""
    return minutes_text(count.median_contact, tr)


def share_text(share: float | None, tr: Translator) -> str:
    """A share as a percentage, "60 %"; "—" when there is nothing to share."""
    return "—" if share is None else tr.percent(share)


def minutes_text(median: float | None, tr: Translator) -> str:
    """Working minutes as a span; past a minute, whole minutes: seconds beside minutes are
    noise in a median."""
    if median is None:
        return "—"
    seconds = median * 60 if median < 1 else round(median) * 60
    return str(format_duration(timedelta(seconds=seconds), tr, "span"))


def money_text(amount: float | None, tr: Translator) -> str:
    """A sum of deals, "1 500 000", whole units; "—" without one."""
    return "—" if amount is None else tr.grouped(round(amount))


def conversion_text(count: Count, tr: Translator) -> str:
    """won ÷ taken as a percentage, "33 %"; "—" while nothing was taken."""
    return "—" if count.conversion is None else tr.percent(count.conversion)
