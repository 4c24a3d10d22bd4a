"""A lead's fields as card lines: which fields a card shows, their labels, limits and masks."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

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
from bot.presentation.text_size import (
    ELLIPSIS,
    TELEGRAM_TEXT_LIMIT,
    clip,
    visible_length,
)
from storage.work.lead_records import LeadRecord

_BUDGET = TELEGRAM_TEXT_LIMIT - 300  # room for the title, status line, notes and reason

_FIELD_LIMIT = 300

_MESSAGE_LIMIT = 1500

EXTRA_KEY_LIMIT = 60

_MAX_EXTRA_LINES = 40  # a card is read at a glance; the rest follows for the owner

_MASK_MARGIN = 200  # characters past a limit searched too, for a contact across the cut

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


def marks(tr: Translator) -> Marks:
    return Marks(tr("card.hidden_phone"), tr("card.hidden_email"), tr("card.hidden_handle"))


class CardLines:
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
class RenderedFields:
    lines: CardLines
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


def render_fields(tr: Translator, title: Html, lead: LeadRecord, *, full: bool) -> RenderedFields:
    out = RenderedFields(CardLines(_BUDGET))
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
        shown_key, value = _one_line(clip(name, EXTRA_KEY_LIMIT)), clip(whole, _FIELD_LIMIT)
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
