"""Lead cards as Telegram HTML: the public card in the team chat and the owner's full copy.

Every value a client typed is escaped, and long values are cut, so that a card always fits
Telegram's 4096-character limit and always shows what was typed, literally.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from bot.i18n import Html, Translator
from bot.leads.text import dialable
from storage.leads import LeadRecord

# Telegram counts message length in UTF-16 code units after HTML is parsed.
TELEGRAM_TEXT_LIMIT = 4096
_BUDGET = TELEGRAM_TEXT_LIMIT - 200  # room for the title, status line and reason
_FIELD_LIMIT = 300
_MESSAGE_LIMIT = 1500
_EXTRA_KEY_LIMIT = 60
ELLIPSIS = "…"

# The public card shows what the client needs, never how to reach them: claiming is the
# only way to get the phone and e-mail (the article's "no poaching").
_PUBLIC_FIELDS = ("name", "company", "message", "channel", "industry", "region", "product")
_PRIVATE_FIELDS = (
    "name",
    "phone",
    "email",
    "company",
    "tax_id",
    "message",
    "channel",
    "industry",
    "region",
    "product",
    "external_id",
)


def visible_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-16 units, ending with an ellipsis when cut."""
    if visible_length(text) <= limit:
        return text
    out = []
    used = 0
    for ch in text:
        width = visible_length(ch)
        if used + width > limit - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + ELLIPSIS


def format_duration(elapsed: timedelta, tr: Translator) -> Html:
    seconds = max(0, int(elapsed.total_seconds()))
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    days, h = divmod(hours, 24)
    if days:
        return tr("duration.days", d=days, h=h)
    if hours:
        return tr("duration.hours", h=hours, m=m)
    if minutes:
        return tr("duration.minutes", m=minutes, s=s)
    return tr("duration.seconds", s=s)


class _Lines:
    """Collects card lines while keeping the visible total under budget."""

    def __init__(self, budget: int) -> None:
        self.parts: list[str] = []
        self.left = budget

    def add(self, html: str, visible: int) -> bool:
        if visible + 1 > self.left:
            return False
        self.parts.append(html)
        self.left -= visible + 1
        return True


def _value_limit(field: str) -> int:
    return _MESSAGE_LIMIT if field == "message" else _FIELD_LIMIT


def _render(
    tr: Translator, title: Html, lead: LeadRecord, names: tuple[str, ...], *, full: bool
) -> list[str]:
    lines = _Lines(_BUDGET)
    lines.add(title, visible_length(title))
    for field in names:
        raw = getattr(lead.fields, field)
        if not raw:
            continue
        value = clip(raw, _value_limit(field))
        if full and field == "phone" and (number := dialable(value)) and number != value:
            # The international form is what Telegram turns into a tap-to-call link.
            value = f"{number} ({value})"
        shown = escape(value)
        if full and field == "name" and lead.contact_user_id is not None:
            shown = f'<a href="tg://user?id={lead.contact_user_id:d}">{shown}</a>'
        label = tr("field." + field)
        lines.add(f"{label}: {shown}", visible_length(f"{label}: {value}"))
    if full:
        extras = list(lead.fields.extra.items())
        for index, (key, raw) in enumerate(extras):
            name, value = clip(key, _EXTRA_KEY_LIMIT), clip(raw, _FIELD_LIMIT)
            if not lines.add(f"{escape(name)}: {escape(value)}", visible_length(name + value) + 2):
                # The budget keeps room for this one short line.
                lines.parts.append(tr("card.more_fields", count=len(extras) - index))
                break
    return lines.parts


def team_card(lead: LeadRecord, tr: Translator) -> Html:
    """The card posted to the team chat, waiting for a claim."""
    lines = _render(tr, tr("card.title", id=lead.id), lead, _PUBLIC_FIELDS, full=False)
    return Html("\n".join(lines))


def claimed_card(lead: LeadRecord, owner_name: str, tr: Translator) -> Html:
    """The team card after a claim: same facts, plus who took it and how long it waited."""
    assert lead.claimed_at is not None
    waited = format_duration(lead.claimed_at - lead.created_at, tr)
    body = team_card(lead, tr)
    return Html(f"{body}\n\n{tr('card.taken', name=clip(owner_name, 64), waited=waited)}")


def returned_card(lead: LeadRecord, owner_name: str, tr: Translator) -> Html:
    """The old card of a lead that went back to the team: the fresh card is further down."""
    body = team_card(lead, tr)
    return Html(f"{body}\n\n{tr('card.returned', name=clip(owner_name, 64))}")


def owner_card(lead: LeadRecord, reason: Html, tr: Translator) -> Html:
    """Everything about the lead, for the manager who owns it."""
    lines = _render(tr, tr("dm.title", id=lead.id), lead, _PRIVATE_FIELDS, full=True)
    lines.append("")
    lines.append(tr("dm.source", source=tr("source." + lead.source.value)))
    lines.append(tr("dm.reason", reason=reason))
    return Html("\n".join(lines))
