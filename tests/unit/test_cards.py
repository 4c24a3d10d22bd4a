from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.durations import format_duration
from bot.i18n import Translator
from bot.presentation.cards import claimed_card, owner_card, owner_messages, team_card
from bot.presentation.reasons import why
from bot.presentation.text_size import visible_length
from storage import LeadFields, LeadRecord, LeadSource, LeadStatus, Pool
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
        status=LeadStatus.TAKEN if claimed else LeadStatus.NEW,
        pool=None if claimed else Pool.CHAT,
        source=LeadSource.HTTP,
        fields=fields,
        contact_user_id=contact,
        owner_id=3 if claimed else None,
        created_at=T0,
        assigned_at=claimed,
        taken_at=claimed,
        closed_at=None,
        lost_reason=None,
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
    assert "Почему вам: вы нажали «Взять лид» раньше всех в чате отдела" in text


def test_a_forwarded_author_s_name_links_to_their_profile() -> None:
    html = owner_card(
        lead(LeadFields(name="Пётр"), claimed_after=1, contact=555), RU("reason.claimed"), RU
    )
    assert parse_html(html)[1] == ["tg://user?id=555"]


def test_the_claimed_card_says_who_and_how_long_it_waited() -> None:
    text = visible(claimed_card(lead(LeadFields(name="A"), claimed_after=42), "Ivan Petrov", EN))
    assert "Taken by Ivan Petrov in 42 s" in text


def test_the_claimed_card_names_the_owner_in_the_nominative() -> None:
    text = visible(claimed_card(lead(LeadFields(name="A"), claimed_after=12), "Ольга Смирнова", RU))
    assert "✅ В работе у: Ольга Смирнова, взят через 12 с" in text


def test_durations_read_naturally() -> None:
    assert format_duration(timedelta(milliseconds=400), RU) == "сразу"
    assert format_duration(timedelta(seconds=5), RU) == "через 5 с"
    assert format_duration(timedelta(seconds=125), RU) == "через 2 мин 5 с"
    assert format_duration(timedelta(days=2, hours=1), RU) == "через 2 дн. 1 ч"
    assert format_duration(timedelta(hours=3, minutes=4), EN) == "in 3 h 4 min"
    assert format_duration(timedelta(days=2, hours=1), EN) == "in 2 d 1 h"
    # A unit that is zero is not said: "3 дн.", not "3 дн. 0 ч".
    assert format_duration(timedelta(days=3), RU, "span") == "3 дн."
    assert format_duration(timedelta(hours=1), RU, "span") == "1 ч"
    assert format_duration(timedelta(minutes=5), RU) == "через 5 мин"
    assert format_duration(timedelta(days=1, seconds=30), RU, "span") == "1 дн."


def test_over_long_fields_are_cut_with_an_ellipsis_and_a_note() -> None:
    text = visible(team_card(lead(LeadFields(name="Я" * 5000, message="м" * 9000)), RU))
    assert "Я" * 299 + "…" in text
    assert "м" * 1499 + "…" in text
    assert "Текст обрезан; полный текст получит тот, кто возьмёт лид." in text


def test_the_owner_gets_every_cut_text_in_full_in_follow_ups() -> None:
    message = "".join(f"строка {n}. " for n in range(1500))
    record = lead(LeadFields(name="A", message=message), claimed_after=1)
    card, *rest = owner_messages(record, RU("reason.claimed"), RU)
    assert "Текст обрезан; целиком — в следующих сообщениях." in visible(card)
    bodies = [visible(html).split("\n", 1) for html in rest]
    assert [head for head, _ in bodies] == [
        f"📄 Лид №42, Запрос целиком ({n} из {len(rest)}):" for n in range(1, len(rest) + 1)
    ]
    assert "".join(body for _, body in bodies) == message
    for html in rest:
        assert visible_length(visible(html)) <= MAX_TEXT


def test_an_owner_card_that_fits_has_no_follow_ups() -> None:
    record = lead(LeadFields(name="A", message="КП на 40 станков"), claimed_after=1)
    assert len(owner_messages(record, RU("reason.claimed"), RU)) == 1


