"""Lead cards as Telegram HTML: the public card in the team chat and the owner's full copy.

Every value a client typed is escaped, and long values are cut, so that a card always fits
Telegram's 4096-character limit and always shows what was typed, literally. What is cut from
the owner's copy follows it in full, in further messages: nothing typed is out of reach.
"""

from __future__ import annotations

from html import escape

from bot.durations import format_duration
from bot.i18n import Html, Translator
from bot.presentation.card_fields import EXTRA_KEY_LIMIT, render_fields
from bot.presentation.text_size import (
    chunks_of,
    clip,
)
from storage.work.lead_records import LeadRecord, LeadStatus

_FULL_TEXT_CHUNK = 3500  # UTF-16 units of a long text in one follow-up, under the limit


def _public(lead: LeadRecord, title: Html, tr: Translator) -> Html:
    rendered = render_fields(tr, title, lead, full=False)
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
    """The team card after a claim: same facts, plus who took it and how long it waited,
    and once the client was reached, how soon."""
    assert lead.taken_at is not None
    waited = format_duration(lead.taken_at - lead.created_at, tr)
    status = tr("card.taken", name=clip(owner_name, 64), waited=waited)
    if lead.contacted_at is not None:
        status = Html(f"{status}\n{contacted_line(lead, tr)}")
    return with_status(team_card(lead, tr), status)


def contacted_line(lead: LeadRecord, tr: Translator) -> Html:
    """ "📞 С клиентом связались через 4 мин после заявки" (wall-clock time)."""
    assert lead.contacted_at is not None
    return tr("contact.done", wait=format_duration(lead.contacted_at - lead.created_at, tr))


def returned_card(
    lead: LeadRecord, owner_name: str, tr: Translator, why: Html | None = None
) -> Html:
    """The old card of a lead that went back to the team: the fresh card is further down.
    `why` it left its owner; by default, the bot could not write to them."""
    shown = team_card(lead, tr, former=True)
    name = clip(owner_name, 64)
    if why is None:
        return with_status(shown, tr("card.returned", name=name))
    return with_status(shown, tr("card.returned_why", why=why, name=name))


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
    rendered = render_fields(tr, heading or tr("dm.title", id=lead.id), lead, full=True)
    lines = rendered.lines.parts
    if rendered.cut:
        lines.append(tr("card.cut_owner"))
    lines += ["", tr("dm.source", source=tr("source." + lead.source.value))]
    lines.append(footer or tr("dm.reason", reason=reason))
    if lead.contacted_at is not None:
        lines.append(contacted_line(lead, tr))
    messages = [Html("\n".join(lines))]
    for label, value in rendered.left_over:
        chunks = chunks_of(value, _FULL_TEXT_CHUNK)
        for part, chunk in enumerate(chunks, start=1):
            heading = tr(
                "card.full_text",
                id=lead.id,
                field=clip(label, EXTRA_KEY_LIMIT),
                part=part,
                total=len(chunks),
            )
            messages.append(Html(f"{heading}\n{escape(chunk)}"))
    return messages
