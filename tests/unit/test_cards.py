from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cards import claimed_card, format_duration, owner_card, team_card, visible_length
from bot.i18n import Translator
from storage import LeadFields, LeadRecord, LeadSource, LeadStatus
from tests.fakes.telegram_html import MAX_TEXT, parse_html

RU = Translator("ru")
EN = Translator("en")
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def lead(
    fields: LeadFields, *, claimed_after: float | None = None, contact: int | None = None
) -> LeadRecord:
    claimed = T0 + timedelta(seconds=claimed_after) if claimed_after is not None else None
    return LeadRecord(
        id=42,
        team_id=1,
        status=LeadStatus.CLAIMED if claimed else LeadStatus.NEW,
        source=LeadSource.HTTP,
        fields=fields,
        contact_user_id=contact,
        owner_id=3 if claimed else None,
        created_at=T0,
        claimed_at=claimed,
        card_chat_id=None,
        card_message_id=None,
    )


def visible(html: str) -> str:
    return parse_html(html)[0]


def test_markup_typed_by_a_client_is_shown_literally() -> None:
    card = team_card(lead(LeadFields(name="<b>x</b>", company="&amp; Co", message="a < b > c")), RU)
    text = visible(card)
    assert "Имя: <b>x</b>" in text
    assert "Компания: &amp; Co" in text
    assert "a < b > c" in text


def test_the_public_card_hides_every_way_to_reach_the_client() -> None:
    fields = LeadFields(
        name="Иван",
        phone="+7 912 345-67-89",
        email="i@r.ru",
        tax_id="7707083893",
        message="КП",
        extra={"whatsapp": "+7 900 000-00-00"},
    )
    text = visible(team_card(lead(fields), RU))
    for secret in ("912", "i@r.ru", "7707083893", "whatsapp", "900"):
        assert secret not in text


def test_the_owner_card_has_everything_with_a_dialable_phone() -> None:
    fields = LeadFields(
        name="Иван", phone="8 (912) 345-67-89", email="i@r.ru", extra={"Город": "Казань"}
    )
    text = visible(owner_card(lead(fields, claimed_after=5), RU("reason.claimed"), RU))
    assert "+79123456789 (8 (912) 345-67-89)" in text
    assert "i@r.ru" in text
    assert "Город: Казань" in text
    assert "Почему вам: вы первым взяли его в чате команды" in text


def test_a_forwarded_author_s_name_links_to_their_profile() -> None:
    html = owner_card(
        lead(LeadFields(name="Пётр"), claimed_after=1, contact=555), RU("reason.claimed"), RU
    )
    assert parse_html(html)[1] == ["tg://user?id=555"]


def test_the_claimed_card_says_who_and_how_long_it_waited() -> None:
    text = visible(claimed_card(lead(LeadFields(name="A"), claimed_after=42), "Ivan Petrov", EN))
    assert "Taken by Ivan Petrov in 42 s" in text


def test_durations_read_naturally() -> None:
    assert format_duration(timedelta(seconds=5), RU) == "5 с"
    assert format_duration(timedelta(seconds=125), RU) == "2 мин 5 с"
    assert format_duration(timedelta(hours=3, minutes=4), EN) == "3 h 4 min"
    assert format_duration(timedelta(days=2, hours=1), EN) == "2 d 1 h"


def test_over_long_fields_are_cut_with_an_ellipsis() -> None:
    text = visible(team_card(lead(LeadFields(name="Я" * 5000, message="м" * 9000)), RU))
    assert "Я" * 299 + "…" in text
    assert "м" * 1499 + "…" in text


def test_many_extras_end_with_a_count_of_those_left_out() -> None:
    extra = {f"field {i}": "x" * 300 for i in range(40)}
    text = visible(
        owner_card(
            lead(LeadFields(name="A", extra=extra), claimed_after=1), RU("reason.claimed"), RU
        )
    )
    assert "…и ещё полей:" in text
    assert visible_length(text) <= MAX_TEXT


hostile = st.text(alphabet=st.sampled_from("<>&\"'ab😀я \n/;#"), max_size=6000)
optional = st.none() | hostile


@settings(max_examples=150, deadline=None)
@given(
    st.builds(
        LeadFields,
        name=optional,
        phone=optional,
        email=optional,
        company=optional,
        tax_id=optional,
        message=optional,
        channel=optional,
        industry=optional,
        region=optional,
        product=optional,
        external_id=optional,
        extra=st.dictionaries(hostile, hostile, max_size=30),
    ),
    st.sampled_from([RU, EN]),
)
def test_every_card_is_valid_telegram_html_within_the_limit(
    fields: LeadFields, tr: Translator
) -> None:
    record = lead(fields, claimed_after=3, contact=9)
    for html in (
        team_card(record, tr),
        claimed_card(record, "Иван", tr),
        owner_card(record, tr("reason.claimed"), tr),
    ):
        text, _ = parse_html(html)  # raises on anything Telegram would refuse
        assert visible_length(text) <= MAX_TEXT
