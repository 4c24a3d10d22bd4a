from __future__ import annotations

import pytest

from bot.leads.contacts import (
    Marks,
    dialable,
    find_email,
    find_phone,
    is_contact,
    mask_contacts,
)
from bot.leads.names import looks_like_name
from bot.leads.text import lead_from_text

MARKS = Marks(phone="📞", email="✉️", handle="💬")


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


def test_the_readmes_own_example_fills_name_phone_and_request() -> None:
    lead = lead_from_text("Иван, +7 912 345-67-89, нужен расчёт")
    assert (lead.name, lead.phone, lead.message) == ("Иван", "+7 912 345-67-89", "нужен расчёт")


def test_the_first_part_names_the_client_and_a_legal_form_names_the_company() -> None:
    lead = lead_from_text("Иван Петров, ООО «Ромашка», ivan@romashka.ru, нужен расчёт, срочно")
    assert lead.name == "Иван Петров"
    assert lead.company == "ООО «Ромашка»"
    assert lead.email == "ivan@romashka.ru"
    assert lead.message == "нужен расчёт, срочно"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Иван, бюджет 1,5 млн", "бюджет 1,5 млн"),
        ("Иван, +7 912 345-67-89, бюджет 1,5 млн, срок 2,5 мес.", "бюджет 1,5 млн, срок 2,5 мес."),
        ("ООО Ромашка,нужно 3,5 т", "нужно 3,5 т"),
    ],
)
def test_a_comma_inside_the_request_stays_as_it_was_written(text: str, message: str) -> None:
    assert lead_from_text(text).message == message


@pytest.mark.parametrize(
    "text",
    [
        "Здравствуйте, нужен расчёт",
        "нужен расчёт на 40 станков",
        "Мой номер 8-985-000-11-22",
        "Добрый день, перезвоните",
        "ООО Ромашка, КП",
    ],
)
def test_a_first_part_that_is_no_name_stays_in_the_request(text: str) -> None:
    lead = lead_from_text(text)
    assert lead.name is None
    assert lead.message is not None


def test_a_forwarded_message_keeps_its_first_part_when_names_are_not_guessed() -> None:
    lead = lead_from_text("Хорошо, жду звонка", guess_name=False)
    assert lead.name is None and lead.message == "Хорошо, жду звонка"


def test_a_phone_inside_the_request_fills_the_phone_and_stays_for_the_owner() -> None:
    lead = lead_from_text("Мой номер 8-985-000-11-22, звоните после обеда")
    assert lead.phone == "8-985-000-11-22"
    assert lead.message is not None and "8-985-000-11-22" in lead.message


@pytest.mark.parametrize(
    ("part", "name"),
    [
        ("Иван", True),
        ("Анна-Мария Петрова", True),
        ("Петров И. И.", True),
        ("O'Brien", True),
        ("иван", False),
        ("Иван 2", False),
        ("Срочно", False),
        ("Один Два Три Четыре", False),
    ],
)
def test_what_looks_like_a_name(part: str, name: bool) -> None:
    assert looks_like_name(part) is name


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("звоните +7 (912) 345-67-89 после обеда", "звоните 📞 после обеда"),
        ("Мой номер 8-985-000-11-22", "Мой номер 📞"),
        ("пишите ivan@romashka.ru", "пишите ✉️"),
        ("телеграм @ivan_petrov или t.me/ivan_petrov", "телеграм 💬 или 💬"),
        ("wa.me/79123456789", "💬"),
        ("бюджет 1 500 000 руб., к 01.12.2026", "бюджет 1 500 000 руб., к 01.12.2026"),
        ("заказ на 15000 рублей к 2026 году", "заказ на 15000 рублей к 2026 году"),
    ],
)
def test_contacts_in_free_text_are_masked_and_nothing_else(text: str, masked: str) -> None:
    assert mask_contacts(text, MARKS) == masked


@pytest.mark.parametrize(
    ("value", "contact"),
    [
        ("+7 912 345-67-89", True),
        ("89123456789", True),
        ("a@b.ru", True),
        ("@ivan_petrov", True),
        ("Казань", False),
        ("40 станков", False),
        ("2026-12-01", False),
    ],
)
def test_whole_values_that_are_contacts(value: str, contact: bool) -> None:
    assert is_contact(value) is contact
