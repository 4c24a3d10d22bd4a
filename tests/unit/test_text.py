from __future__ import annotations

import pytest

from bot.leads.text import dialable, find_email, find_phone, lead_from_text


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("звоните +7 (912) 345-67-89 после обеда", "+7 (912) 345-67-89"),
        ("тел. 8 912 345 67 89", "8 912 345 67 89"),
        ("call +44 20 7946 0958", "+44 20 7946 0958"),
        ("заказ на 15000 рублей к 2026 году", None),
        ("ИНН 7707083893", "7707083893"),
    ],
)
def test_find_phone(text: str, phone: str | None) -> None:
    assert find_phone(text) == phone


def test_find_email() -> None:
    assert (
        find_email("пишите: Ivan.P+sales@romashka-group.ru, спасибо")
        == "Ivan.P+sales@romashka-group.ru"
    )
    assert find_email("no mail here @ all") is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("8 (912) 345-67-89", "+79123456789"),
        ("+7 912 345-67-89", "+79123456789"),
        ("9123456789", "+79123456789"),
        ("+44 20 7946 0958", "+442079460958"),
        ("12-34", None),
    ],
)
def test_dialable_gives_the_international_form(typed: str, number: str | None) -> None:
    assert dialable(typed) == number


def test_labelled_lines_fill_fields_and_the_rest_is_the_request() -> None:
    lead = lead_from_text(
        "Имя: Иван\nТелефон: 8 912 345-67-89\nхочу КП на 40 станков\nКомпания: Ромашка"
    )
    assert lead.name == "Иван"
    assert lead.phone == "8 912 345-67-89"
    assert lead.company == "Ромашка"
    assert lead.message == "хочу КП на 40 станков"


def test_contacts_in_free_text_fill_the_fields() -> None:
    lead = lead_from_text("Иван, ООО Ромашка, +7 912 345-67-89, ivan@romashka.ru, нужен расчёт")
    assert lead.phone == "+7 912 345-67-89"
    assert lead.email == "ivan@romashka.ru"
    assert lead.message is not None and "нужен расчёт" in lead.message


def test_a_colon_in_ordinary_text_is_not_a_label() -> None:
    lead = lead_from_text("Важно: перезвонить до 18:00")
    assert lead.message == "Важно: перезвонить до 18:00"
