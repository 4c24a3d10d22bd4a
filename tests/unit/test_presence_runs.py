"""How many lapses in a row `auto_pause` counts: offers timed out and clients not reached are
two runs, each ended only by the manager answering that kind of wait."""

from __future__ import annotations

from bot.lifecycle.presence import lapses_in_row

TIMED_OUT = ("returned", "timeout", False)
NOT_REACHED = ("returned", "no_contact", False)
ACCEPTED = ("accepted", "accepted", True)
GAVE_BACK = ("returned", "busy", True)
REACHED = ("contacted", "owner", True)
WON = ("won", "won", True)
LOST = ("lost", "no_answer", True)
TAKEN_AWAY = ("returned", "owner_away", False)


def test_nothing_is_no_run() -> None:
    assert lapses_in_row([]) == 0


def test_offers_timed_out_count_until_one_the_manager_answered() -> None:
    assert lapses_in_row([TIMED_OUT, TIMED_OUT, ACCEPTED, TIMED_OUT]) == 2
    assert lapses_in_row([TIMED_OUT, GAVE_BACK, TIMED_OUT]) == 1  # a return is an answer


def test_clients_not_reached_count_until_one_reached_or_closed() -> None:
    assert lapses_in_row([NOT_REACHED, NOT_REACHED, REACHED, NOT_REACHED]) == 2
    assert lapses_in_row([NOT_REACHED, WON, NOT_REACHED]) == 1
    assert lapses_in_row([NOT_REACHED, LOST, NOT_REACHED]) == 1


def test_the_runs_are_apart_and_the_longer_counts() -> None:
    # Accepting offers says nothing of calling: the clients not reached still run on.
    turns = [NOT_REACHED, ACCEPTED, NOT_REACHED, ACCEPTED, NOT_REACHED, TIMED_OUT]
    assert lapses_in_row(turns) == 3
    # Reaching clients says nothing of answering offers.
    assert lapses_in_row([TIMED_OUT, REACHED, TIMED_OUT, NOT_REACHED]) == 2


def test_a_lead_taken_away_is_no_lapse_and_ends_nothing() -> None:
    assert lapses_in_row([TIMED_OUT, TAKEN_AWAY, TIMED_OUT]) == 2
