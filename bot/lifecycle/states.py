"""A lead's states and the moves between them, declared once.

`transitions.py` is the only code that moves a lead; each of its moves is one conditional
UPDATE in storage, and this table says from which states it goes and where it lands. The
property test in tests/storage/test_lifecycle.py drives random moves through storage and
checks storage against this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from storage import LeadRecord, LeadStatus


class Stage(StrEnum):
    """Where a lead is: a new lead waits in a pool; the others have an owner."""

    CHAT = "chat"  # new, claimable in the team chat
    HEADS = "heads"  # new, waiting for a head to choose a manager
    HOURS = "hours"  # new, waiting for working time
    OFFERED = "offered"  # sent to one manager, waiting for Accept
    TAKEN = "taken"  # a manager works it
    WON = "won"
    LOST = "lost"


WAITING = frozenset({Stage.CHAT, Stage.HEADS, Stage.HOURS})
OWNED_OPEN = frozenset({Stage.OFFERED, Stage.TAKEN})
CLOSED = frozenset({Stage.WON, Stage.LOST})


class Move(StrEnum):
    POST = "post"  # the card goes to the team chat (for a group, with a rule)
    ASK_HEADS = "ask_heads"  # the heads choose the manager
    HOLD = "hold"  # it waits for working time
    OFFER = "offer"  # one manager gets it, to Accept or Return
    CLAIM = "claim"  # a manager takes it from the team chat
    ACCEPT = "accept"  # the manager it was offered to takes it
    GIVE_BACK = "give_back"  # that manager returns it; it is routed again
    TIME_OUT = "time_out"  # not accepted in time; it is routed again
    TAKE_BACK = "take_back"  # its owner is out of reach, removed or away; routed again
    PICK = "pick"  # a head's button: a lead nobody has yet goes to a manager
    ASSIGN = "assign"  # /assign: any open lead goes to a manager
    HAND_BACK = "hand_back"  # back from vacation: the deputy's cover lead returns
    CONTACT = "contact"  # its owner reached the client: the first contact, once
    WIN = "win"
    LOSE = "lose"
    REOPEN = "reopen"  # a closed lead is worked again by its owner
    UNDO = "undo"  # its owner takes back a Won or Lost tapped by mistake, within UNDO_WINDOW


class Actor(StrEnum):
    """Whose move it is, as far as the lead's owner matters."""

    ANYONE = "anyone"  # the lead has no owner, or its owner does not matter
    OWNER = "owner"  # only the lead's owner
    NOT_OWNER = "not_owner"  # anyone but its owner (it would not move)


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Stage]
    target: Stage | None  # None: the lead stays where it was (only its owner changes)
    actor: Actor = Actor.ANYONE


TABLE: dict[Move, Rule] = {
    Move.POST: Rule(WAITING, Stage.CHAT),
    Move.ASK_HEADS: Rule(WAITING, Stage.HEADS),
    Move.HOLD: Rule(WAITING, Stage.HOURS),
    Move.OFFER: Rule(WAITING, Stage.OFFERED),
    Move.CLAIM: Rule(frozenset({Stage.CHAT}), Stage.TAKEN),
    Move.ACCEPT: Rule(frozenset({Stage.OFFERED}), Stage.TAKEN, Actor.OWNER),
    Move.GIVE_BACK: Rule(frozenset({Stage.OFFERED}), Stage.CHAT, Actor.OWNER),
    Move.TIME_OUT: Rule(frozenset({Stage.OFFERED}), Stage.CHAT, Actor.OWNER),
    Move.TAKE_BACK: Rule(OWNED_OPEN, Stage.CHAT, Actor.OWNER),
    Move.PICK: Rule(WAITING, Stage.TAKEN),
    Move.ASSIGN: Rule(WAITING | OWNED_OPEN, Stage.TAKEN, Actor.NOT_OWNER),
    # The deputy (the owner now) hands the lead back to the manager it covered for.
    Move.HAND_BACK: Rule(OWNED_OPEN, None, Actor.OWNER),
    Move.CONTACT: Rule(frozenset({Stage.TAKEN}), None, Actor.OWNER),
    Move.WIN: Rule(frozenset({Stage.TAKEN}), Stage.WON, Actor.OWNER),
    Move.LOSE: Rule(frozenset({Stage.TAKEN}), Stage.LOST, Actor.OWNER),
    Move.REOPEN: Rule(CLOSED, Stage.TAKEN, Actor.OWNER),
    Move.UNDO: Rule(CLOSED, Stage.TAKEN, Actor.OWNER),
}

# How long after Won or Lost its owner may undo it; later, a head reopens it (/reopen).
UNDO_WINDOW = timedelta(minutes=5)

# Moves after which the lead is routed again in the same transaction: they leave no timer,
# the routing move that follows writes the one the lead waits on.
RELEASING = frozenset({Move.GIVE_BACK, Move.TIME_OUT, Move.TAKE_BACK})


def stage_of(lead: LeadRecord) -> Stage:
    if lead.status is LeadStatus.NEW:
        assert lead.pool is not None, f"lead {lead.id} is new outside any pool"
        return Stage(lead.pool.value)
    return Stage(lead.status.value)


def allowed(move: Move, stage: Stage, by_owner: bool) -> bool:
    """Whether `move` may take a lead at `stage` (`by_owner`: the member it names is the
    lead's owner)."""
    rule = TABLE[move]
    if stage not in rule.sources:
        return False
    match rule.actor:
        case Actor.ANYONE:
            return True
        case Actor.OWNER:
            return by_owner
        case Actor.NOT_OWNER:
            return not by_owner
