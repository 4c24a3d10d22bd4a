"""What the worst bodies under the size limit cost, against an ordinary form, same run.

    python -m bench.bodies [--rounds 5]

For each body: the time to read it into lead fields (parse_lead, as the intake runs it,
off the event loop), the time of the whole POST /leads on 127.0.0.1, and the longest the
event loop went without running while that request was handled (a ticker that wakes every
millisecond measures it). Every body must still become a lead (201).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.intake import TOKEN, bench_app
from bot.actions.intake import IntakeService
from bot.clock import SystemClock
from bot.delivery.signal import OutboxSignal
from bot.intake.parse import MAX_BODY_BYTES, parse_lead
from bot.intake.server import ConnectionLimits, serve
from bot.people import Roles
from bot.runtime.build import build_core
from storage import Database, TeamRepo

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
LIMIT = MAX_BODY_BYTES - 64


def _fill(unit: bytes, joiner: bytes = b"&") -> bytes:
    return joiner.join([unit] * ((LIMIT + len(joiner)) // (len(unit) + len(joiner))))


def _nested_multipart() -> bytes:
    inner = b"x"
    level = 0
    while True:
        outer, nested = f"{level:x}".encode(), f"{level + 1:x}".encode()
        wrapped = b"--%b\nContent-Type:multipart/mixed;boundary=%b\n\n%b\n--%b--" % (
            outer, nested, inner, outer
        )  # fmt: skip
        if len(wrapped) > LIMIT - 200:
            break
        inner, level = wrapped, level + 1
    return (
        b'--top\r\nContent-Disposition: form-data; name="name"\r\n\r\nIvan\r\n'
        b'--top\r\nContent-Disposition: form-data; name="f"\r\n'
        b"Content-Type: multipart/mixed; boundary=0\r\n\r\n" + inner + b"\r\n--top--\r\n"
    )


def bodies() -> dict[str, tuple[str, bytes]]:
    ordinary = "name=Иван&phone=%2B7+912+345-67-89&email=i%40x.ru&Комментарий=Нужен+расчёт"
    part = b'--z\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'
    return {
        "ordinary form (baseline)": (FORM, ordinary.encode()),
        "16k repeated a=b": (FORM, _fill(b"a=b")),
        "distinct keys k1=v..": (FORM, b"&".join(f"k{i}=v".encode() for i in range(9000))[:LIMIT]),
        "brackets a[b][c]..": (FORM, b"name=Ivan&a" + b"[b]" * ((LIMIT - 20) // 3) + b"=1"),
        "multipart, 1 KiB parts x64": (
            "multipart/form-data; boundary=z",
            part.replace(b"v", b"v" * 900) * 60 + b"--z--\r\n",
        ),
        "multipart, tiny parts": ("multipart/form-data; boundary=z", _fill(part, b"")),
        "multipart nested": ("multipart/form-data; boundary=top", _nested_multipart()),
        "JSON, flat 4k keys": (JSON, json.dumps({f"k{i}": "v" for i in range(4000)}).encode()),
        "JSON, list of 10k": (JSON, json.dumps({"name": "Ivan", "x": ["v"] * 12000}).encode()),
        "JSON, one 55 KiB text": (
            JSON,
            json.dumps({"message": "слово " * 5000}, ensure_ascii=False).encode(),
        ),
        "JSON, disguises": (JSON, json.dumps({"message": "a at b dot " * 5800}).encode()),
        "text/plain words": ("text/plain; charset=utf-8", ("Иван, " + "x " * 30000).encode()),
    }


async def stall_while(work: asyncio.Future[aiohttp.ClientResponse]) -> float:
    """The longest gap between wake-ups of a 1 ms ticker while `work` runs, in ms."""
    worst = 0.0
    last = time.perf_counter()
    while not work.done():
        await asyncio.sleep(0.001)
        now = time.perf_counter()
        worst = max(worst, now - last - 0.001)
        last = now
    return worst * 1000


async def main(rounds: int) -> None:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.db")
        signal = OutboxSignal()
        roles = Roles(frozenset({1}))
        distributor = build_core(roles, "Europe/Moscow").distributor
        async with db.unit():
            await TeamRepo(db.conn).create(-1, "Bench", "ru", 1, clock.now())
        app = bench_app(db, clock, IntakeService(db, distributor), signal, roles)
        runner = await serve(app, "127.0.0.1", 0, ConnectionLimits())
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/leads"
        rows: list[tuple[str, int, float, float, float]] = []
        async with aiohttp.ClientSession() as http:
            for name, (content_type, body) in bodies().items():
                kind, _, params = content_type.partition(";")
                boundary = params.partition("boundary=")[2] or None
                parse: list[float] = []
                post: list[float] = []
                stall: list[float] = []
                for _ in range(rounds):
                    started = time.perf_counter()
                    parse_lead(kind.strip(), None, body, boundary)
                    parse.append(time.perf_counter() - started)
                    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}
                    started = time.perf_counter()
                    request = asyncio.ensure_future(http.post(url, data=body, headers=headers))
                    stall.append(await stall_while(request))
                    response = await request
                    post.append(time.perf_counter() - started)
                    assert response.status == 201, (name, response.status, await response.text())
                median = statistics.median
                rows.append((name, len(body), median(parse), median(post), max(stall)))
        await runner.cleanup()
        await db.close()
    base_parse, base_post = rows[0][2], rows[0][3]
    print(f"{'body':<28}{'bytes':>7}{'parse ms':>10}{'×':>7}{'POST ms':>9}{'×':>6}{'stall ms':>10}")
    for name, size, parse_s, post_s, stall_ms in rows:
        print(
            f"{name:<28}{size:>7}{parse_s * 1000:>10.2f}{parse_s / base_parse:>7.0f}"
            f"{post_s * 1000:>9.1f}{post_s / base_post:>6.1f}{stall_ms:>10.1f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    asyncio.run(main(parser.parse_args().rounds))
