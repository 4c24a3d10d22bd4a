"""/rules, /groups, /alias and /route in words."""

from __future__ import annotations

from bot.i18n import Html, Translator
from bot.lifecycle.planner import Situation
from bot.presentation.reasons import field_label, passed_text, rule_line, why
from bot.routing import DecisionKind, ReasonCode
from bot.services.route_check import DryRun
from bot.team_settings import KNOWN_CLIENT, MODE
from storage.team.rules import AliasRecord, RuleRecord


def rules_text(situation: Situation, tr: Translator) -> Html:
    lines: list[str] = [tr("rules.title")]
    if not situation.rules:
        lines.append(tr("rules.none"))
    lines.extend(situation_line(rule, situation, tr) for rule in situation.rules)
    lines.append("")
    lines.append(tr("rules.default", mode=tr("mode." + situation.settings[MODE].value)))
    known = situation.settings[KNOWN_CLIENT]
    lines.append(tr("rules.known_client", state=tr("setting.on" if known else "setting.off")))
    lines.append(tr("rules.hint"))
    return Html("\n".join(lines))


def situation_line(rule: RuleRecord, situation: Situation, tr: Translator) -> Html:
    """A rule's line, its member and group looked up in the team as it is now."""
    member_id, group_id = rule.member_id, rule.group_id
    name = situation.name(member_id) if member_id is not None else ""
    member = situation.members.get(member_id) if member_id is not None else None
    group = situation.groups.get(group_id) if group_id is not None else None
    return rule_line(rule, name, member, group, tr)


def groups_text(situation: Situation, tr: Translator) -> Html:
    if not situation.groups:
        return tr("groups.none")
    lines = [tr("groups.title")]
    for group in situation.groups.values():
        names = [situation.members[m].full_name for m in group.member_ids if m in situation.members]
        lines.append(
            tr(
                "groups.line",
                group=group.name,
                mode=tr("mode." + group.mode),
                names=", ".join(names) if names else tr("groups.empty"),
            )
        )
    lines.append(tr("groups.hint"))
    return Html("\n".join(lines))


def aliases_text(aliases: list[AliasRecord], tr: Translator) -> Html:
    if not aliases:
        return tr("alias.none")
    lines = [tr("alias.title")]
    lines.extend(
        tr(
            "alias.line",
            field=field_label(a.field, tr),
            alias=a.alias,
            canonical=a.canonical,
        )
        for a in aliases
    )
    return Html("\n".join(lines))


def dry_run_text(run: DryRun, tr: Translator) -> Html:
    decision = run.decision
    who = _who(run, tr)
    lines = [tr("route.title"), who, tr("route.why", reason=why(run.details, tr, to_owner=False))]
    passed = run.details.get("passed")
    if passed and decision.reason.code is not ReasonCode.NOBODY_AVAILABLE:
        lines.append(tr("route.passed", passed=passed_text(passed, tr)))
    return Html("\n".join(lines))


def _who(run: DryRun, tr: Translator) -> Html:
    decision = run.decision
    match decision.kind:
        case DecisionKind.OFFER:
            assert decision.member_id is not None
            return tr("route.to_member", name=run.situation.name(decision.member_id))
        case DecisionKind.POST:
            return _posted(run, tr)
        case DecisionKind.ASK_HEAD:
            names = ", ".join(run.situation.name(m) for m in decision.candidates)
            return tr("route.to_heads", names=names)
        case DecisionKind.HOLD:
            return tr("route.held")


def _posted(run: DryRun, tr: Translator) -> Html:
    group_id = run.decision.group_id
    if group_id is None:
        return tr("route.to_chat")
    names = ", ".join(run.situation.name(m) for m in run.decision.candidates) or "—"
    return tr("route.to_group", group=run.situation.group_name(group_id), names=names)
