"""multipart/form-data bodies (WordPress plugins, Elementor, landing builders). Pure.

Text parts are fields; file parts are not stored, only their names are kept. The standard
library's MIME parser reads the parts; the body size limit is enforced before this runs.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser


class MultipartError(ValueError):
    """Not a multipart body this parser can read."""


def multipart_pairs(
    body: bytes, boundary: str | None
) -> tuple[list[tuple[str, bytes, str | None]], list[str]]:
    """(field name, raw value, declared charset) for each text part, and the file names."""
    if not boundary:
        raise MultipartError("multipart body without a boundary in its Content-Type")
    header = f'Content-Type: multipart/form-data; boundary="{boundary}"\r\n\r\n'.encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(header + body)
    assert isinstance(message, EmailMessage)
    if not message.is_multipart():
        raise MultipartError("the body has no parts")
    fields: list[tuple[str, bytes, str | None]] = []
    files: list[str] = []
    for part in message.iter_parts():
        assert isinstance(part, EmailMessage)
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        if filename is not None:
            if filename.strip() or raw:
                files.append(filename.strip() or str(name or "file"))
            continue
        if isinstance(name, str):
            fields.append((name, raw, part.get_content_charset()))
    if not fields and not files:
        raise MultipartError("no form fields found between the boundaries")
    return fields, files
