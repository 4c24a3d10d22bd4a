"""Lead cards as Telegram HTML: the public card in the team chat and the owner's full copy.

Every value a client typed is escaped, and long values are cut, so that a card always fits
Telegram's 4096-character limit and always shows what was typed, literally. What is cut from
the owner's copy follows it in full, in further messages: nothing typed is out of reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from bot.durations import format_duration
from bot.i18n import Html, Translator
from bot.leads.aliases import BRAND_KEYS, FEDERAL_KEYS, REGISTERED_REGION_KEYS, SHOWN_TECHNICAL
from bot.leads.contacts import Marks, dialable, is_contact, mask_contacts
from bot.leads.fields import (
    FILES_FIELD,
    MORE_FIELDS,
    is_contact_key,
    is_hidden,
    is_technical,
    is_utm,
    normalise_key,
)
from storage.work.lead_records import LeadRecord, LeadStatus

# Telegram counts message length in UTF-16 code units after HTML is parsed.
TELEGRAM_TEXT_LIMIT = 4096
_BUDGET = TELEGRAM_TEXT_LIMIT - 300  # room for the title, status line, notes and reason
_FIELD_LIMIT = 300
_MESSAGE_LIMIT = 1500
_EXTRA_KEY_LIMIT = 60
_MAX_EXTRA_LINES = 40  # a card is read at a glance; the rest follows for the owner
_MASK_MARGIN = 200  # characters past a limit searched too, for a contact across the cut
_FULL_TEXT_CHUNK = 3500  # UTF-16 units of a long text in one follow-up, under the limit
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


def _chunks(text: str, limit: int) -> list[str]:
    """`text` in consecutive pieces of at most `limit` UTF-16 units each."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in text:
        width = visible_length(ch)
        if used + width > limit:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += width
    if current:
        pieces.append("".join(current))
    return pieces


def marks(tr: Translator) -> Marks:
    return Marks(tr("card.hidden_phone"), tr("card.hidden_email"), tr("card.hidden_handle"))


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


@dataclass
class _Rendered:
    lines: _Lines
    fields_shown: int = 0
    # Of those, the fields the client typed: a channel or an ad's tag is where the lead came
    # from, and a call-back widget's phone with a channel is still only a call-back.
    typed_shown: int = 0
    extra_lines: int = 0
    cut: bool = False
    # What the owner's copy could not show whole: (label, full value), for the follow-ups.
    left_over: list[tuple[str, str]] = field(default_factory=list)


# Extra fields the intake itself names, and the technical names forms and ads use for what
# routing reads: shown under a label in the reader's language, not as a raw key.
_EXTRA_LABELS = {
    FILES_FIELD: "field.files",
    MORE_FIELDS: "field.more_fields",
    **dict.fromkeys(REGISTERED_REGION_KEYS, "field.registered_region"),
    **dict.fromkeys(BRAND_KEYS, "field.brand"),
    **dict.fromkeys(FEDERAL_KEYS, "field.federal"),
    "utm_source": "field.utm_source",
    "utm_medium": "field.utm_medium",
    "utm_campaign": "field.utm_campaign",
    "utm_content": "field.utm_content",
    "utm_term": "field.utm_term",
    **SHOWN_TECHNICAL,
}


def extra_label(key: str, tr: Translator) -> str:
    """A form's own field under a label in the reader's language when it has one."""
    label = _EXTRA_LABELS.get(key) or _EXTRA_LABELS.get(normalise_key(key))
    return tr(label) if label else key


def _repeats_channel(lead: LeadRecord, key: str, value: str) -> bool:
    """An ad's `utm_source` that only says the lead's channel again is not shown twice."""
    channel = lead.fields.channel
    return (
        channel is not None
        and normalise_key(key) == "utm_source"
        and value.strip().casefold() == channel.strip().casefold()
    )


def _value_limit(field: str) -> int:
    return _MESSAGE_LIMIT if field == "message" else _FIELD_LIMIT


def _shown_on(full: bool, key: str, value: str) -> bool:
    """Whether an extra field shows on the owner's card (`full`) or on a public one. A form's
    technical field (an id, an address, a timestamp) is on neither, unless it reads well
    under a label of ours (the page, the form, the quiz) or is an ad's tag; the export keeps
    them all."""
    readable = not is_technical(key) or is_utm(key) or normalise_key(key) in SHOWN_TECHNICAL
    if full:
        return readable and not is_hidden(key)
    return readable and not is_contact_key(key) and not is_contact(value)


