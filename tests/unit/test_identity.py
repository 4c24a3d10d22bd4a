"""Who a lead's client is: the keys two leads of one client share, and how heads write rules."""

from __future__ import annotations

import pytest

from bot.leads.fields import lead_from_pairs
from bot.leads.identity import client_keys, email_key, lead_facts, name_key, phone_key
from bot.routing import KnownBy
from bot.syntax import parse_pairs, rule_field, split_rule, split_values
from storage import LeadFields


@pytest.mark.parametrize(
    "text",
    ["+7 900 123-45-67", "8 (900) 123 45 67", "79001234567", "9001234567", "+7-900-123-45-67"],
)
def test_one_phone_written_any_way_is_one_key(text: str) -> None:
    assert phone_key(text) == "79001234567"


def test_short_numbers_and_text_are_not_phones() -> None:
    assert phone_key("123-45-67") is None
    assert phone_key("позвоните вечером") is None
    assert phone_key("+44 20 7946 0958, +7 900 123-45-67") == "442079460958"
    assert phone_key("+81 3 1234 5678") == "81312345678"  # Japan, not a trunk 8


def test_e_mail_ignores_case_and_spaces_around() -> None:
    assert email_key(" Ivan@Example.COM ") == email_key("ivan@example.com") == "ivan@example.com"
    assert email_key("not an address") is None


@pytest.mark.parametrize(
    "text",
    ["ООО «Ромашка»", 'ао "Ромашка"', "Ромашка, ООО", "ромашка", "ПАО Ромашка", "РОМАШКА LLC"],
)
def test_a_company_ignores_case_quotes_and_legal_form(text: str) -> None:
    assert name_key(text) == "ромашка"


def test_a_legal_form_alone_is_no_company() -> None:
    assert name_key("ООО") is None
    assert name_key("ИП") is None


def test_keys_come_in_the_order_a_match_is_trusted() -> None:
    fields = LeadFields(
        phone="8 900 123 45 67",
        email="A@B.ru",
        tax_id="7707 083893",
        company="ООО Ромашка",
        extra={"Бренд": "Ромашка"},
    )
    assert client_keys(fields, 555) == [
        (KnownBy.BRAND, "ромашка"),
        (KnownBy.PHONE, "79001234567"),
        (KnownBy.EMAIL, "a@b.ru"),
        (KnownBy.TAX_ID, "7707083893"),
        (KnownBy.COMPANY, "ромашка"),
        (KnownBy.TELEGRAM, "555"),
    ]


def test_routing_facts_read_the_registered_region_federal_flag_and_extras() -> None:
    fields = lead_from_pairs(
        [
            ("region", "Казань"),
            ("Регион регистрации", "Москва"),
            ("federal", "да"),
            ("Тип клиента", "опт"),
        ]
    )
    facts = lead_facts(3, fields)
    assert (facts.region, facts.registered_region, facts.federal) == ("Казань", "Москва", True)
    assert ("тип_клиента", "опт") in facts.extra


def test_a_registered_region_alone_is_not_taken_for_the_operating_one() -> None:
    fields = lead_from_pairs([("registered_region", "Москва"), ("name", "Анна")])
    assert fields.region is None
    assert lead_facts(1, fields).registered_region == "Москва"


def test_pairs_take_values_with_spaces_up_to_the_next_name() -> None:
    assert parse_pairs("industry=medical region=Нижний Новгород phone=+7 900 1") == [
        ("industry", "medical"),
        ("region", "Нижний Новгород"),
        ("phone", "+7 900 1"),
    ]
    assert parse_pairs("no pairs here") == []


def test_a_rule_is_a_field_values_and_a_target() -> None:
    assert split_rule("industry=medical, pharma -> @olga") == (
        "industry",
        "medical, pharma",
        "@olga",
    )
    assert split_rule("channel=Яндекс Директ → group:ads") == (
        "channel",
        "Яндекс Директ",
        "group:ads",
    )
    assert split_rule("industry=medical") is None
    assert split_rule("-> @olga") is None
    assert split_values(' medical , "pharma" ,') == ("medical", "pharma")
    assert split_values(" , ") is None


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("industry", "industry"),
        ("Отрасль", "industry"),
        ("канал", "channel"),
        ("город", "region"),
        ("Регион", "region"),
        ("registered_region", "registered_region"),
        ("Тип клиента", "тип_клиента"),
        ("phone", None),
        ("email", None),
        ("name", None),
    ],
)
def test_rules_match_routing_fields_and_form_fields_never_contacts(
    name: str, field: str | None
) -> None:
    assert rule_field(name) == field
