"""Telegram's side of parse_mode=HTML: what the real server refuses, this refuses too."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote"
}  # fmt: skip
MAX_TEXT = 4096


class ApiError(Exception):
    def __init__(
        self,
        code: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id


class _TelegramHtml(HTMLParser):
    """Checks text the way Telegram parses parse_mode=HTML, and returns what users see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.visible: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise ApiError(
                400, f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"'
            )
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise ApiError(400, f'Bad Request: can\'t parse entities: Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.visible.append(data)


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def parse_html(text: str) -> tuple[str, list[str]]:
    if _has_bare_lt(text):
        raise ApiError(400, "Bad Request: can't parse entities: Unexpected end of name token")
    if text.count("&") != len(_ENTITY.findall(text)):
        raise ApiError(400, "Bad Request: can't parse entities: Character '&' is reserved")
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise ApiError(
            400, f'Bad Request: can\'t parse entities: Unclosed start tag "{parser.stack[-1]}"'
        )
    return "".join(parser.visible), parser.links


_TAG_START = re.compile(r"</*((?:[^\W\d_]|-)*)")  # letters as str.isalpha sees them


def _has_bare_lt(text: str) -> bool:
    """A `<` that does not open a tag Telegram knows is a parse error there, not text."""
    return any(m.group(1).lower() not in ALLOWED_TAGS for m in _TAG_START.finditer(text))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
