"""Phones, e-mails and messenger handles: found in any text, recognised as whole values,
and masked where the public must not see them. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_PHONE = re.compile(r"(?<![\d+])\+?\d[\d\s\-().]{6,22}\d(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?!\w)")
# An address written so that a filter would miss it: "ivan at mail dot ru",
# "ivan[at]mail.ru", "ivan @ mail . ru", "ivan (собака) mail (точка) ru". Only for masking:
# a person reading the public card would read it all the same.
_WORD_AT = r"(?:at|собака|собачка)"
_WORD_DOT = r"(?:dot|точка)"
_AT = rf"(?:\s*@\s*|\s*[\[({{<]\s*{_WORD_AT}\s*[\])}}>]\s*|\s+{_WORD_AT}\s+)"
_DOT = rf"(?:\s*\.\s*|\s*[\[({{<]\s*{_WORD_DOT}\s*[\])}}>]\s*|\s+{_WORD_DOT}\s+)"
_DISGUISED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*?{_DOT}[^\W\d_]{{2,}}(?!\w)",
    re.IGNORECASE,
)
# A messenger link or @handle reaches the client just as well as a phone does.
_HANDLE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|vk\.com|vk\.me)"
    r"/[^\s,;]+|tg://[^\s,;]+|(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w@])",
    re.IGNORECASE,
)
# Dashes, spaces and brackets that look like ASCII ones, each read as its ASCII twin, one
# character for one, so that a match in the plain copy is a match in the original.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                        "\u2009\u200a\u202f\u205f\u3000", " "),
        "\uff0b": "+", "\uff08": "(", "\uff09": ")", "\uff0e": ".", "\uff20": "@",
    }
)  # fmt: skip


def plain(text: str) -> str:
    """`text` with look-alike dashes, spaces and brackets as ASCII; the same length."""
    return text.translate(_PLAIN)


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
    for match in _PHONE.finditer(plain(text)):
        if _phone_like(match.group()):
            return text[match.start() : match.end()].strip()
    return None


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text)
    return match.group() if match else None


def is_phone(value: str) -> bool:
    """The whole value is one phone number, as a call-back widget sends it."""
    value = plain(value)
    return _PHONE.fullmatch(value.strip()) is not None and _phone_like(value)


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(plain(value).strip()) is not None


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
    """`text` with every phone, e-mail (plain or disguised) and messenger handle replaced
    by a mark. Matched on the plain copy (`plain`), replaced in the original."""
    for pattern, shown in ((_EMAIL, marks.email), (_DISGUISED_EMAIL, marks.email),
                           (_HANDLE, marks.handle)):  # fmt: skip
        text = _replace(text, pattern, _always(shown))
    return _replace(text, _PHONE, lambda match: marks.phone if _phone_like(match.group()) else None)


def _always(shown: str) -> Callable[[re.Match[str]], str | None]:
    return lambda _match: shown


def _replace(
    text: str, pattern: re.Pattern[str], mark: Callable[[re.Match[str]], str | None]
) -> str:
    pieces: list[str] = []
    done = 0
    for match in pattern.finditer(plain(text)):
        shown = mark(match)
        if shown is not None:
            pieces += [text[done : match.start()], shown]
            done = match.end()
    return "".join([*pieces, text[done:]])


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
