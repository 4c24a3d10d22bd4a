from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.leads.fields import canonical_field, lead_from_pairs, normalise_key


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
    assert canonical_field("utm_source") == "channel"
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
    lead = lead_from_pairs([("name", "A"), ("Город", "Казань"), ("formid", "form1")])
    assert lead.extra == {"Город": "Казань", "formid": "form1"}


def test_blank_values_are_dropped() -> None:
    lead = lead_from_pairs([("name", "  "), ("phone", "")])
    assert lead.name is None and lead.phone is None and lead.extra == {}


keys = st.sampled_from(["name", "Имя", "phone", "tel", "email", "Почта", "note", "Note", "x"])
values = st.text(min_size=1, max_size=10).filter(lambda v: v.strip() == v and v)


@given(st.lists(st.tuples(keys, values), max_size=12))
def test_nothing_the_client_typed_is_lost(pairs: list[tuple[str, str]]) -> None:
    lead = lead_from_pairs(pairs)
    kept = [v for v in (lead.name, lead.phone, lead.email) if v] + list(lead.extra.values())
    assert sorted(kept) == sorted(value for _, value in pairs)
