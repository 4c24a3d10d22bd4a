from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.leads.fields import canonical_field, clean, is_lead, lead_from_pairs, normalise_key
from storage import LeadFields


def test_names_match_case_insensitively_and_through_russian_aliases() -> None:
    lead = lead_from_pairs(
        [("Имя", "Иван"), ("Телефон", "+7 900"), ("E-mail", "a@b.ru"), ("Комментарий", "КП")]
    )
    assert (lead.name, lead.phone, lead.email, lead.message) == ("Иван", "+7 900", "a@b.ru", "КП")


def test_form_builder_spellings_are_understood() -> None:
    assert canonical_field("your-name") == "name"
    assert canonical_field("ФИО") == "name"
    assert canonical_field("tel") == "phone"
    assert canonical_field("Почта") == "email"
    assert canonical_field("utm_source") is None  # kept as it is; see settle_channel
    assert canonical_field("Source") == "channel"
    assert canonical_field("tranid") == "external_id"
    assert canonical_field("ИНН") == "tax_id"
    assert canonical_field("favourite colour") is None


def test_separators_do_not_matter() -> None:
    assert normalise_key(" Phone-Number ") == normalise_key("phone_number") == "phone_number"


def test_the_exact_name_beats_an_alias_and_the_loser_is_kept_as_an_extra() -> None:
    lead = lead_from_pairs([("utm_source", "yandex"), ("channel", "press")])
    assert lead.channel == "press"
    assert lead.extra == {"utm_source": "yandex"}


def test_unknown_fields_are_kept_as_extras_under_their_own_names() -> None:
    lead = lead_from_pairs([("name", "A"), ("Размер склада", "400 м²"), ("formid", "form1")])
    assert lead.extra == {"Размер склада": "400 м²", "formid": "form1"}


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("Ваш e-mail", "email"),
        ("Ваша почта", "email"),
        ("Email для связи", "email"),
        ("Ваш телефон", "phone"),
        ("Телефон для связи", "phone"),
        ("Contact phone", "phone"),
        ("Ваш вопрос", "message"),
        ("Ваше сообщение", "message"),
        ("Комментарий к заказу", "message"),
        ("Textarea", "message"),
        ("Your message", "message"),
        ("Ваше имя", "name"),
        ("Имя и фамилия", "name"),
        ("Your name", "name"),
        ("ФИО полностью", "name"),
        ("Город", "region"),
        ("Ваш город", "region"),
        ("City", "region"),
        ("Название компании", "company"),
        ("Ваша организация", "company"),
        ("Company", "company"),
        ("Ваш ИНН", "tax_id"),
    ],
)
def test_field_names_are_matched_by_what_they_contain(key: str, field: str) -> None:
    assert canonical_field(key) == field


@pytest.mark.parametrize("key", ["Telegram", "Ваш телеграм", "Отель", "username", "form_name"])
def test_names_that_only_look_alike_are_not_taken_for_fields(key: str) -> None:
    assert canonical_field(key) is None


def test_an_exact_alias_beats_a_name_that_only_contains_one() -> None:
    lead = lead_from_pairs([("Телефон для связи", "+7 900 111-22-33"), ("tel", "+7 900 999-88-77")])
    assert lead.phone == "+7 900 999-88-77"
    assert lead.extra == {"Телефон для связи": "+7 900 111-22-33"}


def test_a_value_that_is_an_email_or_a_phone_is_recognised_whatever_its_name() -> None:
    lead = lead_from_pairs(
        [("field_1", "ivan@romashka.ru"), ("field_2", "8 (912) 345-67-89"), ("q3", "да")]
    )
    assert (lead.email, lead.phone) == ("ivan@romashka.ru", "8 (912) 345-67-89")
    assert lead.extra == {"q3": "да"}


def test_a_technical_field_is_not_read_as_a_phone() -> None:
    lead = lead_from_pairs([("name", "A"), ("tranid", "1234567:8901234567")])
    assert lead.phone is None


def test_invisible_characters_are_stripped_and_an_emptied_field_is_absent() -> None:
    lead = lead_from_pairs(
        [("name", "\u200bИ\u200dван\u2060"), ("message", "\u200b\u200c\ufeff"), ("x\x00", "a\x07b")]
    )
    assert lead.name == "Иван"
    assert lead.message is None
    assert lead.extra == {"x": "ab"}


