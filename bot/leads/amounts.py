"""A deal's amount as a manager types it: "150 000", "150к", "1,5 млн", "2.3m", "99 999,90
₽". Whole currency units: a deal's kopecks mean nothing in a sales report."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_AMOUNT = 10**12  # a trillion: past it, a typo
_MULTIPLIERS = {
    "": 1,
    "к": 1_000, "k": 1_000, "тыс": 1_000, "т": 1_000, "тысяч": 1_000, "тысячи": 1_000,
    "м": 1_000_000, "m": 1_000_000, "млн": 1_000_000, "mln": 1_000_000, "миллион": 1_000_000,
    "миллиона": 1_000_000, "миллионов": 1_000_000,
    "млрд": 1_000_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
}  # fmt: skip
_CURRENCY = re.compile(r"(₽|руб(?:л(?:ей|я|ь))?\.?|р\.|rub|rur)$")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_SHAPE = re.compile(r"(\d+(?:[.,]\d+)*)([a-zа-яё]*)\.?")


def parse_amount(text: str) -> int | None:
    """The amount, rounded to whole units; None when it is not an amount above zero."""
    plain = _SPACES.sub("", text.strip().casefold())
    plain = _CURRENCY.sub("", plain)
    found = _SHAPE.fullmatch(plain)
    if found is None:
        return None
    figure, unit = found.groups()
    multiplier = _MULTIPLIERS.get(unit)
    if multiplier is None:
        return None
    number = _number(figure, whole=multiplier == 1)
    if number is None:
        return None
    amount = int((number * multiplier).to_integral_value(rounding="ROUND_HALF_UP"))
    return amount if 0 < amount <= MAX_AMOUNT else None


def _number(figure: str, *, whole: bool) -> Decimal | None:
    """ "1,5" and "1.5" are one and a half; with no unit after it, "150.000" and "150,000"
    are thousands grouped (three digits after each mark), as people write amounts."""
    parts = re.split(r"[.,]", figure)
    if len(parts) > 1 and (whole or len(parts) > 2) and all(len(p) == 3 for p in parts[1:]):
        figure = "".join(parts)
    elif len(parts) > 2:
        return None  # "1.2.3": no number
    try:
        return Decimal(figure.replace(",", "."))
    except InvalidOperation:
        return None
