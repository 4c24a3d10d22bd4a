"""Who a lead's client is, as keys that two leads of one client share.

A phone is its digits, with a Russian `8` (or no prefix at all) read as `+7`; an e-mail is
case-insensitive; a tax id is its digits; a company or a brand ignores case, quotes,
punctuation and legal forms (ООО, ИП, АО, LLC...). Extra fields a form names `brand`,
`registered_region` or `federal` are found here too, whatever the form's spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.leads.aliases import BRAND_KEYS, FEDERAL_KEYS, REGISTERED_REGION_KEYS
from bot.leads.contacts import dialable
from bot.leads.fields import extra_value, normalise_key
from bot.routing import KnownBy, LeadFacts
from storage import LeadFields

_YES = frozenset({"yes", "y", "да", "true", "1", "on", "✓", "+"})

_LEGAL_FORMS = re.compile(
    r"\b(?:общество с ограниченной ответственностью|публичное акционерное общество|"
    r"закрытое акционерное общество|открытое акционерное общество|акционерное общество|"
    r"индивидуальный предприниматель|ооо|оао|зао|пао|нао|ао|ип|нко|ано|тоо|гуп|муп|фгуп|"
    r"llc|ltd|inc|gmbh|corp|co|plc|limited|incorporated)\b\.?"
)
_NOT_WORD = re.compile(r"[\W_]+")
_PARTS = re.compile(r"[,;]")
_MIN_KEY_DIGITS = 10


def lead_facts(lead_id: int, fields: LeadFields) -> LeadFacts:
    """The lead as routing sees it: what rules match on, never the contacts."""
    federal = extra_value(fields.extra, FEDERAL_KEYS)
    return LeadFacts(
        lead_id,
        fields.channel,
        fields.industry,
        fields.region,
        fields.product,
        fields.message,
        registered_region=extra_value(fields.extra, REGISTERED_REGION_KEYS),
        federal=federal is not None and federal.strip().casefold() in _YES,
        extra=tuple((normalise_key(k), v) for k, v in fields.extra.items()),
    )


def phone_key(text: str) -> str | None:
    """The digits of the first number in the field in international form, as the owner's
    card dials it; a short local number identifies nobody."""
    for part in _PARTS.split(text):
        number = dialable(part)
        if number is not None and len(number) - 1 >= _MIN_KEY_DIGITS:
            return number[1:]
    return None


def email_key(text: str) -> str | None:
    text = text.strip().casefold()
    return text if "@" in text and " " not in text else None


def tax_id_key(text: str) -> str | None:
    digits = "".join(ch for ch in text if ch.isdecimal() and ch.isascii())
    return digits if 8 <= len(digits) <= 15 else None


def name_key(text: str) -> str | None:
    """A company's or a brand's name without case, quotes, punctuation and legal form."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    bare = _NOT_WORD.sub(" ", _LEGAL_FORMS.sub(" ", _NOT_WORD.sub(" ", folded)))
    key = "".join(bare.split())
    return key if len(key) >= 2 else None


def client_keys(fields: LeadFields, contact_user_id: int | None) -> list[tuple[KnownBy, str]]:
    """Every key of the lead's client, in the order a match on them is trusted."""
    found: list[tuple[KnownBy, str | None]] = [
        (KnownBy.BRAND, _maybe(name_key, extra_value(fields.extra, BRAND_KEYS))),
        (KnownBy.PHONE, _maybe(phone_key, fields.phone)),
        (KnownBy.EMAIL, _maybe(email_key, fields.email)),
        (KnownBy.TAX_ID, _maybe(tax_id_key, fields.tax_id)),
        (KnownBy.COMPANY, _maybe(name_key, fields.company)),
        (KnownBy.TELEGRAM, str(contact_user_id) if contact_user_id else None),
    ]
    return [(kind, value) for kind, value in found if value]


def _maybe(normalise: Callable[[str], str | None], text: str | None) -> str | None:
    return None if text is None else normalise(text)
