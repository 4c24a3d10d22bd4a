"""How long a text is as Telegram counts it (UTF-16 units), and cutting it to fit."""

from __future__ import annotations

# Telegram counts message length in UTF-16 code units after HTML is parsed.
TELEGRAM_TEXT_LIMIT = 4096

ELLIPSIS = "…"


def visible_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-16 units, ending with an ellipsis when cut."""
    if visible_length(text) <= limit:
        return text
    out = []
    used = 0
    for ch in text:
        width = visible_length(ch)
        if used + width > limit - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + ELLIPSIS


def chunks_of(text: str, limit: int) -> list[str]:
    """`text` in consecutive pieces of at most `limit` UTF-16 units each."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in text:
        width = visible_length(ch)
        if used + width > limit:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += width
    if current:
        pieces.append("".join(current))
    return pieces