def test_phones_and_emails_in_free_text_are_hidden_on_the_public_card_only() -> None:
    fields = LeadFields(
        name="Иван",
        message="Мой номер 8-985-000-11-22, пишите на ivan@romashka.ru или @ivan_petrov",
        company="ООО Ромашка (+7 495 123-45-67)",
    )
    public = visible(team_card(lead(fields), RU))
    assert "Запрос: Мой номер 📞 скрыт до взятия, пишите на ✉️ скрыт до взятия" in public
    assert "или 💬 скрыт до взятия" in public
    assert "Компания: ООО Ромашка (📞 скрыт до взятия)" in public
    for secret in ("985", "ivan@", "ivan_petrov", "495"):
        assert secret not in public
    private = visible(owner_card(lead(fields, claimed_after=1), RU("reason.claimed"), RU))
    assert "8-985-000-11-22" in private and "ivan@romashka.ru" in private


def test_a_phone_cut_in_half_by_the_length_limit_is_still_hidden() -> None:
    message = "x" * 1490 + " +7 912 345-67-89"
    public = visible(team_card(lead(LeadFields(message=message)), RU))
    assert "912" not in public and "+7" not in public


def test_extra_fields_show_on_the_public_card_unless_they_are_contacts() -> None:
    fields = LeadFields(
        name="Иван",
        extra={
            "Textarea": "Нужны 40 станков",
            "Город доставки": "Казань",
            "Сколько сотрудников?": "50–100",
            "Telegram": "ivan_petrov",
            "Телефон (2)": "+7 900 000-00-00",
            "Второй номер": "8 900 111 22 33",
            "utm_campaign": "winter",
            "COOKIES": "_ym_uid=1",
        },
    )
    text = visible(team_card(lead(fields), RU))
    assert "Textarea: Нужны 40 станков" in text
    assert "Город доставки: Казань" in text
    assert "Сколько сотрудников?: 50–100" in text
    assert "Рекламная кампания: winter" in text  # the ad a lead came from is no secret
    for hidden in ("ivan_petrov", "900", "_ym_uid"):
        assert hidden not in text
    assert text.index("Имя: Иван") < text.index("Textarea")


def test_a_phone_only_lead_says_it_is_a_call_back_request() -> None:
    text = visible(team_card(lead(LeadFields(phone="+7 912 345-67-89")), RU))
    assert text == (
        "🔥 Новый лид №42\n📞 Заказан обратный звонок: номер получит тот, кто возьмёт лид."
    )


def test_a_phone_only_lead_from_a_source_link_still_says_it_is_a_call_back_request() -> None:
    # A source link gives it a channel, and the widget its ad's tags: still only a phone.
    fields = LeadFields(phone="+7 912 345-67-89", channel="сайт", extra={"utm_source": "ya"})
    text = visible(team_card(lead(fields), RU))
    assert text.endswith("📞 Заказан обратный звонок: номер получит тот, кто возьмёт лид.")
    assert "Канал: сайт" in text and "912" not in text


def test_an_email_only_lead_says_only_contacts_were_left() -> None:
    text = visible(team_card(lead(LeadFields(email="a@b.ru")), EN))
    assert "The client left contacts only" in text and "a@b.ru" not in text


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
        *owner_messages(record, tr("reason.claimed"), tr),
    ):
        text, _ = parse_html(html)  # raises on anything Telegram would refuse
        assert visible_length(text) <= MAX_TEXT


