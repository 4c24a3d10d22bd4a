"""The /replay answer: per manager what they had and what they would have had, the spread,
where the rest would have gone, and what the replay could not know. Pure."""

from __future__ import annotations

from bot.dates import day_text
from bot.i18n import Html, Translator
from bot.presentation.reports.charts import ReplayChartData, replay_chart_data
from bot.presentation.text_size import clip
from bot.services.reporting.replays import Regime, WhatIf


def replay_heading(what: WhatIf, tr: Translator) -> Html:
    assert what.period is not None and what.policy is not None
    first, last = day_text(what.period.first_day), day_text(what.period.last_day)
    return tr("replay_header." + what.policy.value, first=first, last=last)


def _rows(what: WhatIf) -> list[tuple[str, int, int]]:
    assert what.result is not None and what.actual is not None and what.names is not None
    return [
        (what.names.get(m, f"#{m}"), what.actual.get(m, 0), what.result.got.get(m, 0))
        for m in what.managers
    ]


def replay_text(what: WhatIf, tr: Translator) -> Html:
    result, actual = what.result, what.actual
    assert result is not None and actual is not None and what.in_force
    lines: list[str] = [replay_heading(what, tr), *_in_force(what, result.leads, tr)]
    for name, had, would in _rows(what):
        lines.append(tr("replay.line", name=clip(name, 24), actual=had, would=would))
    if not what.managers:
        lines.append(tr("replay.nobody"))
    lines.append(tr("replay.spread", actual=what.spread(actual), would=what.spread(result.got)))
    extras = (
        ("replay.unowned", what.unowned),
        ("replay.held", result.held),
        ("replay.to_chat", result.to_chat),
        ("replay.to_heads", result.to_heads),
    )
    lines += [tr(key, count=count) for key, count in extras if count]
    lines += ["", tr("replay.caveat")]
    return Html("\n".join(lines))


def _in_force(what: WhatIf, leads: int, tr: Translator) -> list[Html]:
    """The mode and rules that really routed the period: one line, or a line a part."""
    if len(what.in_force) == 1:
        [only] = what.in_force
        return [tr("replay.leads", count=leads, mode=_mode(only, tr), rules=_rules(only, tr))]
    assert what.zone is not None
    lines = [tr("replay.leads_changed", count=leads)]
    for part in what.in_force:
        first, last = (f"{t.astimezone(what.zone):%d.%m %H:%M}" for t in (part.first, part.last))
        mode, rules = _mode(part, tr), _rules(part, tr)
        lines.append(tr("replay.regime", first=first, last=last, mode=mode, rules=rules))
    return lines


def _mode(part: Regime, tr: Translator) -> Html:
    return tr("mode." + part.mode.value)


def _rules(part: Regime, tr: Translator) -> Html:
    return tr("replay.rules", count=part.rules) if part.rules else tr("replay.rules_none")


def replay_chart(what: WhatIf, tr: Translator) -> ReplayChartData:
    return replay_chart_data(str(replay_heading(what, tr)), _rows(what), tr)
