"""The chat planner as a pure function: a simulated chat with Telegram's group limit, leads
arriving in bursts and managers tapping as soon as a button shows."""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.delivery.chatplan import (
    HANDFUL,
    Action,
    Board,
    ChatView,
    Item,
    Kind,
    Plan,
    Step,
    plan,
)

INTERVAL = 3.0  # 20 a minute


@dataclass
class Chat:
    """What the chat shows, and the rows waiting for it."""

    now: float = 0.0
    sends: deque[float] = field(default_factory=deque)
    items: dict[int, Item] = field(default_factory=dict)
    lead_of: dict[int, int] = field(default_factory=dict)  # row -> lead
    carded: set[int] = field(default_factory=set)  # leads with a card of their own
    folded: list[int] = field(default_factory=list)  # leads in the queue, oldest first
    on_board: set[int] = field(default_factory=set)  # what the queue message shows
    board_live: bool = False
    board_shown_at: float | None = None
    claimable_at: dict[int, float] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    next_row: int = 1

    def budget(self) -> int:
        while self.sends and self.sends[0] <= self.now - 60:
            self.sends.popleft()
        spaced = not self.sends or self.now - self.sends[-1] >= INTERVAL
        return 1 if len(self.sends) < 20 and spaced else 0

    def room(self) -> int:
        return self.budget() + 1  # one more within the fold horizon

    def add(self, kind: Kind, lead: int, target: str | None = None) -> None:
        row = self.next_row
        self.next_row += 1
        self.items[row] = Item(row, kind, self.now, True, target)
        self.lead_of[row] = lead

    def waiting(self) -> list[int]:
        return [lead for lead in self.folded if lead not in self.claimed]

    def view(self) -> ChatView:
        waiting = self.waiting()
        stale = self.board_live and set(waiting) != self.on_board
        queue = Board(self.board_live, stale, self.board_shown_at, len(waiting))
        items = tuple(sorted(self.items.values(), key=lambda i: i.row_id))
        return ChatView(True, items, self.now, queue=queue, room=self.room())

    def apply(self, chosen: Plan) -> None:
        for row in chosen.superseded:
            del self.items[row]
        for row in chosen.fold_cards:
            self.folded.append(self.lead_of[row])
            del self.items[row]
            self.board_live = True
        for action in chosen.actions:
            self.sends.append(self.now)
            self.act(action)

    def act(self, action: Action) -> None:
        match action.step:
            case Step.SEND:
                assert action.row_id is not None
                item = self.items.pop(action.row_id)
                lead = self.lead_of[action.row_id]
                if item.kind is Kind.CARD:
                    self.carded.add(lead)
                    self.claimable_at.setdefault(lead, self.now)
            case Step.SHOW_QUEUE:
                self.on_board = set(self.waiting())
                self.board_shown_at = self.now
                for lead in self.on_board:
                    self.claimable_at.setdefault(lead, self.now)
                if not self.on_board:
                    self.board_live = False
                    self.folded.clear()
            case Step.UNFOLD:
                lead = self.waiting()[0]
                self.folded.remove(lead)
                self.carded.add(lead)
            case Step.SHOW_DIGEST:
                raise AssertionError("no lines in this chat")


def simulate(arrivals: list[float], tap_after: float, seconds: float) -> Chat:
    chat = Chat()
    pending = sorted(arrivals)
    taps: list[tuple[float, int]] = []
    lead = 0
    while chat.now < seconds:
        while pending and pending[0] <= chat.now:
            pending.pop(0)
            lead += 1
            chat.add(Kind.CARD, lead)
        for at, tapped in [t for t in taps if t[0] <= chat.now]:
            taps.remove((at, tapped))
            if tapped not in chat.claimed:
                chat.claimed.add(tapped)
                if tapped in chat.carded:
                    chat.add(Kind.MARK, tapped, f"card:{tapped}")
        budget = chat.budget()
        chosen = plan(chat.view(), budget)
        assert len(chosen.actions) <= budget  # never over budget
        chat.apply(chosen)
        for shown, at in chat.claimable_at.items():
            if shown not in chat.claimed and not any(t[1] == shown for t in taps):
                taps.append((at + tap_after, shown))
        chat.now = round(chat.now + 0.1, 1)
    return chat


