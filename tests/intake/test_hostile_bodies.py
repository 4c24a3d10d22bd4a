"""Whatever a sender posts, the intake answers 2xx or a 4xx with a message; never a 5xx, and
never a stored lead that is junk. Driven through the real aiohttp app on 127.0.0.1."""

from __future__ import annotations

import json
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.leads.fields import is_lead
from storage import LeadRepo
from tests.conftest import World
from tests.dispatcher.conftest import lead_count
from tests.intake.conftest import AUTH, Client

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.text(min_size=190, max_size=260)  # around the field limits
)
keys = st.sampled_from(["name", "Имя", "phone", "e-mail", "message", "external_id", "utm_source"])
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(keys | st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=15,
)


def deeply_nested(depth: int) -> bytes:
    return (b'{"name":' * depth) + b'"x"' + (b"}" * depth)


json_bodies = (
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode())
    | st.integers(min_value=100, max_value=100_000).map(deeply_nested)
    | st.binary(max_size=200)
    | st.just(b"")
)
form_bodies = st.lists(
    st.tuples(keys | st.text(max_size=12), st.binary(max_size=60)), max_size=6
).map(
    lambda pairs: "&".join(
        f"{quote_from_bytes(k.encode())}={quote_from_bytes(v)}" for k, v in pairs
    ).encode()
)
content_types = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=cp1251",
        "application/json; charset=no-such-charset",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "text/plain",
        "multipart/form-data; boundary=x",
        "",
    ]
)
requests = st.one_of(
    st.tuples(content_types, json_bodies),
    st.tuples(content_types, form_bodies),
)


@pytest.mark.slow
@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(request=requests)
async def test_no_body_ever_causes_a_5xx_or_a_junk_lead(
    http: Client, world: World, request: tuple[str, bytes]
) -> None:
    content_type, body = request
    before = await lead_count(world)
    headers = {**AUTH, "Content-Type": content_type} if content_type else AUTH
    response = await http.post("/leads", data=body, headers=headers)
    answer = await response.json()
    assert response.status in {200, 201, 400, 413, 415}, answer
    created = await lead_count(world) - before
    if response.status == 201:
        # A repeat of an earlier example's client joins that open lead (`duplicate_window`).
        assert created == (0 if answer.get("duplicate") else 1)
        lead = await LeadRepo(world.db.conn).get(answer["id"])
        assert lead is not None and is_lead(lead.fields)
    else:
        assert created == 0
    if response.status >= 400:
        assert isinstance(answer["error"], str) and answer["error"]