def _masked(raw: str, hide: Marks | None, limit: int) -> str:
    """What may be shown of `raw`: all of it to the owner; on a public card, with contacts
    masked before it is cut (a phone cut in half would no longer look like one). Only the
    start that can be shown is searched, so a 64 KiB text costs no more than a short one."""
    if hide is None:
        return raw
    shown = limit + _MASK_MARGIN
    masked = mask_contacts(raw[:shown], hide)
    return masked + ELLIPSIS if len(raw) > shown else masked


def _one_line(text: str) -> str:
    """A value on its labelled line: a line break typed into a field cannot start a line
    of its own that looks like one of the bot's (a status line, another field)."""
    return " ⏎ ".join(part.strip() for part in text.splitlines() if part.strip())


def _field_line(label: str, value: str, shown: str) -> tuple[str, int]:
    """The line as HTML and its visible length. A request of several lines is quoted, so
    that every line of it is visibly the client's."""
    if "\n" in value:
        return f"{label}:\n<blockquote>{shown}</blockquote>", visible_length(f"{label}:\n{value}")
    return f"{label}: {shown}", visible_length(f"{label}: {value}")


def _render(tr: Translator, title: Html, lead: LeadRecord, *, full: bool) -> _Rendered:
    out = _Rendered(_Lines(_BUDGET))
    out.lines.add(title, visible_length(title))
    hide = None if full else marks(tr)
    for name in _PRIVATE_FIELDS if full else _PUBLIC_FIELDS:
        raw = getattr(lead.fields, name)
        if not raw:
            continue
        whole = _masked(raw, hide, _value_limit(name))
        value = clip(whole, _value_limit(name))
        label = tr("field." + name)
        if value != whole:
            out.cut = True
            out.left_over.append((label, whole))
        if name != "message":
            value = _one_line(value)
        if full and name == "phone" and (number := dialable(value)) and number != value:
            # The international form is what Telegram turns into a tap-to-call link.
            value = f"{number} ({value})"
        shown = escape(value)
        if full and name == "name" and lead.contact_user_id is not None:
            shown = f'<a href="tg://user?id={lead.contact_user_id:d}">{shown}</a>'
        if out.lines.add(*_field_line(label, value, shown)):
            out.fields_shown += 1
            out.typed_shown += name != "channel"
    # Looked at one by one, as long as the card has room: a form of a thousand fields
    # costs no more than the lines it fills.
    extras = list(lead.fields.extra.items())
    for index, (key, raw) in enumerate(extras):
        if not _shown_on(full, key, raw) or _repeats_channel(lead, key, raw):
            continue
        whole = _masked(raw, hide, _FIELD_LIMIT)
        name = extra_label(key, tr)
        shown_key, value = _one_line(clip(name, _EXTRA_KEY_LIMIT)), clip(whole, _FIELD_LIMIT)
        shown_value = _one_line(value)
        line = f"{escape(shown_key)}: {escape(shown_value)}"
        if out.extra_lines >= _MAX_EXTRA_LINES or not out.lines.add(
            line, visible_length(shown_key + shown_value) + 2
        ):
            # The budget keeps room for this one short line. The count is of every field
            # left, those only the owner sees included: checking each would cost more.
            out.lines.parts.append(tr("card.more_fields", count=len(extras) - index))
            out.cut = True
            if full:  # the owner gets the rest in full, as one text, not a message each
                rest = [f"{k}: {v}" for k, v in extras[index:] if _shown_on(full, k, v)]
                out.left_over.append((tr("field.more_fields"), "\n".join(rest)))
            break
        out.extra_lines += 1
        out.fields_shown += 1
        out.typed_shown += not is_utm(key)
        if value != whole:
            out.cut = True
            out.left_over.append((key, whole))
    return out


def _public(lead: LeadRecord, title: Html, tr: Translator) -> Html:
    rendered = _render(tr, title, lead, full=False)
    lines = rendered.lines.parts
    if not rendered.typed_shown:
        # A call-back widget sends a phone and nothing else: say so, not a bare title.
        lines.append(tr("card.callback" if lead.fields.phone else "card.contacts_only"))
    if rendered.cut:
        lines.append(tr("card.cut_public"))
    return Html("\n".join(lines))


_TEAM_TITLES = {
    LeadStatus.NEW: "card.title",
    LeadStatus.OFFERED: "card.title_former",
    LeadStatus.TAKEN: "card.title_former",
    LeadStatus.WON: "card.title_closed",
    LeadStatus.LOST: "card.title_closed",
}


