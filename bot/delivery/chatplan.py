"""What one chat is shown next, with the messages Telegram lets us send there.

A group takes about 20 messages a minute, edits included, and a private chat about one a
second. The outbox holds everything the bot means to say; this decides what is worth the
next message, by priority:

1. a lead becoming claimable and a claimed lead's mark (the oldest change first), and the
   contacts of leads a manager accepted;
2. other edits of messages the chat already shows;
3. everything else: notices, reminders, announcements, summaries.

What would cost more than the chat can give folds instead. Leads arriving faster than one
card each fold into the chat's queue (one message, a Claim button per lead, edited in
place); in a group, one-line notices coming faster than one a minute fold into the chat's
digest. A private chat takes a message a second, and a reminder or a question there must
ring: each is a message of its own, and only more than a handful due at once fold, into a
digest that is a new message at the bottom (never an edit far up, which nobody hears). An
edit that a later edit of the same message replaces is never sent. When the chat is calm
again, leads waiting in the queue get their own cards, one at a time. A manager accepting
more offers than their private chat takes at once gets all the contacts in one message;
each offer's own edit follows at the chat's pace.

Pure: no storage, no Telegram, no clock; `now` is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# One-line notices fold while they come faster than this (in a group).
DIGEST_WINDOW = 60.0
# In a private chat, one-line notices fold only when more than this many are due at once.
HANDFUL = 5
# Cards fold into the queue when more wait than the chat can show within this long: a lead
# must be claimable within seconds of arriving.
FOLD_HORIZON = 3.0


class Kind(StrEnum):
    CARD = "card"  # a lead's card: makes it claimable in a group
    MARK = "mark"  # a shown card edited to say who took the lead
    EDIT = "edit"  # any other edit of a message the chat shows
    LINE = "line"  # one line that may fold into the digest: an announcement, a notice
    MESSAGE = "message"  # anything else, sent as it is and in order
    CONTACTS = "contacts"  # accepted offers' contacts in one message: goes first


@dataclass(frozen=True)
class Item:
    """A row waiting for the chat."""

    row_id: int
    kind: Kind
    created: float
    ready: bool = True  # its retry time has come, and what it edits is shown
    target: str | None = None  # the message an edit changes: a later edit supersedes it
    bundles: bool = False  # an accepted offer whose contacts may go out with others'


@dataclass(frozen=True)
class Board:
    """One of the chat's boards as it stands (the queue, or the digest)."""

    # Lines fold into it. A group's digest: open and folded into within DIGEST_WINDOW. A
    # private chat's: open and not shown yet (shown, it is a message already heard).
    live: bool = False
    stale: bool = False  # what it shows differs from what it should show
    shown_at: float | None = None  # when it last changed in the chat
    waiting: int = 0  # the queue: leads it lists that still wait for a claim


@dataclass(frozen=True)
class ChatView:
    group: bool
    items: tuple[Item, ...]  # oldest first
    now: float
    queue: Board = field(default_factory=Board)
    digest: Board = field(default_factory=Board)
    last_line_at: float | None = None  # when a one-line notice last reached the chat
    room: int = 1  # messages the chat may take within FOLD_HORIZON


class Step(StrEnum):
    SEND = "send"  # the row `row_id` as a message (or an edit) of its own
    SHOW_QUEUE = "show_queue"  # bring the queue's messages up to date
    SHOW_DIGEST = "show_digest"  # bring the digest's messages up to date
    UNFOLD = "unfold"  # the oldest lead in the queue gets a card of its own


@dataclass(frozen=True)
class Action:
    step: Step
    row_id: int | None = None


@dataclass(frozen=True)
class Plan:
    superseded: tuple[int, ...] = ()  # edits never to send: a later one says more (free)
    fold_cards: tuple[int, ...] = ()  # cards that go into the queue (free)
    fold_lines: tuple[int, ...] = ()  # lines that go into the digest (free)
    bundle: tuple[int, ...] = ()  # accepted offers whose contacts go out in one message (free)
    actions: tuple[Action, ...] = ()  # what to send, in order; each costs one message


