"""Logging that never writes a secret.

The bot token is part of every Bot API URL, and errors quote URLs: an HTML error page from
a proxy (a 404 or 502 that names the path), aiohttp's own errors, a traceback's locals.
One filter on every handler of the root logger replaces each secret, in the message and in
the traceback, before anything is written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import quote

HIDDEN = "<hidden>"
# A secret this short would blank out ordinary words; every secret we hold is longer.
_SHORTEST_SECRET = 8


class Redactor(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        found: set[str] = set()
        for secret in secrets:
            # The token's secret half alone, and the token as it appears in a URL, too.
            for form in (secret, secret.partition(":")[2], quote(secret, safe="")):
                if len(form) >= _SHORTEST_SECRET:
                    found.add(form)
        # Longest first: the whole token before its half.
        self._secrets = sorted(found, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, HIDDEN)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = self.redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(*secrets: str) -> Redactor:
    """Put the filter on every handler the root logger has now (set up logging first)."""
    redactor = Redactor(secret for secret in secrets if secret)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    return redactor