def team_card(
    lead: LeadRecord, tr: Translator, group: str | None = None, *, former: bool = False
) -> Html:
    """The card posted to the team chat: what the client needs, never how to reach them.
    A rule may send it to a group: then the card says so, for its members alone to claim.
    Only a lead still waiting is headed as new, and not on a card left behind (`former`)
    when it was posted again; a closed one's heading says it is closed."""
    title = "card.title_former" if former and lead.status is LeadStatus.NEW else None
    card = _public(lead, tr(title or _TEAM_TITLES[lead.status], id=lead.id), tr)
    return Html(f"{card}\n\n{tr('card.for_group', group=group)}") if group else card


def offer_card(lead: LeadRecord, reason: Html, tr: Translator, status: Html | None = None) -> Html:
    """A lead offered to one manager: like the team card, no contacts until Accept. With a
    `status` (returned, timed out, taken back) it is no longer "for you" and the instruction
    to accept goes: neither applies any more."""
    title = tr("offer.title" if status is None else "card.title_former", id=lead.id)
    card = f"{_public(lead, title, tr)}\n\n{tr('dm.reason', reason=reason)}"
    return (
        Html(f"{card}\n{tr('offer.hint')}") if status is None else with_status(Html(card), status)
    )


def public_view(lead: LeadRecord, heading: Html, footer: Html, tr: Translator) -> Html:
    """The lead without its contacts, for a reader it is not handed to yet (`/lead` of an
    offer): what the offer shows, with where the lead is now."""
    return Html(f"{_public(lead, heading, tr)}\n\n{footer}")


def head_card(
    lead: LeadRecord, tr: Translator, status: Html | None = None, *, capped: bool = False
) -> Html:
    """A lead waiting for a head to choose its manager; with a `status`, what became of it
    (the key to the buttons goes with them). `capped`: a button shows a cap too."""
    body = _public(lead, tr("ask.title", id=lead.id), tr)
    if status is not None:
        return with_status(body, status)
    return Html(f"{body}\n\n{tr('ask.hint_cap' if capped else 'ask.hint')}")


def former_card(lead: LeadRecord, tr: Translator, status: Html) -> Html:
    """A manager's card of a lead that left them (reassigned, taken back, handed back):
    no longer headed as a new lead, and what became of it."""
    return with_status(_public(lead, tr("card.title_former", id=lead.id), tr), status)


def with_status(card: Html, status: Html) -> Html:
    """A card with a last line saying what became of it (taken, handed over, closed)."""
    return Html(f"{card}\n\n{status}")


def claimed_card(lead: LeadRecord, owner_name: str, tr: Translator) -> Html:
    """The team card after a claim: same facts, plus who took it and how long it waited."""
    assert lead.taken_at is not None
    waited = format_duration(lead.taken_at - lead.created_at, tr)
    return with_status(
        team_card(lead, tr), tr("card.taken", name=clip(owner_name, 64), waited=waited)
    )


def returned_card(lead: LeadRecord, owner_name: str, tr: Translator) -> Html:
    """The old card of a lead that went back to the team: the fresh card is further down."""
    shown = team_card(lead, tr, former=True)
    return with_status(shown, tr("card.returned", name=clip(owner_name, 64)))


def owner_card(lead: LeadRecord, reason: Html, tr: Translator) -> Html:
    """Everything about the lead, for the manager who owns it."""
    return owner_messages(lead, reason, tr)[0]


def owner_messages(
    lead: LeadRecord,
    reason: Html,
    tr: Translator,
    *,
    heading: Html | None = None,
    footer: Html | None = None,
) -> list[Html]:
    """The owner's card, then every text it had to cut, in full, in as many messages as
    that takes. `/lead` shows it with its own `heading` (a head's lead is not "yours") and
    `footer` (where the lead is now, instead of why it came to the reader)."""
    rendered = _render(tr, heading or tr("dm.title", id=lead.id), lead, full=True)
    lines = rendered.lines.parts
    if rendered.cut:
        lines.append(tr("card.cut_owner"))
    lines += ["", tr("dm.source", source=tr("source." + lead.source.value))]
    lines.append(footer or tr("dm.reason", reason=reason))
    messages = [Html("\n".join(lines))]
    for label, value in rendered.left_over:
        chunks = _chunks(value, _FULL_TEXT_CHUNK)
        for part, chunk in enumerate(chunks, start=1):
            heading = tr(
                "card.full_text",
                id=lead.id,
                field=clip(label, _EXTRA_KEY_LIMIT),
                part=part,
                total=len(chunks),
            )
            messages.append(Html(f"{heading}\n{escape(chunk)}"))
    return messages