@settings(max_examples=40, deadline=None)
@given(
    per_minute=st.integers(min_value=1, max_value=150),
    tap_after=st.floats(min_value=0.2, max_value=4.0),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_every_lead_is_claimable_within_seconds_and_the_limit_is_never_passed(
    per_minute: int, tap_after: float, seed: int
) -> None:
    rng = random.Random(seed)
    arrivals = [rng.uniform(0, 60) for _ in range(per_minute)]
    chat = simulate(arrivals, tap_after, 200.0)
    assert len(chat.claimable_at) == per_minute  # none lost
    first = sorted(arrivals)
    waits = [chat.claimable_at[lead] - first[lead - 1] for lead in range(1, per_minute + 1)]
    # At worst a lead waits behind an older claim's mark, then for the queue's next edit.
    assert waits[-1] <= 3 * INTERVAL + 0.2
    assert chat.claimed == set(range(1, per_minute + 1))


def test_a_calm_chat_gets_a_card_per_lead_and_no_queue() -> None:
    chat = simulate([0.0, 20.0, 40.0], tap_after=1.0, seconds=80.0)
    assert chat.carded == {1, 2, 3} and not chat.folded and not chat.board_live


def test_after_a_burst_the_queue_is_cleared_and_closed() -> None:
    chat = simulate([i * 0.5 for i in range(60)], tap_after=60.0, seconds=400.0)
    assert chat.claimed == set(range(1, 61))
    assert not chat.board_live  # the last show said it was cleared


def test_a_lead_left_in_the_queue_when_it_calms_down_gets_its_own_card() -> None:
    chat = Chat()
    for lead in (1, 2, 3):
        chat.add(Kind.CARD, lead)
    chosen = plan(chat.view(), budget=1)
    assert chosen.fold_cards == (1, 2, 3)
    assert chosen.actions == (Action(Step.SHOW_QUEUE),)
    chat.apply(chosen)
    chat.now = 10.0
    assert plan(chat.view(), budget=1).actions == (Action(Step.UNFOLD),)


def test_a_claimable_card_goes_before_a_line_and_a_line_before_nothing() -> None:
    items = (
        Item(1, Kind.LINE, 0.0),
        Item(2, Kind.EDIT, 1.0, target="card:9"),
        Item(3, Kind.CARD, 2.0),
    )
    chosen = plan(ChatView(True, items, 5.0, room=3), budget=3)
    assert [a.row_id for a in chosen.actions] == [3, 2, 1]


def test_an_edit_that_a_later_edit_of_the_same_message_replaces_is_never_sent() -> None:
    items = (
        Item(1, Kind.MARK, 0.0, target="card:5"),
        Item(2, Kind.EDIT, 1.0, target="card:5"),
    )
    chosen = plan(ChatView(True, items, 5.0), budget=1)
    assert chosen.superseded == (1,)
    assert chosen.actions == (Action(Step.SEND, 2),)


def test_lines_fold_in_a_group_while_they_come_faster_than_one_a_minute() -> None:
    line = (Item(7, Kind.LINE, 100.0),)
    alone = plan(ChatView(True, line, 100.0, last_line_at=30.0), budget=1)
    assert alone.fold_lines == () and alone.actions == (Action(Step.SEND, 7),)
    folded = plan(ChatView(True, line, 100.0, last_line_at=50.0), budget=1)
    assert folded.fold_lines == (7,) and folded.actions == (Action(Step.SHOW_DIGEST),)


def test_in_a_private_chat_each_line_rings_as_a_message_of_its_own() -> None:
    # A reminder 20 s after another, and a question right after it: each is sent itself.
    line = (Item(7, Kind.LINE, 100.0),)
    chosen = plan(ChatView(False, line, 100.0, last_line_at=80.0), budget=1)
    assert chosen.fold_lines == () and chosen.actions == (Action(Step.SEND, 7),)
    # A digest shown a moment ago is a message already heard: nothing is added to it.
    heard = Board(live=False, shown_at=99.0)
    chosen = plan(ChatView(False, line, 100.0, digest=heard, last_line_at=99.0), budget=1)
    assert chosen.fold_lines == () and chosen.actions == (Action(Step.SEND, 7),)
    # A handful due at once still go one by one, at the chat's pace.
    handful = tuple(Item(n, Kind.LINE, 100.0) for n in range(1, HANDFUL + 1))
    chosen = plan(ChatView(False, handful, 100.0, room=3), budget=1)
    assert chosen.fold_lines == () and chosen.actions == (Action(Step.SEND, 1),)


def test_in_a_private_chat_more_than_a_handful_at_once_fold_into_one_new_message() -> None:
    many = tuple(Item(n, Kind.LINE, 100.0) for n in range(1, HANDFUL + 2))
    chosen = plan(ChatView(False, many, 100.0, room=3), budget=1)
    assert chosen.fold_lines == tuple(range(1, HANDFUL + 2))
    assert chosen.actions == (Action(Step.SHOW_DIGEST),)


def test_a_private_chat_keeps_its_order_behind_a_message_waiting_for_a_retry() -> None:
    items = (Item(1, Kind.MESSAGE, 0.0, ready=False), Item(2, Kind.LINE, 1.0))
    chosen = plan(ChatView(False, items, 5.0), budget=1)
    assert chosen.actions == () and chosen.fold_lines == ()


def test_offers_accepted_faster_than_a_private_chat_takes_bring_their_contacts_at_once() -> None:
    accepted = tuple(
        Item(n, Kind.EDIT, float(n), True, f"row:{100 + n}", bundles=True) for n in range(1, 6)
    )
    assert plan(ChatView(False, accepted, 10.0, room=3), 1).bundle == (1, 2, 3, 4, 5)
    # As many as the chat takes in time: each offer is simply edited into its card.
    assert plan(ChatView(False, accepted[:3], 10.0, room=3), 1).bundle == ()
    # Bundled once: the edits that follow are not bundled again.
    done = tuple(Item(i.row_id, i.kind, i.created, True, i.target) for i in accepted)
    assert plan(ChatView(False, done, 10.0, room=3), 1).bundle == ()
    # The bundle goes before the edits, and before any older message.
    contacts = Item(9, Kind.CONTACTS, 10.0)
    older = Item(0, Kind.MESSAGE, 0.0)
    chosen = plan(ChatView(False, (older, *done, contacts), 10.0, room=3), 1)
    assert chosen.actions == (Action(Step.SEND, 9),)
