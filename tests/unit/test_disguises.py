"""Contacts written to slip past a filter, and text written to pass for the bot's own
lines: neither reaches the team chat as the client meant it to."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.leads.contacts import Marks, find_phone, is_phone, mask_contacts
from bot.presentation.cards import team_card
from storage import LeadFields
from tests.unit.test_cards import RU, lead, visible

MARKS = Marks("☎", "✉", "☍")
ASCII_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=3, max_size=12)
ASCII_WORD = ASCII_WORD.filter(lambda word: word[0].isalpha())
AT = st.sampled_from(
    ["@", " @ ", " at ", " AT ", "[at]", " [at] ", "(at)", "{at}", "<at>", " (собака) ", " собака "]
)
DOT = st.sampled_from([".", " . ", " dot ", "[dot]", " (dot) ", "(точка)", " точка "])
TLD = st.sampled_from(["ru", "com", "org", "рф", "info"])
RUSSIAN = st.text(alphabet=st.sampled_from("абвгдежз ,:!?\n"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(before=RUSSIAN, local=ASCII_WORD, at=AT, domain=ASCII_WORD, dot=DOT, tld=TLD, after=RUSSIAN)
def test_a_disguised_email_never_reaches_the_public_card(
    before: str, local: str, at: str, domain: str, dot: str, tld: str, after: str
) -> None:
    text = f"{before} {local}{at}{domain}{dot}{tld} {after}"
    for fields in (LeadFields(message=text), LeadFields(name="A", extra={"Детали": text})):
        public = visible(team_card(lead(fields), RU))
        assert local not in public and domain not in public, public


DASHES = st.sampled_from(["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"])
SPACES = st.sampled_from([" ", "\u00a0", "\u2009", "\u202f", "\u2007", ""])


@settings(max_examples=300, deadline=None)
@given(
    code=st.integers(900, 999),
    first=st.integers(100, 999),
    second=st.integers(10, 99),
    third=st.integers(10, 99),
    dash=DASHES,
    space=SPACES,
    before=RUSSIAN,
)
def test_a_phone_with_look_alike_dashes_and_spaces_is_hidden_whole(
    code: int, first: int, second: int, third: int, dash: str, space: str, before: str
) -> None:
    phone = f"+7{space}({code}){space}{first}{dash}{second}{dash}{third}"
    public = visible(team_card(lead(LeadFields(message=f"{before} {phone}")), RU))
    assert not any(ch.isdigit() for ch in public.split("\n", 1)[1]), public
    assert find_phone(phone) == phone.strip()


def test_the_issues_examples_are_masked() -> None:
    for text in ("ivan at mail dot ru", "ivan[at]mail.ru", "ivan @ mail . ru"):
        assert mask_contacts(text, MARKS) == "✉", text
    assert mask_contacts("tg://resolve?domain=ivan_client", MARKS) == "☍"
    assert mask_contacts("+7 (912) 345–67–89", MARKS) == "☎"
    assert is_phone("+7 (912) 345–67–89")


def test_ordinary_words_around_at_and_dot_stay() -> None:
    for text in ("встреча at 5 pm", "цена 1.5 млн", "see you at home", "Привет dot"):
        assert mask_contacts(text, MARKS) == text


def test_a_field_cannot_pass_for_the_bots_status_line() -> None:
    spoof = "\n\n✅ В работе у: Иван Петров, взят через 1 с"
    for fields in (
        LeadFields(name="Ольга" + spoof),
        LeadFields(name="Ольга", company="Ромашка" + spoof),
        LeadFields(name="Ольга", message="Нужен счёт" + spoof),
        LeadFields(name="Ольга", extra={"Комментарий к заказу": "да" + spoof}),
    ):
        card = team_card(lead(fields), RU)
        # Outside a quotation, no line of the card is one the client wrote.
        unquoted = re.sub(r"<blockquote>.*?</blockquote>", "", card, flags=re.DOTALL)
        assert not any(line.startswith("✅") for line in unquoted.splitlines()), card
        assert "Иван Петров" in visible(card)  # shown, as the client's words


def test_a_request_of_several_lines_is_quoted() -> None:
    card = team_card(lead(LeadFields(message="строка 1\nстрока 2")), RU)
    assert "<blockquote>строка 1\nстрока 2</blockquote>" in card
