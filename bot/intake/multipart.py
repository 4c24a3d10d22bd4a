"""multipart/form-data bodies (WordPress plugins, Elementor, landing builders). Pure.

Text parts are fields; file parts are not stored, only their names are kept. The body is
read in one flat pass: a part that is itself multipart (the old `multipart/mixed` way of
sending several files under one name) is not opened, only named, so that no body costs
more than a walk over its bytes however it nests. The body size limit is enforced before
this runs; past `MAX_FIELDS` parts the rest is kept whole as one field.
"""

from __future__ import annotations

import binascii
import quopri
from email.message import Message
from email.parser import HeaderParser

from bot.leads.fields import MAX_FIELDS, MORE_FIELDS

Part = tuple[str, bytes, str | None]  # field name, raw value, declared charset


class MultipartError(ValueError):
    """Not a multipart body this parser can read."""


_HEADERS = HeaderParser()
# Browsers put a field's name and a file's name into the part's headers as raw UTF-8
# (`name="Имя"`); sites that predate UTF-8 send them in windows-1251.
_HEAD_CHARSETS = ("utf-8", "windows-1251")


def _headers(head: bytes) -> Message:
    for charset in _HEAD_CHARSETS:
        try:
            return _HEADERS.parsestr(head.decode(charset))
        except UnicodeDecodeError:
            continue
    return _HEADERS.parsestr(head.decode("latin-1"))


_TEXTUAL = frozenset({"application/json", "application/xml", "application/x-www-form-urlencoded"})


def _is_file(headers: Message, filename: str | None) -> bool:
    """A file: it says its file name, it is multipart itself, or it says it is no text (a
    photo sent without a file name is still a photo, not a field full of bytes)."""
    declared = headers.get("content-type") is not None
    textual = headers.get_content_maintype() == "text" or headers.get_content_type() in _TEXTUAL
    return (
        filename is not None
        or headers.get_content_maintype() == "multipart"
        or (declared and not textual)
    )


def _split_head(section: bytes) -> tuple[bytes, bytes]:
    """A part's header block and its payload; a part may use bare LF line ends."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        head, found, payload = section.partition(separator)
        if found:
            return head, payload
    return section, b""


def _trim(section: bytes) -> bytes:
    """A part between two delimiters, without the line break on either side."""
    if section.startswith(b"\r\n"):
        section = section[2:]
    elif section.startswith(b"\n"):
        section = section[1:]
    if section.endswith(b"\r\n"):
        return section[:-2]
    return section[:-1] if section.endswith(b"\n") else section


def _payload(headers: Message, raw: bytes) -> bytes:
    """The value as sent; browsers send it as is, some mailers' libraries encode it."""
    encoding = str(headers.get("content-transfer-encoding", "")).strip().casefold()
    try:
        if encoding == "base64":
            return binascii.a2b_base64(raw)
        if encoding == "quoted-printable":
            return quopri.decodestring(raw)
    except (binascii.Error, ValueError):
        return raw
    return raw


def multipart_pairs(body: bytes, boundary: str | None) -> tuple[list[Part], list[str]]:
    """(field name, raw value, declared charset) for each text part, and the file names."""
    if not boundary:
        raise MultipartError("multipart body without a boundary in its Content-Type")
    delimiter = b"--" + boundary.encode("latin-1", "replace")
    sections = body.split(delimiter)
    if len(sections) < 2:
        raise MultipartError("the body has no parts")
    fields: list[Part] = []
    files: list[str] = []
    parts = sections[1:]
    for index, section in enumerate(parts):
        if section.startswith(b"--"):
            break  # the closing delimiter; what follows is an epilogue
        if len(fields) + len(files) >= MAX_FIELDS:
            rest = delimiter.join(parts[index:])
            fields.append((MORE_FIELDS, rest, None))
            break
        head, raw = _split_head(_trim(section))
        headers = _headers(head)
        name = headers.get_param("name", header="content-disposition")
        filename = headers.get_filename()
        if _is_file(headers, filename):
            if (filename or "").strip() or raw.strip():
                files.append(
                    (filename or "").strip() or (name if isinstance(name, str) else "file")
                )
            continue
        if isinstance(name, str):
            fields.append((name, _payload(headers, raw), headers.get_content_charset()))
    if not fields and not files:
        raise MultipartError("no form fields found between the boundaries")
    return fields, files
