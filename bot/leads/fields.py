"""Form builders name fields as the site owner typed them; map those names to lead fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

from storage.leads import KNOWN_FIELDS, LeadFields

_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)

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
    "utm_source": "channel",
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


def normalise_key(key: str) -> str:
    return _SEPARATORS.sub("_", key.casefold()).strip("_")


def canonical_field(key: str) -> str | None:
    normal = normalise_key(key)
    if normal in KNOWN_FIELDS:
        return normal
    return ALIASES.get(normal)


def lead_from_pairs(pairs: Iterable[tuple[str, str]]) -> LeadFields:
    """Build lead fields from (key, value) pairs as a form sent them.

    A field named exactly (`phone`) beats its aliases (`tel`); a value that loses is kept
    among the extra fields under the name it came with, so nothing the client typed is lost.
    """
    items = [(key.strip(), value.strip()) for key, value in pairs]
    items = [(key, value) for key, value in items if key and value]
    known: dict[str, str] = {}
    leftovers: list[tuple[str, str]] = []
    exact_first = sorted(items, key=lambda item: normalise_key(item[0]) not in KNOWN_FIELDS)
    for key, value in exact_first:
        field = canonical_field(key)
        if field is not None and field not in known:
            known[field] = value
        else:
            leftovers.append((key, value))
    extra: dict[str, str] = {}
    for key, value in leftovers:
        name = key
        suffix = 2
        while name in extra:
            name = f"{key} ({suffix})"
            suffix += 1
        extra[name] = value
    return LeadFields(**known, extra=extra)
