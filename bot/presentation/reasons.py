"""Why a lead went where it went, in words: the line a manager reads ("Почему вам: ...") and
the history of `/lead`. Both come from the same stored details of a decision, so what a
manager was told is what the history shows.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.durations import duration_text, parse_duration
from bot.i18n import Html, Translator
from bot.routing import CORE_FIELDS, Miss, ReasonCode
from bot.routing.match import is_federal_word
from storage import MemberRecord
from storage.team.groups import GroupRecord
from storage.team.rules import RuleRecord

# The events whose details say why a manager has a lead: the owner's card is rendered from
# the latest one about them.
DECIDING_EVENTS = ("routed", "claimed", "assigned", "handed_back")


@dataclass(frozen=True)
class Cause:
    """Why a lead is being routed again; the next manager is told."""

    kind: str  # "returned" (with `why`), "unreachable", "removed", "away", "paused",
    # "reassigned", "timeout", "no_contact"
    name: str  # the manager who had it
    why: str | None = None  # a ReturnWhy value; for the timeouts, how long it waited ("10m")

    def to_json(self) -> dict[str, str]:
        out = {"kind": self.kind, "name": self.name}
        if self.why is not None:
            out["why"] = self.why
        return out


# Reasons that speak to the manager who got the lead ("ваша очередь"); a head reading the
# history or a dry run reads them in the third person ("neutral.*").
_ADDRESSED = frozenset(
    {"round_robin", "round_robin_after", "least_loaded", "claimed", "cover_for", "handback"}
)


def _say(tr: Translator, reason: str, to_owner: bool, /, **params: object) -> Html:
    if to_owner or reason not in _ADDRESSED:
        return tr("reason." + reason, **params)
    return tr("neutral." + reason, **params)


def why(details: Mapping[str, object], tr: Translator, *, to_owner: bool = True) -> Html:
    """The reason of a decision (`details` of a routed, claimed or assigned event): as the
    manager who got the lead reads it, or (`to_owner=False`) as a head reads its history."""
    code = ReasonCode(str(details.get("reason", ReasonCode.FIRST_COME.value)))
    parts = [_reason(code, details, tr, to_owner)]
    known = details.get("known")
    skip = details.get("known_skip")
    if isinstance(known, Mapping) and skip is not None:
        parts.append(
            tr(
                "reason.known_skipped",
                match=_known_match(known, tr),
                name=str(known.get("name", "?")),
                why=skip_text(str(skip), tr),
            )
        )
    cover_for = details.get("cover_for")
    if cover_for:
        parts.append(_say(tr, "cover_for", to_owner, name=cover_for))
    parts.extend(_fallthrough(details.get("fallthrough"), tr))
    cause = details.get("cause")
    if isinstance(cause, Mapping):
        parts.append(cause_text(cause, tr))
    return Html("; ".join(parts))


def _reason(  # noqa: PLR0911 - an arm a reason
    code: ReasonCode, details: Mapping[str, object], tr: Translator, to_owner: bool
) -> Html:
    match code:
        case ReasonCode.ROUND_ROBIN:
            return _in_turn(details, tr, to_owner)
        case ReasonCode.ASSIGNED | ReasonCode.HANDBACK:
            # Who decided: the head who assigned it, or the deputy who had it as cover.
            name = details.get("head" if code is ReasonCode.ASSIGNED else "deputy")
            return _say(tr, code.value, to_owner, name=name or "?")
        case ReasonCode.FIRST_COME | ReasonCode.HEAD_DECIDES | ReasonCode.CLAIMED:
            return _say(tr, code.value, to_owner)
        case ReasonCode.NOBODY_AVAILABLE:
            return tr("reason.nobody_available", passed=passed_text(details.get("passed"), tr))
        case ReasonCode.KNOWN_CLIENT:
            known = details.get("known")
            match_text = _known_match(known, tr) if isinstance(known, Mapping) else "?"
            return tr("reason.known_client", match=match_text)
        case ReasonCode.RULE:
            return _rule_text(details, tr)
        case ReasonCode.LEAST_LOADED:
            return _say(tr, "least_loaded", to_owner, load=details.get("load", "?"))


def _in_turn(details: Mapping[str, object], tr: Translator, to_owner: bool) -> Html:
    if details.get("duty"):
        return tr("reason.duty")
    after = details.get("after")
    if after:
        return _say(tr, "round_robin_after", to_owner, name=after)
    return _say(tr, "round_robin", to_owner)


def _rule_text(details: Mapping[str, object], tr: Translator) -> Html:
    rule = details.get("rule")
    if not isinstance(rule, Mapping):
        return tr("reason.rule_unknown")
    field = str(rule.get("field", "?"))
    # A card shows where the client works; a rule that read where the company is
    # registered says so, or "регион = Москва" beside "Регион: Казань" reads as a mistake.
    label = tr("rule_field.region_registered") if rule.get("registered") else None
    parts = [
        tr(
            "reason.rule",
            number=rule.get("number", "?"),
            field=label or field_label(field, tr),
            value=value_label(field, str(rule.get("value", "?")), tr),
        )
    ]
    group = details.get("group")
    if group:
        parts.append(tr("reason.group", group=group))
    after = details.get("after")
    if after:
        parts.append(tr("reason.group_turn_after", name=after))
    load = details.get("load")
    if load is not None:
        parts.append(tr("reason.group_least_loaded", load=load))
    return Html(", ".join(parts))


def field_label(field: str, tr: Translator) -> Html:
    """ "отрасль" for `industry`; an extra field goes by its own name."""
    if field in CORE_FIELDS:
        return tr("rule_field." + field)
    return Html(html.escape(field))


def value_label(field: str, value: str, tr: Translator) -> Html:
    """A rule's value as the head reads it: `federal` in Russian, the rest as written."""
    if field == "region" and is_federal_word(value):
        return tr("rule_value.federal")
    return Html(html.escape(value))


