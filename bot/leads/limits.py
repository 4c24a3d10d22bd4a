"""How much of each field a lead may carry. Pure.

Real form entries are far below these; anything above is a broken or hostile sender, and
storing it would only bloat the database and the cards.
"""

from __future__ import annotations

from storage.leads import KNOWN_FIELDS, LeadFields

MESSAGE_LIMIT = 5000
FIELD_LIMITS: dict[str, int] = {
    "name": 200,
    "phone": 50,
    "email": 254,  # the longest address RFC 5321 allows
    "company": 300,
    "tax_id": 50,
    "message": MESSAGE_LIMIT,
    "channel": 200,
    "industry": 200,
    "region": 200,
    "product": 300,
    "external_id": 200,
}
EXTRA_KEY_LIMIT = 100
EXTRA_VALUE_LIMIT = 2000
MAX_EXTRA_FIELDS = 50

assert set(FIELD_LIMITS) == set(KNOWN_FIELDS)


def over_limits(lead: LeadFields) -> list[str]:
    """What is too long or too many, in words a site owner can act on; empty if all fits."""
    problems = []
    for name, limit in FIELD_LIMITS.items():
        value = getattr(lead, name)
        if value is not None and len(value) > limit:
            problems.append(f"{name!r} is longer than {limit} characters")
    if len(lead.extra) > MAX_EXTRA_FIELDS:
        problems.append(f"more than {MAX_EXTRA_FIELDS} extra fields")
    for key, value in lead.extra.items():
        if len(key) > EXTRA_KEY_LIMIT:
            problems.append(f"a field name is longer than {EXTRA_KEY_LIMIT} characters")
        elif len(value) > EXTRA_VALUE_LIMIT:
            problems.append(f"{key!r} is longer than {EXTRA_VALUE_LIMIT} characters")
    return problems
