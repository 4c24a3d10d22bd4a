"""Every text the bot sends comes from here: Russian by default, English for English users."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Mapping
from typing import Literal

from bot.i18n import en, ru

Language = Literal["ru", "en"]
DEFAULT_LANGUAGE: Language = "ru"
CATALOGS: Mapping[Language, Mapping[str, str]] = {"ru": ru.MESSAGES, "en": en.MESSAGES}


class Html(str):
    """Text that is already valid Telegram HTML and must not be escaped again."""

    __slots__ = ()


def language_for(code: str | None) -> Language:
    """Telegram gives an IETF tag such as 'en', 'en-GB' or 'ru'; all but English get Russian."""
    if code and code.lower().split("-")[0] == "en":
        return "en"
    return DEFAULT_LANGUAGE


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Translator:
    def __init__(self, language: Language) -> None:
        self.language = language
        self._messages = CATALOGS[language]

    def __call__(self, key: str, /, **params: object) -> Html:
        """The message `key` with `params` filled in, each escaped unless it is `Html`."""
        template = self._messages[key]
        safe = {name: _escape(value) for name, value in params.items()}
        return Html(template.format_map(safe))

    def number(self, value: float, digits: int = 1) -> str:
        """A number as the reader writes it: "5,5" in Russian, "5.5" in English; a whole
        number without its zeros ("5", not "5,0")."""
        text = f"{value:.{digits}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        text = "0" if text in {"", "-0"} else text
        return text.replace(".", ",") if self.language == "ru" else text

    def grouped(self, whole: int) -> str:
        """ "150 000" in Russian (a no-break space between thousands), "150,000" in English."""
        text = f"{whole:,d}"
        return text.replace(",", "\u00a0") if self.language == "ru" else text

    def percent(self, fraction: float) -> str:
        """ "33 %" (Russian puts a space before the sign, a non-breaking one), "33%"."""
        figure = self.number(fraction * 100, 1 if fraction * 100 < 10 else 0)
        return f"{figure}\u00a0%" if self.language == "ru" else f"{figure}%"


def plain_text(text: str) -> str:
    """Telegram HTML as the reader sees it: no tags, entities decoded (for a file, a
    picture, or the start of a message quoted in a notice)."""
    return html.unescape(_TAG.sub("", text))


_TAG = re.compile(r"<[^>]+>")


def _escape(value: object) -> str:
    if isinstance(value, Html):
        return str(value)
    return html.escape(str(value), quote=True)


def translator(code: str | None) -> Translator:
    return Translator(language_for(code))
