"""A lost lead's or a returned offer's "Другое" asks its manager for the reason in words:
the question waits here for their next message, so that a restart does not forget it. One
per person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.clock_format import from_db, to_db
from storage.driver import Conn


class QuestionKind(StrEnum):
    LOST = "lost"  # why the client said no
    RETURNED = "returned"  # why the manager gave the offer back
    AMOUNT = "amount"  # how much a deal won was worth


@dataclass(frozen=True)
class ReasonQuestion:
    user_id: int
    lead_id: int
    asked_at: datetime
    kind: QuestionKind = QuestionKind.LOST


class ReasonQuestionRepo:
    def __init__(self, db: Conn) -> None:
        self._db = db

    async def ask(
        self,
        user_id: int,
        lead_id: int,
        at: datetime,
        kind: QuestionKind = QuestionKind.LOST,
    ) -> None:
        """The person's question is about this lead now (a newer one replaces it)."""
        await self._db.execute(
            "INSERT INTO reason_questions (user_id, lead_id, asked_at, kind) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lead_id = excluded.lead_id, "
            "asked_at = excluded.asked_at, kind = excluded.kind",
            (user_id, lead_id, to_db(at), kind.value),
        )

    async def asked_since(self, user_id: int, since: datetime) -> bool:
        row = await self._db.fetch_one(
            "SELECT 1 FROM reason_questions WHERE user_id = ? AND asked_at >= ?",
            (user_id, to_db(since)),
        )
        return row is not None

    async def take(self, user_id: int) -> ReasonQuestion | None:
        """The person's question, answered now: it is gone once read."""
        row = await self._db.fetch_one(
            "DELETE FROM reason_questions WHERE user_id = ? "
            "RETURNING user_id, lead_id, asked_at, kind",
            (user_id,),
        )
        if row is None:
            return None
        return ReasonQuestion(
            row["user_id"], row["lead_id"], from_db(row["asked_at"]), QuestionKind(row["kind"])
        )

    async def forget_lead(self, lead_id: int) -> None:
        """The lead is not closed any more: nobody is asked why it was lost, or what the
        deal was worth."""
        await self._db.execute(
            "DELETE FROM reason_questions WHERE lead_id = ? AND kind IN (?, ?)",
            (lead_id, QuestionKind.LOST.value, QuestionKind.AMOUNT.value),
        )

    async def forget(self, user_id: int, lead_id: int, kind: QuestionKind) -> bool:
        """The person's question of `kind` about the lead goes unanswered (a button said
        so); whether there was one."""
        gone = await self._db.execute(
            "DELETE FROM reason_questions WHERE user_id = ? AND lead_id = ? AND kind = ?",
            (user_id, lead_id, kind.value),
        )
        return gone > 0