phone_formats = st.builds(
    lambda a, b, c, d, style: style.format(a=a, b=b, c=c, d=d),
    st.integers(900, 999),
    st.integers(100, 999),
    st.integers(10, 99),
    st.integers(10, 99),
    st.sampled_from(
        [
            "+7 {a} {b}-{c}-{d}",
            "8 ({a}) {b}-{c}-{d}",
            "8{a}{b}{c}{d}",
            "+7({a}){b}{c}{d}",
            "7-{a}-{b}-{c}-{d}",
        ]
    ),
)
words = st.text(alphabet=st.sampled_from("абвгд ежз,.:!? abc\n"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(
    before=words,
    phone=phone_formats,
    after=words,
    where=st.sampled_from(["message", "name", "company", "region", "extra"]),
)
def test_no_phone_written_anywhere_in_free_text_reaches_the_public_card(
    before: str, phone: str, after: str, where: str
) -> None:
    text = f"{before}{phone}{after}"
    fields = (
        LeadFields(name="A", extra={"Детали заказа": text})
        if where == "extra"
        else LeadFields(**{where: text})  # type: ignore[arg-type]
    )
    public = visible(team_card(lead(fields), RU))
    digits = "".join(ch for ch in public if ch.isdigit())
    assert "".join(ch for ch in phone if ch.isdigit())[-7:] not in digits


def test_a_form_of_a_thousand_fields_makes_a_short_card_and_a_few_follow_ups() -> None:
    extra = {f"поле {i}": f"значение {i}" for i in range(1000)}
    record = lead(LeadFields(name="A", extra=extra), claimed_after=1)
    public = visible(team_card(record, RU))
    assert public.count("\n") < 50 and "…и ещё полей: 960" in public
    card, *rest = owner_messages(record, RU("reason.claimed"), RU)
    assert "…и ещё полей: 960" in visible(card)
    assert len(rest) <= 10  # the rest as one text, cut in pieces: not a message per field
    sent = "".join(visible(html).split("\n", 1)[1] for html in rest)
    assert "поле 999: значение 999" in sent and "поле 40: значение 40" in sent


def test_the_fields_routing_reads_have_russian_labels_and_the_channel_is_said_once() -> None:
    fields = LeadFields(
        name="Иван",
        channel="yandex",
        extra={
            "registered_region": "Москва",
            "brand": "Кофе Хауз",
            "federal": "да",
            "utm_source": "yandex",
            "utm_medium": "cpc",
        },
    )
    text = visible(team_card(lead(fields), RU))
    assert "Регион регистрации: Москва" in text
    assert "Бренд: Кофе Хауз" in text
    assert "Федеральная компания: да" in text
    assert "Тип рекламы: cpc" in text
    assert "registered_region" not in text and "brand" not in text and "utm_" not in text
    assert text.count("yandex") == 1  # "Канал: yandex", not the tag that repeats it
    other = visible(
        team_card(lead(LeadFields(name="И", channel="site", extra={"utm_source": "vk"})), RU)
    )
    assert "Источник рекламы: vk" in other


def test_a_rule_that_read_the_registered_region_says_so() -> None:
    details = {"reason": "rule", "rule": {"number": 1, "field": "region", "value": "Москва"}}
    assert why(details, RU) == "правило 1: регион = Москва"
    details["rule"] = {**details["rule"], "registered": True}  # type: ignore[dict-item]
    assert why(details, RU) == "правило 1: регион регистрации = Москва"


def test_a_forms_technical_keys_read_as_labels_or_stay_off_both_cards() -> None:
    extra = {
        "your-subject": "Расчёт склада",
        "formid": "form-77",
        "href": "https://romashka.ru/sklad",
        "created": "2026-12-01 12:00:00",
        "quiz_id": "4412",
        "quiz_name": "Подбор стеллажей",
        "ip": "198.51.100.7",
        "Сколько паллет": "120",
    }
    fields = LeadFields(name="Анна", phone="+7 912 345-67-89", extra=extra)
    record = lead(fields, claimed_after=1)
    for text in (
        visible(team_card(lead(fields), RU)),
        visible(owner_messages(record, RU("reason.claimed"), RU)[0]),
    ):
        assert "Тема: Расчёт склада" in text and "Квиз: Подбор стеллажей" in text
        assert "Сколько паллет: 120" in text
        for raw in ("your-subject", "formid", "form-77", "created", "quiz_id", "4412", "198.51"):
            assert raw not in text, raw
    owner = visible(owner_messages(record, RU("reason.claimed"), RU)[0])
    assert "Страница: https://romashka.ru/sklad" in owner
