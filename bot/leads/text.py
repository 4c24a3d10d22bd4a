"""Leads written by hand (/newlead) or forwarded: read fields out of free text. Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.leads.contacts import find_email, find_phone, is_email, is_phone
from bot.leads.fields import canonical_field, clean, lead_from_pairs
from bot.leads.names import looks_like_name
from storage.work.lead_records import LeadFields

_LABELLED_LINE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.+?)\s*$")
_LEGAL_FORM = re.compile(
    r"^(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|НКО|ГУП|МУП|ФГУП|LLC|Ltd|Inc|GmbH|JSC)(?:\s|[\"«“]|$)",
    re.IGNORECASE,
)


def _split_first_line(line: str, guess_name: bool) -> tuple[dict[str, str], str]:
    """Comma-separated parts of the first line that are a field on their own, and the rest
    of the line as it was written: a comma inside the request ("бюджет 1,5 млн") stays."""
    found: dict[str, str] = {}
    rest: list[str] = []
    segments = [segment for segment in line.split(",") if segment.strip()]
    for index, segment in enumerate(segments):
        part = segment.strip()
        if "company" not in found and _LEGAL_FORM.match(part):
            found["company"] = part
        elif index == 0 and guess_name and looks_like_name(part):
            found["name"] = part
        elif "phone" not in found and is_phone(part):
            found["phone"] = part
        elif "email" not in found and is_email(part):
            found["email"] = part
        else:
            rest.append(segment)
    return found, ",".join(rest).strip()


def lead_from_text(text: str, *, guess_name: bool = True) -> LeadFields:
    """Lines like `Телефон: +7 ...` fill their fields; on the first line, comma-separated
    parts that are plainly a name (first), a phone, an e-mail or a company fill those; the
    rest is the client's request. A phone or e-mail inside the request fills its field too
    (the public card hides it there)."""
    labelled: list[tuple[str, str]] = []
    body: list[str] = []
    for line in clean(text).splitlines():
        match = _LABELLED_LINE.match(line)
        if match and canonical_field(match.group(1)) is not None:
            labelled.append((match.group(1), match.group(2)))
        else:
            body.append(line)
    fields = lead_from_pairs(labelled)
    if body:
        found, rest = _split_first_line(body[0], guess_name)
        for field, value in found.items():
            if getattr(fields, field) is None:
                fields = replace(fields, **{field: value})  # type: ignore[arg-type]
        body = [rest, *body[1:]] if rest else body[1:]
    message = "\n".join(body).strip()
    if message:
        joined = f"{fields.message}\n{message}" if fields.message else message
        fields = replace(fields, message=joined)
    request = fields.message or ""
    if fields.phone is None and (phone := find_phone(request)):
        fields = replace(fields, phone=phone)
    if fields.email is None and (email := find_email(request)):
        fields = replace(fields, email=email)
    return fields
