"""Repositories for a test's own setup and checks, outside any unit of work.

The bot reaches storage only through `db.unit()` and `db.reading()`; a storage test
arranges rows and reads them back directly, one autocommitted statement at a time.
"""

from __future__ import annotations

from storage import Database, Unit
from storage.driver import Conn


def bare(db: Database) -> Unit:
    """Every repository on the database's connection, with no transaction around them."""
    return Unit(db.conn, db.now(), writes=True)


def conn_of(u: Unit) -> Conn:
    """The connection a unit's repositories run on, for a test's own statement in it."""
    return u.teams._db
