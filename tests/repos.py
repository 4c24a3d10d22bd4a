"""Repositories for a test's own setup and checks, outside any unit of work.

The bot reaches storage only through `db.unit()` and `db.reading()`; a storage test
arranges rows and reads them back directly, one autocommitted statement at a time.
"""

from __future__ import annotations

from storage import Database, Unit


def bare(db: Database) -> Unit:
    """Every repository on the database's connection, with no transaction around them."""
    return Unit(db.conn, db.now(), writes=True)
