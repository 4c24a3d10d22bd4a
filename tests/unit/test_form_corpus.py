"""How much of what people type the intake reads right, across real builders' payloads."""

from __future__ import annotations

from bot.intake.parse import parse_lead
from tests.fixtures.forms.corpus import CASES, Case

TARGET = 0.95


def misses(case: Case) -> tuple[int, list[str]]:
    """(how many readings were checked, which ones went wrong)."""
    parsed = parse_lead(case.content_type, None, case.body)
    fields = parsed.fields
    assert fields is not None
    checks: list[tuple[str, str | None, str]] = [
        (name, getattr(fields, name), want)
        for name, want in (("name", case.name), ("phone", case.phone), ("email", case.email))
        if want is not None
    ]
    for question, answer in case.answers.items():
        got = fields.message if question == "message" else fields.extra.get(question)
        checks.append((question, got, answer))
    wrong = [f"{case.builder}: {what} = {got!r}, not {want!r}" for what, got, want in checks
             if got != want]  # fmt: skip
    return len(checks), wrong


def test_names_phones_emails_and_answers_are_read_across_builders() -> None:
    total, wrong = 0, []
    for case in CASES:
        checked, missed = misses(case)
        total += checked
        wrong += missed
    share = 1 - len(wrong) / total
    assert share >= TARGET, f"{share:.0%} of {total} read right; missed:\n" + "\n".join(wrong)


def test_the_corpus_covers_many_builders() -> None:
    assert len({case.builder for case in CASES}) >= 20


def test_the_sites_or_forms_own_name_is_never_the_clients() -> None:
    import json

    for body in (
        {"site": {"name": "Окна Плюс"}, "phone": "+79161234567"},
        {"page": {"name": "Лендинг"}, "phone": "+79161234567"},
        {"name": "Contact form", "data": {"phone": "+79161234567"}},
        {"form_name": "Заявка", "phone": "+79161234567"},
    ):
        parsed = parse_lead("application/json", None, json.dumps(body).encode())
        assert parsed.fields is not None and parsed.fields.name is None, body


def test_a_clients_own_fields_beside_a_data_block_stay_theirs() -> None:
    import json

    body = {"phone": "+79161234567", "email": "a@b.ru", "data": {"page": "/promo"}}
    parsed = parse_lead("application/json", None, json.dumps(body).encode())
    assert parsed.fields is not None
    assert (parsed.fields.phone, parsed.fields.email) == ("+79161234567", "a@b.ru")
