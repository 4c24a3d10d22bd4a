"""Bodies built to be slow to read: each still becomes a lead, whole, with bounded work."""

from __future__ import annotations

import json

from bot.intake.multipart import multipart_pairs
from bot.intake.parse import parse_lead
from bot.intake.vk import read_vk
from bot.leads.fields import MAX_FIELDS, MORE_FIELDS, lead_from_pairs
from storage import LeadRecord, LeadRepo
from tests.conftest import World
from tests.intake.conftest import AUTH, Client
from tests.intake.test_sources import add_source

FORM = "application/x-www-form-urlencoded"


def nested_multipart(depth: int) -> tuple[bytes, str]:
    """A form with a name, then a part nesting multipart/mixed `depth` levels deep."""
    inner = b"x"
    for level in reversed(range(depth)):
        outer, nested = f"{level:x}".encode(), f"{level + 1:x}".encode()
        inner = b"--%b\nContent-Type:multipart/mixed;boundary=%b\n\n%b\n--%b--" % (
            outer,
            nested,
            inner,
            outer,
        )
    body = (
        b'--top\r\nContent-Disposition: form-data; name="name"\r\n\r\n'
        + "Иван".encode()
        + b'\r\n--top\r\nContent-Disposition: form-data; name="files"\r\n'
        + b"Content-Type: multipart/mixed; boundary=0\r\n\r\n"
        + inner
        + b"\r\n--top--\r\n"
    )
    assert len(body) < 64 * 1024
    return body, "top"


async def stored(world: World, response_id: int) -> LeadRecord:
    lead = await LeadRepo(world.db.conn).get(response_id)
    assert lead is not None
    return lead


async def test_sixteen_thousand_repeated_fields_make_one_lead_with_the_rest_folded(
    http: Client, world: World
) -> None:
    body = b"&".join([b"a=b"] * 16_000)
    response = await http.post("/leads", data=body, headers={**AUTH, "Content-Type": FORM})
    assert response.status == 201
    lead = await stored(world, (await response.json())["id"])
    extra = lead.fields.extra
    assert len(extra) == MAX_FIELDS + 1
    assert extra["a"] == "b" and extra[f"a ({MAX_FIELDS})"] == "b"
    # Nothing is dropped: the fields past the cap are kept, whole, in one.
    assert extra[MORE_FIELDS].split("\n") == ["a=b"] * (16_000 - MAX_FIELDS)


def test_repeated_names_are_numbered_in_order_and_a_literal_numbered_name_is_kept() -> None:
    fields = lead_from_pairs([("x", "1"), ("x (2)", "literal"), ("x", "2"), ("x", "3")])
    assert fields.extra == {"x": "1", "x (2)": "literal", "x (3)": "2", "x (4)": "3"}


async def test_multipart_nested_a_thousand_deep_is_read_flat(http: Client, world: World) -> None:
    body, boundary = nested_multipart(1_000)
    response = await http.post(
        "/leads",
        data=body,
        headers={**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status == 201
    lead = await stored(world, (await response.json())["id"])
    assert lead.fields.name == "Иван"
    assert lead.fields.extra == {"files": "files"}  # named, not opened


def test_a_multipart_body_of_thousands_of_parts_keeps_the_rest_as_one_field() -> None:
    part = b'--z\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'
    fields, files = multipart_pairs(part * 1_500 + b"--z--\r\n", "z")
    assert files == [] and len(fields) == MAX_FIELDS + 1
    name, rest, _ = fields[-1]
    assert name == MORE_FIELDS and rest.count(b'name="f"') == 500


def test_base64_and_quoted_printable_parts_are_decoded() -> None:
    body = (
        b'--z\r\nContent-Disposition: form-data; name="name"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n0JjQstCw0L0=\r\n"
        b'--z\r\nContent-Disposition: form-data; name="message"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\nhello=20world\r\n--z--\r\n"
    )
    parsed = parse_lead("multipart/form-data", None, body, "z")
    assert parsed.fields is not None
    assert (parsed.fields.name, parsed.fields.message) == ("Иван", "hello world")


def vk_lead(answer: object) -> bytes:
    event = {
        "type": "lead_forms_new",
        "secret": "k3y",
        "object": {
            "lead_id": 7,
            "group_id": 1,
            "answers": [
                {"key": "first_name", "answer": "Дарья"},
                {"key": "custom", "question": "Что нужно?", "answer": answer},
            ],
        },
    }
    return json.dumps(event).encode()


def test_a_vk_answer_nested_450_deep_is_read_to_a_bounded_depth() -> None:
    answer: object = "глубоко"
    for _ in range(450):
        answer = [answer]
    event = read_vk(vk_lead(answer))
    assert ("name", "Дарья") in event.pairs
    assert ("Что нужно?", "") in event.pairs  # past the bound: left out, not a crash


async def test_a_vk_lead_nested_deep_arrives_over_http(http: Client, world: World) -> None:
    secret = await add_source(world, "vk_ads vk confirm=c0de secret=k3y")
    answer: object = {"value": "x"}
    for _ in range(450):
        answer = {"value": answer}
    response = await http.post(f"/leads/{secret}", data=vk_lead(answer))
    assert (response.status, await response.text()) == (200, "ok")
    assert (await stored(world, 1)).fields.name == "Дарья"
