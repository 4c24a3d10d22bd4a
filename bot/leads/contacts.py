"""Phones, e-mails and messenger handles: found in any text, recognised as whole values,
and masked where the public must not see them. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHONE = re.compile(r"(?<![\d+])\+?\d[\d\s\-().]{6,22}\d(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?!\w)")
# A messenger link or @handle reaches the client just as well as a phone does.
_HANDLE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|vk\.com|vk\.me)"
    r"/[^\s,;]+|(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w@])",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15
# Fewer digits than this, without a "+", reads as a sum or a quantity ("1 500 000"), not
# as a number to call: B2B clients leave mobile or city numbers with the area code.
_MIN_BARE_PHONE_DIGITS = 10


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _phone_like(candidate: str) -> bool:
    digits = _digits(candidate)
    if _DATE.match(candidate.strip()) or not digits <= _MAX_PHONE_DIGITS:
        return False
    least = _MIN_PHONE_DIGITS if candidate.lstrip().startswith("+") else _MIN_BARE_PHONE_DIGITS
    return digits >= least


def find_phone(text: str) -> str | None:
    for match in _PHONE.finditer(text):
        if _phone_like(match.group()):
            return match.group().strip()
    return None


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text)
    return match.group() if match else None


def is_phone(value: str) -> bool:
    """The whole value is one phone number, as a call-back widget sends it."""
    return _PHONE.fullmatch(value.strip()) is not None and _phone_like(value)


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(value.strip()) is not None


def is_contact(value: str) -> bool:
    """The whole value is a way to reach someone."""
    stripped = value.strip()
    return is_phone(stripped) or is_email(stripped) or _HANDLE.fullmatch(stripped) is not None


@dataclass(frozen=True)
class Marks:
    """What stands in place of a hidden contact."""

    phone: str
    email: str
    handle: str


def mask_contacts(text: str, marks: Marks) -> str:
    """`text` with every phone, e-mail and messenger handle replaced by a mark."""
    text = _EMAIL.sub(marks.email, text)
    text = _HANDLE.sub(marks.handle, text)
    return _PHONE.sub(lambda m: marks.phone if _phone_like(m.group()) else m.group(), text)


def dialable(phone: str) -> str | None:
    """The number in international form (+79123456789) that Telegram makes tappable.

    Russian numbers are often written with a trunk 8 instead of +7.
    """
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not _MIN_PHONE_DIGITS <= len(digits) <= _MAX_PHONE_DIGITS:
        return None
    if phone.lstrip().startswith("+"):
        return "+" + digits
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] == "9":
        return "+7" + digits
    return "+" + digits