def _known_match(known: Mapping[str, object], tr: Translator) -> Html:
    return tr("known." + str(known.get("by", "phone")), lead=known.get("lead", "?"))


def skip_text(why: str, tr: Translator) -> Html:
    """Why a manager (a `Skip`) or a rule's target (a `Miss`) could not take a lead."""
    if why in set(Miss):
        return tr("miss." + why)
    return tr("skip." + why)


def _fallthrough(entries: object, tr: Translator) -> list[Html]:
    if not isinstance(entries, Sequence):
        return []
    out: list[Html] = []
    for entry in entries:
        if not (isinstance(entry, Sequence) and len(entry) == 3):
            continue
        number, target, why_not = entry
        if not isinstance(target, Mapping):
            continue
        if "group" in target:
            label = tr("fallthrough.group", group=target["group"])
        else:
            label = tr("fallthrough.member", name=target.get("member", "?"))
        why_text = skip_text(str(why_not), tr)
        out.append(tr("fallthrough.entry", number=number, target=label, why=why_text))
    return out


def cause_text(cause: Mapping[str, object], tr: Translator) -> Html:
    name = str(cause.get("name", "?"))
    kind = str(cause.get("kind"))
    if kind == "returned":
        because = tr("return_why." + str(cause.get("why") or "other"))
        return tr("cause.returned", name=name, why=because)
    if kind in {"unreachable", "removed", "away", "paused"}:
        return tr("cause." + kind, name=name)
    if kind in {"timeout", "no_contact"}:
        return tr("cause." + kind, name=name, wait=wait_text(cause.get("why"), tr))
    return tr("cause.reassigned", name=name)


def wait_text(dumped: object, tr: Translator) -> Html:
    """ "10 мин" from a stored duration ("10m")."""
    duration = parse_duration(str(dumped))
    return Html(html.escape(str(dumped))) if duration is None else duration_text(duration, tr)


def passed_text(passed: object, tr: Translator) -> Html:
    """ "Иван — пауза, Ольга — лимит" from [[name, skip], ...]."""
    if not isinstance(passed, Sequence) or not passed:
        return tr("passed.nobody")
    parts = [
        tr("passed.entry", name=entry[0], why=skip_text(str(entry[1]), tr))
        for entry in passed
        if isinstance(entry, Sequence) and len(entry) == 2
    ]
    return Html(", ".join(parts))


def event_words(
    kind: str, reason: str | None, details: Mapping[str, object], tr: Translator
) -> tuple[Html, Html]:
    """An event of a lead's history in words: what happened, and why (may be empty). The
    history of /lead and the export's history sheet read the same."""
    what: Html
    match kind:
        case "routed" | "claimed" | "assigned" | "handed_back":
            what = why(details, tr, to_owner=False)
        case "returned" if reason in _GONE:  # "owner_away": the owner's vacation began
            what = tr("history." + reason.removeprefix("owner_"))
        case "returned" if reason == "timeout":
            what = tr("history.timeout", wait=wait_text(details.get("after"), tr))
        case "returned" if reason == "no_contact":
            what = tr("history.no_contact", wait=wait_text(details.get("after"), tr))
        case "returned":
            what = tr("return_why." + reason) if reason in _RETURN_WHY else Html("")
        case "lost":
            what = tr("lost_why." + reason) if reason in _LOST_WHY else Html("")
        case "lost_note" | "return_note":
            note = details.get("text")
            what = Html(f"«{html.escape(note)}»") if isinstance(note, str) else Html("")
        case "amount":
            amount = details.get("amount")
            what = Html(tr.grouped(amount)) if isinstance(amount, int) else Html("")
        case "created":
            what = tr("source." + reason) if reason in _SOURCES else Html("")
        case _:
            what = Html("")
    label = tr("event." + kind) if kind in _KINDS else Html(html.escape(kind))
    return label, what


_KINDS = frozenset(
    {"created", "routed", "card_posted", "card_refused", "claimed", "accepted", "returned",
     "assigned", "won", "lost", "held", "escalated", "to_chat", "to_heads", "handed_back",
     "reopened", "undone", "lost_note", "return_note", "contacted", "repeated", "amount"}
)  # fmt: skip
_GONE = frozenset({"owner_unreachable", "owner_removed", "owner_away", "owner_paused"})
_RETURN_WHY = frozenset({"profile", "busy", "other"})
_LOST_WHY = frozenset({"no_answer", "no_budget", "competitor", "not_client", "other"})
_SOURCES = frozenset({"http", "command", "forward"})


def rule_line(
    rule: RuleRecord,
    name: str,
    member: MemberRecord | None,
    group: GroupRecord | None,
    tr: Translator,
) -> Html:
    """A rule as /rules and the console list it: its number, condition and target (`name`,
    `member`: the member it names, as the team knows them now; `group`: the group it names)."""
    condition = tr(
        "rules.condition",
        number=rule.number,
        field=field_label(rule.field, tr),
        values=Html(", ".join(value_label(rule.field, v, tr) for v in rule.values)),
    )
    if rule.member_id is not None:
        if member is None:
            return tr("rules.line_broken", condition=condition, name=name)
        if member.paused_at is not None:
            return tr("rules.line_paused", condition=condition, name=name)
        return tr("rules.line_member", condition=condition, name=name)
    if group is None:
        return tr("rules.line_no_group", condition=condition)
    mode = tr("mode." + group.mode)
    return tr("rules.line_group", condition=condition, group=group.name, mode=mode)
