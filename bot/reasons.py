"""Why a lead went where it went, in words: the line a manager reads ("Почему вам: ...") and
the history of `/lead`. Both come from the same stored details of a decision, so what a
manager was told is what the history shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.i18n import Html, Translator
from bot.routing import ReasonCode


@dataclass(frozen=True)
class Cause:
    """Why a lead is being routed again; the next manager is told."""

    kind: str  # "returned" (with `why`), "unreachable", "removed", "reassigned"
    name: str  # the manager who had it
    why: str | None = None  # a ReturnWhy value

    def to_json(self) -> dict[str, str]:
        out = {"kind": self.kind, "name": self.name}
        if self.why is not None:
            out["why"] = self.why
        return out


def why(details: Mapping[str, object], tr: Translator) -> Html:
    """The reason of a decision (`details` of a routed, claimed or assigned event)."""
    text = _reason(ReasonCode(str(details.get("reason", ReasonCode.FIRST_COME.value))), details, tr)
    cause = details.get("cause")
    if isinstance(cause, Mapping):
        text = Html(f"{text}; {cause_text(cause, tr)}")
    return text


def _reason(code: ReasonCode, details: Mapping[str, object], tr: Translator) -> Html:
    match code:
        case ReasonCode.ROUND_ROBIN:
            after = details.get("after")
            return tr("reason.round_robin_after", name=after) if after else tr("reason.round_robin")
        case ReasonCode.ASSIGNED:
            return tr("reason.assigned", name=details.get("head") or "?")
        case ReasonCode.FIRST_COME | ReasonCode.HEAD_DECIDES | ReasonCode.CLAIMED:
            return tr("reason." + code.value)
        case ReasonCode.NOBODY_AVAILABLE:
            return tr("reason.nobody_available", passed=passed_text(details.get("passed"), tr))


def cause_text(cause: Mapping[str, object], tr: Translator) -> Html:
    name = str(cause.get("name", "?"))
    kind = str(cause.get("kind"))
    if kind == "returned":
        because = tr("return_why." + str(cause.get("why") or "other"))
        return tr("cause.returned", name=name, why=because)
    if kind == "unreachable":
        return tr("cause.unreachable", name=name)
    if kind == "removed":
        return tr("cause.removed", name=name)
    return tr("cause.reassigned", name=name)


def passed_text(passed: object, tr: Translator) -> Html:
    """ "Иван — пауза, Ольга — лимит" from [[name, skip], ...]."""
    if not isinstance(passed, Sequence) or not passed:
        return tr("passed.nobody")
    parts = [
        tr("passed.entry", name=entry[0], why=tr("skip." + str(entry[1])))
        for entry in passed
        if isinstance(entry, Sequence) and len(entry) == 2
    ]
    return Html(", ".join(parts))
