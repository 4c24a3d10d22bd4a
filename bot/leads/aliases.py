"""What form builders call each field: aliases, the words a field's name contains, the
keys that are technical, hidden or a way to reach the client. Data only: the matching that
uses it is in `bot/leads/fields.py`."""

from __future__ import annotations

import re

# Keys are normalised (see `normalise_key`). Canonical names map to themselves implicitly.
ALIASES: dict[str, str] = {
    # name
    "fio": "name",
    "фио": "name",
    "имя": "name",
    "full_name": "name",
    "fullname": "name",
    "your_name": "name",
    "contact_name": "name",
    "client_name": "name",
    "first_name": "name",
    "ваше_имя": "name",
    "имя_фамилия": "name",
    "контактное_лицо": "name",
    # phone
    "tel": "phone",
    "telephone": "phone",
    "phone_number": "phone",
    "phonenumber": "phone",
    "mobile": "phone",
    "your_phone": "phone",
    "телефон": "phone",
    "тел": "phone",
    "номер_телефона": "phone",
    "ваш_телефон": "phone",
    "мобильный": "phone",
    # email
    "e_mail": "email",
    "mail": "email",
    "your_email": "email",
    "почта": "email",
    "эл_почта": "email",
    "электронная_почта": "email",
    "емейл": "email",
    "имейл": "email",
    # company
    "organization": "company",
    "organisation": "company",
    "company_name": "company",
    "компания": "company",
    "организация": "company",
    "название_компании": "company",
    # tax id
    "inn": "tax_id",
    "инн": "tax_id",
    "vat": "tax_id",
    "vat_id": "tax_id",
    # message
    "comment": "message",
    "comments": "message",
    "text": "message",
    "question": "message",
    "your_message": "message",
    "комментарий": "message",
    "сообщение": "message",
    "вопрос": "message",
    "текст": "message",
    "запрос": "message",
    # channel
    "source": "channel",
    "канал": "channel",
    "источник": "channel",
    # industry
    "отрасль": "industry",
    "сфера": "industry",
    "sector": "industry",
    # region
    "регион": "region",
    "область": "region",
    # product
    "продукт": "product",
    "товар": "product",
    "услуга": "product",
    # external id (Tilda calls it tranid)
    "lead_id": "external_id",
    "tranid": "external_id",
    "request_id": "external_id",
}


# What a field's name contains, checked in this order: "Название компании" is a company,
# not a name. Stems match at the start of a word of the normalised name.
CONTAINS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(r"(?:^|_)(?:" + stems + ")"))
    for field, stems in (
        ("email", r"e_?mail|почт|емейл|имейл|мейл"),
        ("phone", r"phone|tel(?!egram)|телефон|тел(?!еграм)|мобильн|mobile"),
        ("company", r"компан|организац|company|organi[sz]ation|фирм"),
        ("tax_id", r"инн(?:_|$)|inn(?:_|$)"),
        (
            "message",
            r"вопрос|сообщен|комментар|message|comment|textarea|question|пожелан|обсуд|опиш",
        ),
        ("region", r"город|city|регион|region|област"),
        ("name", r"имя(?:_|$)|фио|name(?:_|$)|фамили|зовут|представ|обращат"),
    )
)

# Keys a form builder or a tracker adds on its own: kept, never enough to make a lead,
# never on the public card.
TECHNICAL_KEYS = frozenset(
    {
        "formid", "form_id", "formname", "form_name", "tranid", "cookies", "token",
        "referer", "referrer", "page", "page_url", "pageurl", "url", "ip", "remote_ip",
        "user_agent", "useragent", "roistat", "roistat_visit", "gclid", "yclid", "fbclid",
        "ymclid", "_ym_uid", "ym_uid", "timestamp", "submitted_at", "csrf", "csrf_token",
        "g_recaptcha_response", "recaptcha", "captcha", "wpnonce", "test", "credit", "ad_id",
        "href", "created", "created_at", "request_id", "lead_id",
    }
)  # fmt: skip
# Technical fields a manager still reads with profit, under a label of their own: which
# page, form or quiz the lead came from, and the subject a form asked for. The rest of the
# technical fields (ids, addresses, click ids, timestamps) are on no card: the export has
# them.
SHOWN_TECHNICAL = {
    **dict.fromkeys(("your_subject", "subject", "тема", "тема_обращения"), "field.subject"),
    **dict.fromkeys(
        ("href", "page", "page_url", "pageurl", "url", "referer", "referrer", "страница"),
        "field.page",
    ),
    **dict.fromkeys(("form_name", "formname", "название_формы"), "field.form"),
    **dict.fromkeys(("quiz_name", "название_квиза"), "field.quiz"),
}
TECHNICAL_PREFIXES = (
    "utm_", "meta_", "form_", "quiz_", "site_", "page_", "website_", "landing_", "wpcf7", "_"
)  # fmt: skip
# Secrets and tracking blobs: kept in the database, shown on no card.
HIDDEN_KEYS = frozenset(
    {"cookies", "token", "csrf", "csrf_token", "g_recaptcha_response", "wpnonce"}
)

# Extra fields that hold a way to reach the client, whatever their value looks like.
CONTACT_KEY = re.compile(
    r"(?:^|_)(?:telegram|телеграм|tg|whats_?app|ватсап|вотсап|viber|вайбер|skype|скайп|vk|"
    r"вконтакте|instagram|инстаграм|контакт|связ|contact|messenger|мессенджер)"
)
CONTACT_FIELDS = frozenset({"phone", "email", "tax_id"})


# Extra fields routing reads (see `bot/leads/identity.py`). A registered region must not
# pass for the region where the client works, which its name contains.
BRAND_KEYS = frozenset({"brand", "бренд", "торговая_марка", "марка", "франшиза", "franchise"})
REGISTERED_REGION_KEYS = frozenset(
    {
        "registered_region",
        "registration_region",
        "legal_region",
        "регион_регистрации",
        "юридический_регион",
        "юр_регион",
        "регион_юрлица",
    }
)
FEDERAL_KEYS = frozenset({"federal", "is_federal", "федеральный", "федеральная_компания"})
