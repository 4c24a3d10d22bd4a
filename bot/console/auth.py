"""Who opened the console. Telegram signs the Mini App's launch data (initData) with a key
made from the bot's token; each API request carries it as `Authorization: tma <initData>`.
The signature is checked as Telegram documents it (aiogram's `safe_parse_webapp_init_data`),
and so is its age, which aiogram leaves to us: launch data stays valid for as long as the
page is open, so a copy leaked from a day ago must not open the console."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from aiogram.utils.web_app import safe_parse_webapp_init_data

MAX_AGE = timedelta(days=1)
# A phone whose clock runs a little ahead signs nothing: Telegram's servers stamp the
# date. A date ahead by more than this was not made by Telegram for this bot.
CLOCK_SKEW = timedelta(minutes=5)
MAX_INIT_DATA = 4096  # bytes: Telegram's launch data is well under 1 KiB


@dataclass(frozen=True)
class Opener:
    """The Telegram user the launch data names."""

    user_id: int
    full_name: str
    username: str | None
    language_code: str | None


class Refused(Exception):
    """The request does not prove who sent it; `str(error)` says why, for the answer."""


def opener(header: str, token: str, now: datetime) -> Opener:
    """The user an `Authorization: tma …` header proves, or Refused."""
    scheme, _, data = header.strip().partition(" ")
    data = data.strip()
    if scheme.lower() != "tma" or not data:
        raise Refused("missing launch data: send Authorization: tma <initData>")
    if len(data) > MAX_INIT_DATA:
        raise Refused("launch data is too long")
    try:
        init = safe_parse_webapp_init_data(token, data)
    except ValueError:
        # A forged or altered copy, or one signed for another bot: the same answer to all.
        raise Refused("launch data is not signed by Telegram for this bot") from None
    user = init.user
    if user is None:
        raise Refused("launch data names no user")
    signed = init.auth_date if init.auth_date.tzinfo else init.auth_date.replace(tzinfo=UTC)
    if now - signed > MAX_AGE:
        raise Refused("launch data is older than a day: open the console again")
    if signed - now > CLOCK_SKEW:
        raise Refused("launch data is dated in the future")
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    return Opener(user.id, name, user.username, user.language_code)
