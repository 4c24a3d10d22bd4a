"""What a board's messages say: the queue's waiting leads with a Claim button each, or the
digest's lines, packed into as few messages as Telegram's limits allow. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Translator
from storage import Button, FoldedRow

# Telegram's limits per message; the length is counted on the HTML, which is never shorter
# than the text Telegram counts.
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024  # a photo's caption
BUTTON_LIMIT = 100
BUTTONS_PER_ROW = 5
# A line longer than this never folds: it is sent on its own.
LINE_LIMIT = 400


@dataclass(frozen=True)
class Slot:
    """One message of a board, and the folded rows whose lines it carries."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] | None
    rows: tuple[int, ...]


def length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def claim_button(row: FoldedRow) -> Button | None:
    """The lead's own Claim button, named by its number so the tap is unambiguous."""
    data = next((b.data for line in row.buttons or () for b in line if b.data), None)
    return None if data is None else Button(f"✋ №{row.lead_id}", data)


def queue_slots(rows: list[FoldedRow], tr: Translator) -> list[Slot]:
    """The leads still waiting, oldest first; with none left, one closing line."""
    waiting = [row for row in rows if row.waiting]
    if not waiting:
        return [Slot(str(tr("board.queue_done")), None, ())]
    heading = str(tr("board.queue", count=len(waiting)))
    more = str(tr("board.queue_more"))
    return _pack(waiting, heading, more, with_buttons=True)


def digest_slots(rows: list[FoldedRow], tr: Translator, *, private: bool = False) -> list[Slot]:
    """A group's digest grows while notices come; a private chat's is one new message with
    the notices that came at once."""
    heading = str(tr("board.digest_private" if private else "board.digest"))
    return _pack(rows, heading, str(tr("board.digest_more")), with_buttons=False)


def _pack(rows: list[FoldedRow], heading: str, more: str, *, with_buttons: bool) -> list[Slot]:
    slots: list[Slot] = []
    lines: list[str] = []
    buttons: list[Button] = []
    ids: list[int] = []

    def close() -> None:
        head = heading if not slots else more
        rows_of_buttons = tuple(
            tuple(buttons[i : i + BUTTONS_PER_ROW]) for i in range(0, len(buttons), BUTTONS_PER_ROW)
        )
        slots.append(
            Slot("\n".join([head, *lines]), rows_of_buttons if with_buttons else None, tuple(ids))
        )

    for row in rows:
        # Lines fold only when short; a card stored without its line shows its number.
        line = row.text if length(row.text) <= LINE_LIMIT else f"№{row.lead_id}"
        button = claim_button(row) if with_buttons else None
        head = heading if not slots else more
        size = length("\n".join([head, *lines, line]))
        if lines and (size > TEXT_LIMIT or len(buttons) + (button is not None) > BUTTON_LIMIT):
            close()
            lines, buttons, ids = [], [], []
        lines.append(line)
        ids.append(row.row_id)
        if button is not None:
            buttons.append(button)
    close()
    return slots


def split_long(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """`text` in parts Telegram takes, cut between lines (our lines are whole HTML); a
    single line longer than a message is cut where it must be."""
    parts: list[str] = []
    current = ""
    for whole in text.split("\n"):
        line = whole
        while length(line) > limit:
            head, line = _cut(line, limit)
            if current:
                parts.append(current)
                current = ""
            parts.append(head)
        candidate = line if not current else f"{current}\n{line}"
        if length(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def _cut(line: str, limit: int) -> tuple[str, str]:
    used = 0
    for index, ch in enumerate(line):
        used += length(ch)
        if used > limit:
            return line[:index], line[index:]
    return line, ""
