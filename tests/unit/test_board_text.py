"""Board texts and long messages: always within Telegram's limits, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.delivery.board_text import (
    BUTTON_LIMIT,
    TEXT_LIMIT,
    length,
    queue_slots,
    split_long,
)
from bot.i18n import Translator
from storage import Button, FoldedRow, OutboxPurpose


def card_row(lead_id: int, line: str) -> FoldedRow:
    buttons = [[Button("✋ Взять лид", f"claim:{lead_id}")]]
    return FoldedRow(lead_id, OutboxPurpose.CARD, lead_id, line, buttons, False, True)


@given(st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=60))
def test_a_long_text_is_split_between_lines_and_nothing_is_lost(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines) * 5
    parts = split_long(text)
    assert all(length(part) <= TEXT_LIMIT for part in parts)
    assert "\n".join(parts).replace("\n", "") == text.replace("\n", "")


def test_a_single_line_longer_than_a_message_is_cut_where_it_must_be() -> None:
    parts = split_long("я" * 9000)
    assert [length(p) for p in parts] == [4096, 4096, 808]


def test_the_queue_opens_a_second_message_at_100_buttons_each_line_with_its_button() -> None:
    rows = [card_row(n, f"<b>№{n}</b> ООО Клиент {n} · yandex · Москва") for n in range(1, 151)]
    slots = queue_slots(rows, Translator("ru"))
    assert len(slots) == 2
    for slot in slots:
        assert length(slot.text) <= TEXT_LIMIT
        assert slot.buttons is not None
        numbers = [b.text for line in slot.buttons for b in line]
        assert len(numbers) <= BUTTON_LIMIT
        assert all(f"<b>{n.removeprefix('✋ ')}</b>" in slot.text for n in numbers)
    assert sum(len(s.rows) for s in slots) == 150


def test_a_queue_with_nobody_waiting_says_it_is_cleared_and_has_no_buttons() -> None:
    taken = FoldedRow(1, OutboxPurpose.CARD, 1, "№1", None, True, False)
    [slot] = queue_slots([taken], Translator("ru"))
    assert slot.buttons is None and "Очередь разобрана" in slot.text