def test_clean_keeps_line_breaks_and_turns_tabs_into_spaces() -> None:
    assert clean(" a\r\nb\tc\u2028d\x1b ") == "a\nb c\nd"


@pytest.mark.parametrize(
    ("fields", "lead"),
    [
        (LeadFields(company="Ромашка"), True),
        (LeadFields(region="Казань"), True),
        (LeadFields(extra={"Сколько станков": "40"}), True),
        (LeadFields(channel="vk", external_id="77"), False),
        (LeadFields(extra={"utm_campaign": "x", "formid": "f1", "COOKIES": "a=b"}), False),
        (LeadFields(), False),
    ],
)
def test_a_lead_is_anything_a_person_typed(fields: LeadFields, lead: bool) -> None:
    assert is_lead(fields) is lead


def test_blank_values_are_dropped() -> None:
    lead = lead_from_pairs([("name", "  "), ("phone", "")])
    assert lead.name is None and lead.phone is None and lead.extra == {}


keys = st.sampled_from(["name", "Имя", "phone", "tel", "email", "Почта", "note", "Note", "x"])
values = st.text(min_size=1, max_size=10).filter(lambda v: v.strip() == v and v)


@given(st.lists(st.tuples(keys, values), max_size=12))
def test_nothing_the_client_typed_is_lost(pairs: list[tuple[str, str]]) -> None:
    lead = lead_from_pairs(pairs)
    kept = [v for v in (lead.name, lead.phone, lead.email) if v] + list(lead.extra.values())
    assert sorted(kept) == sorted(clean(value) for _, value in pairs if clean(value))


def test_the_channel_is_the_forms_then_the_links_then_the_ads() -> None:
    from bot.leads.fields import settle_channel

    utm = LeadFields(name="A", extra={"UTM_Source": "yandex"})
    assert settle_channel(utm, None).channel == "yandex"
    assert settle_channel(utm, "site").channel == "site"
    assert settle_channel(replace(utm, channel="press"), "site").channel == "press"
    assert settle_channel(utm, None).extra == {"UTM_Source": "yandex"}  # still shown
    assert settle_channel(LeadFields(name="A"), None).channel is None


@pytest.mark.parametrize(
    ("pairs", "name"),
    [
        (
            [("Фамилия", "Петров"), ("Имя", "Иван"), ("Отчество", "Сергеевич")],
            "Петров Иван Сергеевич",
        ),
        ([("first_name", "Анна"), ("last_name", "Смирнова")], "Анна Смирнова"),
        ([("NAME", "Вера"), ("LAST_NAME", "Ким")], "Вера Ким"),
        ([("input_1.3", "Дарья"), ("input_1.6", "Кузнецова")], "Дарья Кузнецова"),
        ([("1.6", "Кузнецова"), ("1.3", "Дарья")], "Кузнецова Дарья"),
    ],
)
def test_a_name_sent_in_parts_is_joined_in_the_order_the_form_asked(
    pairs: list[tuple[str, str]], name: str
) -> None:
    assert lead_from_pairs(pairs).name == name


def test_numbered_sub_inputs_of_an_address_are_no_name() -> None:
    fields = lead_from_pairs(
        [("input_4.1", "ул. Ленина, 5"), ("input_4.3", "Москва"), ("input_4.5", "101000"),
         ("input_4.6", "Россия"), ("input_2", "+7 912 345-67-89")]
    )  # fmt: skip
    assert fields.name is None and fields.extra["input_4.3"] == "Москва"


def test_numbered_inputs_are_read_by_their_values() -> None:
    fields = lead_from_pairs(
        [("form_text_1", "Олег Петров"), ("form_text_2", "+7 905 444-55-66"),
         ("form_email_3", "oleg@petrov.ru"), ("form_textarea_4", "Доставка в Казань"),
         ("form_text_5", "40 т")]
    )  # fmt: skip
    assert (fields.name, fields.phone, fields.email) == (
        "Олег Петров",
        "+7 905 444-55-66",
        "oleg@petrov.ru",
    )
    assert fields.message == "Доставка в Казань\n40 т" and fields.extra == {}
