"""Request bodies as real form builders send them, read into lead fields. Pure."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.intake.multipart import MultipartError, multipart_pairs
from bot.intake.parse import FORM, JSON, IntakeError, Refusal, parse_lead
from bot.intake.shapes import MAX_DEPTH, flatten
from storage import LeadFields


def form(body: str | bytes, charset: str | None = None) -> LeadFields:
    raw = body.encode() if isinstance(body, str) else body
    fields = parse_lead(FORM, charset, raw).fields
    assert fields is not None
    return fields


def from_json(data: object) -> LeadFields:
    fields = parse_lead(JSON, None, json.dumps(data, ensure_ascii=False).encode()).fields
    assert fields is not None
    return fields


def refusal(content_type: str, body: bytes, charset: str | None = None) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        parse_lead(content_type, charset, body)
    return caught.value


def test_names_found_by_what_they_contain_make_a_lead() -> None:
    lead = from_json({"Ваш e-mail": "ivan@romashka.ru", "Ваш вопрос": "Сколько стоит?"})
    assert (lead.email, lead.message) == ("ivan@romashka.ru", "Сколько стоит?")


def test_elementor_advanced_data_is_read_by_titles() -> None:
    body = urlencode(
        [
            ("fields[name][id]", "name"),
            ("fields[name][type]", "text"),
            ("fields[name][title]", "Имя"),
            ("fields[name][value]", "Мария"),
            ("fields[email][title]", "Почта"),
            ("fields[email][value]", "m@x.ru"),
            ("fields[field_3][title]", "Сколько сотрудников"),
            ("fields[field_3][value]", "40"),
            ("fields[field_3][raw_value]", "40"),
            ("form[id]", "a1b2"),
            ("form[name]", "Заявка с главной"),
            ("meta[page_url][title]", "Page URL"),
            ("meta[page_url][value]", "https://romashka.ru/"),
        ]
    )
    lead = form(body)
    assert (lead.name, lead.email) == ("Мария", "m@x.ru")
    assert lead.extra["Сколько сотрудников"] == "40"
    assert lead.extra["form_name"] == "Заявка с главной"
    assert lead.extra["meta_page_url_value"] == "https://romashka.ru/"


def test_a_windows_1251_form_without_a_charset_is_read() -> None:
    body = "name=Иван&message=Нужен расчёт".encode("windows-1251")
    lead = form(body)
    assert (lead.name, lead.message) == ("Иван", "Нужен расчёт")


def test_windows_1251_percent_encoding_without_a_charset_is_read() -> None:
    body = "name=" + quote("Иван", encoding="windows-1251")
    assert form(body).name == "Иван"


def test_a_declared_charset_is_used() -> None:
    body = "Имя=Олег".encode("koi8-r")
    assert form(body, charset="koi8-r").name == "Олег"


def test_a_json_body_in_windows_1251_is_read_too() -> None:
    body = '{"name": "Иван"}'.encode("windows-1251")
    fields = parse_lead(JSON, None, body).fields
    assert fields is not None and fields.name == "Иван"


@pytest.mark.parametrize("length", [5_001, 10_000, 30_000])
def test_a_long_message_is_kept_whole(length: int) -> None:
    text = "Длинное ТЗ. " * (length // 12 + 1)
    assert from_json({"name": "A", "message": text[:length]}).message == text[:length].strip()


def test_many_extra_fields_are_all_kept() -> None:
    answers = {f"Пункт {n}": f"ответ {n}" for n in range(80)}
    assert len(from_json({"name": "A", **answers}).extra) == 80


def test_nested_contacts_and_labelled_answers_are_flattened() -> None:
    lead = from_json(
        {
            "contacts": {"name": "Ольга", "phone": "+7 900 000-00-00"},
            "answers": [
                {"q": "Какой бюджет?", "a": "до 1 млн"},
                {"question": "Сроки", "answer": ["январь", "февраль"]},
            ],
        }
    )
    assert (lead.name, lead.phone) == ("Ольга", "+7 900 000-00-00")
    assert lead.extra == {"Какой бюджет?": "до 1 млн", "Сроки": "январь, февраль"}


def test_numbers_and_booleans_are_text() -> None:
    lead = from_json({"name": 12345, "qty": 40, "consent": True, "fax": None})
    assert lead.name == "12345"
    assert lead.extra == {"qty": "40", "consent": "yes"}


def test_tildas_webhook_check_is_no_lead_and_no_refusal() -> None:
    assert parse_lead(FORM, None, b"test=test").fields is None


@pytest.mark.parametrize(
    ("content_type", "body", "status", "reason", "words"),
    [
        (JSON, b"{}", 400, Refusal.EMPTY, "nothing to make a lead of"),
        (JSON, b'{"utm_source": "ya", "formid": "f1"}', 400, Refusal.EMPTY, "technical"),
        (FORM, b"", 400, Refusal.EMPTY, "fields received: none"),
        (FORM, b"name=&phone=%20", 400, Refusal.EMPTY, "nothing to make a lead of"),
        (JSON, b"", 400, Refusal.UNREADABLE, "not valid JSON"),
        (JSON, b'"just a string"', 400, Refusal.UNREADABLE, "expected a JSON object"),
        (JSON, b"[" * 10_000 + b"]" * 10_000, 400, Refusal.UNREADABLE, "not valid JSON"),
        (FORM, b"name=\x98", 400, Refusal.UNREADABLE, "not valid text"),
        ("text/xml", b"<a>A</a>", 415, Refusal.CONTENT_TYPE, "text/xml is not accepted"),
    ],
)
def test_what_cannot_be_a_lead_is_refused_with_its_reason(
    content_type: str, body: bytes, status: int, reason: Refusal, words: str
) -> None:
    error = refusal(content_type, body)
    assert (error.status, error.refusal) == (status, reason)
    assert words in error.message


def test_an_unknown_charset_is_refused() -> None:
    error = refusal(FORM, b"name=A", charset="koi8-zz")
    assert (error.status, error.refusal) == (415, Refusal.CHARSET)


def test_what_nests_deeper_than_any_form_is_kept_as_one_field() -> None:
    deep: object = ["x", {"y": "z"}]
    for _ in range(MAX_DEPTH + 2):
        deep = {"level": deep}
    parsed = parse_lead(JSON, None, json.dumps({"name": "A", "deep": deep}).encode())
    assert parsed.fields is not None and parsed.fields.name == "A"
    assert list(parsed.fields.extra.values()) == ["x, z"]


def test_flatten_keeps_the_order_the_client_answered_in() -> None:
    pairs = flatten({"b": "1", "a": {"c": "2", "d": ["3", "4"]}, "e": [{"x": "5"}]})
    assert pairs == [("b", "1"), ("c", "2"), ("d", "3, 4"), ("x", "5")]


@given(st.binary(max_size=400), st.text(max_size=30))
def test_no_multipart_body_raises_anything_but_a_clear_refusal(body: bytes, boundary: str) -> None:
    try:
        fields, files = multipart_pairs(body, boundary)
    except MultipartError:
        return
    assert all(isinstance(name, str) for name, _, _ in fields)
    assert all(isinstance(name, str) for name in files)


MULTIPART = "multipart/form-data"


def _parts(*parts: tuple[str, bytes]) -> bytes:
    """A multipart body of (headers, payload) parts, boundary XX."""
    body = b"".join(
        b"--XX\r\n" + head.encode() + b"\r\n\r\n" + data + b"\r\n" for head, data in parts
    )
    return body + b"--XX--\r\n"


def test_a_multipart_name_in_russian_beside_an_uploaded_file_is_the_clients_name() -> None:
    body = _parts(
        ('Content-Disposition: form-data; name="Имя"', "Анна".encode()),
        (
            'Content-Disposition: form-data; name="Файл"; filename="План склада.pdf"\r\n'
            "Content-Type: application/pdf",
            b"%PDF-1.4\r\n\x00\xff\xfe binary\r\n",
        ),
        ('Content-Disposition: form-data; name="Телефон"', b"+7 912 345-67-89"),
    )
    fields = parse_lead(MULTIPART, None, body, "XX").fields
    assert fields is not None
    assert (fields.name, fields.phone) == ("Анна", "+7 912 345-67-89")
    assert fields.extra == {"files": "План склада.pdf"}


def test_a_photo_sent_without_a_file_name_is_a_file_not_a_field_of_bytes() -> None:
    body = _parts(
        (
            'Content-Disposition: form-data; name="photo"\r\nContent-Type: image/jpeg',
            b"\xff\xd8\xff",
        ),
        ('Content-Disposition: form-data; name="name"', "Анна".encode()),
    )
    fields = parse_lead(MULTIPART, None, body, "XX").fields
    assert fields is not None and fields.name == "Анна" and fields.extra == {"files": "photo"}


def test_a_multipart_field_name_from_a_windows_1251_site_is_read() -> None:
    body = _parts(('Content-Disposition: form-data; name="Имя"', "Анна".encode("cp1251")))
    fields = parse_lead(
        MULTIPART, "windows-1251", body.replace("Имя".encode(), "Имя".encode("cp1251")), "XX"
    ).fields
    assert fields is not None and fields.name == "Анна"
