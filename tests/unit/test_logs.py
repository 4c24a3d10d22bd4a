from __future__ import annotations

import io
import logging

from bot.runtime.logs import HIDDEN, Redactor

TOKEN = "123456:AAEhBOweik9ai2o9-secret-half"


def logged(redactor: Redactor, emit: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(redactor)
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        assert callable(emit)
        emit(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_the_token_is_hidden_in_messages_arguments_and_tracebacks() -> None:
    redactor = Redactor([TOKEN])

    def emit(logger: logging.Logger) -> None:
        logger.warning("GET /bot%s/getMe failed", TOKEN)
        try:
            raise RuntimeError(f"page for /bot{TOKEN.replace(':', '%3A')}/sendMessage")
        except RuntimeError:
            logger.exception("and the half alone: %s", TOKEN.partition(":")[2])

    text = logged(redactor, emit)
    assert TOKEN not in text and TOKEN.partition(":")[2] not in text
    assert text.count(HIDDEN) == 3 and "Traceback" in text


def test_short_secrets_are_not_used_to_blank_out_words() -> None:
    assert Redactor(["ab"]).redact("abc") == "abc"
