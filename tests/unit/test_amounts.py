"""A deal's amount as managers type it."""

from __future__ import annotations

import pytest

from bot.leads.amounts import MAX_AMOUNT, parse_amount


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("150 000", 150_000),
        ("150000", 150_000),
        ("150к", 150_000),
        ("150 К", 150_000),
        ("150k", 150_000),
        ("3 тыс", 3_000),
        ("1,5 млн", 1_500_000),
        ("1.5m", 1_500_000),
        ("2 млрд", 2_000_000_000),
        ("99 999,90 ₽", 100_000),
        ("1 500 000 руб.", 1_500_000),
        ("10к руб", 10_000),
        ("150.000", 150_000),  # a dot between thousands, as people write
        ("150,000", 150_000),
        ("1,000,000", 1_000_000),
        ("12,5", 13),  # whole units
        ("150\u00a0000", 150_000),  # a no-break space, as a phone's keyboard may insert
    ],
)
def test_amounts_read_as_people_write_them(typed: str, amount: int) -> None:
    assert parse_amount(typed) == amount


@pytest.mark.parametrize(
    "typed", ["", "0", "-5", "много", "1.2.3", "150 кг", "12 апреля", str(MAX_AMOUNT + 1)]
)
def test_what_is_no_amount_is_refused(typed: str) -> None:
    assert parse_amount(typed) is None
