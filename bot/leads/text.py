"""Leads written by hand (/newlead) or forwarded: find contacts in free text."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.leads.fields import canonical_field, lead_from_pairs
from storage.leads import LeadFields

_PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s\-().]{6,22}\d(?!\w)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?!\w)")
_LABELLED_LINE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.+?)\s*$")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15


def find_phone(text: str) -> str | None:
    for match in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group())
        if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS:
            return match.group().strip()
    return None


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text)
    return match.group() if match else None


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


def lead_from_text(text: str) -> LeadFields:
    """Lines like `Телефон: +7 ...` fill their fields; the rest is the client's request.

    A phone number or e-mail found in the request fills those fields when no line did.
    """
    labelled: list[tuple[str, str]] = []
    body: list[str] = []
    for line in text.strip().splitlines():
        match = _LABELLED_LINE.match(line)
        if match and canonical_field(match.group(1)) is not None:
            labelled.append((match.group(1), match.group(2)))
        else:
            body.append(line)
    message = "\n".join(body).strip()
    fields = lead_from_pairs(labelled)
    if message and fields.message is None:
        fields = replace(fields, message=message)
    elif message:
        fields = replace(fields, message=f"{fields.message}\n{message}")
    request = fields.message or ""
    if fields.phone is None and (phone := find_phone(request)):
        fields = replace(fields, phone=phone)
    if fields.email is None and (email := find_email(request)):
        fields = replace(fields, email=email)
    return fields