def plan(chat: ChatView, budget: int) -> Plan:
    """What to do with the chat's rows, spending at most `budget` messages."""
    superseded = _superseded(chat.items)
    live = [item for item in chat.items if item.row_id not in superseded]
    ready = [item for item in live if item.ready]
    cards = [item for item in ready if item.kind is Kind.CARD] if chat.group else []
    marks = [item for item in ready if item.kind is Kind.MARK]
    fold_cards = cards if _fold_cards(cards, len(marks), chat.queue, chat.room) else []
    lines = _fifo_ready(live, Kind.LINE) if not chat.group else _of(ready, Kind.LINE)
    fold_lines = lines if _fold_lines(lines, chat) else []
    bundles = [i for i in ready if i.bundles] if not chat.group else []
    bundle = bundles if len(bundles) > max(chat.room, 1) else []
    folded = {item.row_id for item in (*fold_cards, *fold_lines)}
    queue_stale = chat.queue.stale or bool(fold_cards)
    digest_stale = chat.digest.stale or bool(fold_lines)
    candidates = _candidates(chat, [i for i in ready if i.row_id not in folded], live)
    if queue_stale:
        candidates.append((1, chat.queue.shown_at or chat.now, Action(Step.SHOW_QUEUE)))
    if digest_stale:
        candidates.append((3, chat.digest.shown_at or chat.now, Action(Step.SHOW_DIGEST)))
    candidates.sort(key=lambda c: (c[0], c[1]))
    actions = [action for _, _, action in candidates[: max(budget, 0)]]
    calm = not candidates and not any(not item.ready for item in live)
    if calm and budget > 0 and chat.group and chat.queue.waiting > 0:
        actions.append(Action(Step.UNFOLD))
    return Plan(
        superseded=tuple(sorted(superseded)),
        fold_cards=tuple(item.row_id for item in fold_cards),
        fold_lines=tuple(item.row_id for item in fold_lines),
        bundle=tuple(item.row_id for item in bundle),
        actions=tuple(actions),
    )


def _candidates(
    chat: ChatView, ready: list[Item], live: list[Item]
) -> list[tuple[int, float, Action]]:
    """Each row that may go now, with its tier and age. Messages keep their order: only the
    oldest message (or, in a private chat, the oldest row that is not an edit) may go."""
    out: list[tuple[int, float, Action]] = []
    for item in ready:
        match item.kind:
            case Kind.CARD if chat.group:
                out.append((1, item.created, Action(Step.SEND, item.row_id)))
            case Kind.MARK | Kind.CONTACTS:
                out.append((1, item.created, Action(Step.SEND, item.row_id)))
            case Kind.EDIT:
                out.append((2, item.created, Action(Step.SEND, item.row_id)))
            case Kind.CARD | Kind.LINE | Kind.MESSAGE:
                pass  # in order, below
    if chat.group:
        out.extend((3, i.created, Action(Step.SEND, i.row_id)) for i in _of(ready, Kind.LINE))
        in_order = {Kind.MESSAGE}
    else:
        in_order = {Kind.MESSAGE, Kind.LINE, Kind.CARD}
    oldest = next((item for item in live if item.kind in in_order), None)
    if oldest is not None and oldest in ready:
        out.append((3, oldest.created, Action(Step.SEND, oldest.row_id)))
    return out


def _superseded(items: tuple[Item, ...]) -> set[int]:
    """Edits of a message that a later edit of the same message replaces."""
    latest: dict[str, int] = {}
    for item in items:
        if item.target is not None and item.kind in (Kind.MARK, Kind.EDIT):
            latest[item.target] = item.row_id
    return {
        item.row_id
        for item in items
        if item.target is not None
        and item.kind in (Kind.MARK, Kind.EDIT)
        and latest[item.target] != item.row_id
    }


def _fold_cards(cards: list[Item], marks: int, queue: Board, room: int) -> bool:
    """Fold while the queue is live (a card of its own would land below it, out of turn)
    or when more cards and marks wait than the chat can show one by one in time."""
    return bool(cards) and (queue.live or len(cards) + marks > max(room, 1))


def _fold_lines(lines: list[Item], chat: ChatView) -> bool:
    if not lines:
        return False
    if not chat.group:
        return len(lines) > HANDFUL or chat.digest.live
    if len(lines) > max(chat.room, 1) or chat.digest.live:
        return True
    last = chat.last_line_at
    return last is not None and chat.now - last < DIGEST_WINDOW


def _of(items: list[Item], kind: Kind) -> list[Item]:
    return [item for item in items if item.kind is kind]


def _fifo_ready(live: list[Item], kind: Kind) -> list[Item]:
    """In a private chat, lines fold only from the front of the queue: those before the
    first row that is not a line, and only while each is ready."""
    out: list[Item] = []
    for item in live:
        if item.kind in (Kind.MARK, Kind.EDIT):
            continue
        if item.kind is not kind or not item.ready:
            break
        out.append(item)
    return out
