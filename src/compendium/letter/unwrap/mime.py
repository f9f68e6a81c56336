"""A raw e-mail source (an .eml file): RFC 5322 header lines, then a body that may be
quoted-printable or base64 encoded.

Recognised by its own syntax: the file opens (or a page pasted around it does, within its
first lines) with header fields, among them a MIME or a
transport header only a message source carries (MIME-Version, Content-Type, Received,
Return-Path, Message-ID, Delivered-To). Read with the standard library's `email` package;
the body of a single-part message is decoded line by line with `quopri`, a soft line break
('=' at a line's end) joining raw lines, so every decoded line keeps the raw line it starts
on. The Date and Subject headers are kept for a letter that gives neither."""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import quopri
import re

from .lines import Builder, Lines, Result
from .mail import _GENERIC_SUBJECT, _SUBJECT_PREFIX, _date_of

_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_SOURCE_ONLY = re.compile(r"^(?:MIME-Version|Content-Type|Content-Transfer-Encoding|Received|Return-Path|"
                          r"Message-ID|Delivered-To|DKIM-Signature|X-[A-Za-z-]+):", re.I)


def _header(text: list[str]) -> tuple[int, int] | None:
    """(first line, blank line ending it) of a header section only a message source writes,
    at the top of the file or under a few lines of a page it was pasted into."""
    for start in range(min(len(text), 15)):
        if not _FIELD.match(text[start]) or start and (_FIELD.match(text[start - 1]) or text[start - 1][:1] in (" ", "\t")):
            continue
        end = next((k for k in range(start, len(text)) if not text[k].strip()), None)
        if end is None:
            return None
        head = text[start:end]
        if any(_FIELD.match(h) for h in text[:start]):
            return None  # header fields above it: a section broken by wrapping, not its top
        if sum(bool(_SOURCE_ONLY.match(h)) for h in head) >= 2 and all(
                _FIELD.match(h) or h[:1] in (" ", "\t") for h in head):
            return start, end
    return None


def _decode_qp(body: list[str], origin: list[int], charset: str, out: Builder) -> None:
    """Quoted-printable lines decoded; a soft break joins a raw line to the next."""
    pending: list[str] = []
    start = None
    for ln, o in zip(body, origin):
        start = o if start is None else start
        if ln.endswith("="):
            pending.append(ln[:-1])
            continue
        raw = "".join(pending) + ln
        out.add(quopri.decodestring(raw.encode("ascii", "replace")).decode(charset, "replace"), start)
        pending, start = [], None
    if pending:
        out.add(quopri.decodestring("".join(pending).encode("ascii", "replace")).decode(charset, "replace"), start)


def _decode_base64(body: list[str], origin: list[int], charset: str, out: Builder) -> None:
    """A base64 body decoded whole: its lines all come from the body's first raw line on."""
    try:
        decoded = base64.b64decode("".join(b.strip() for b in body)).decode(charset, "replace")
    except (binascii.Error, ValueError):
        decoded = "\n".join(body)
    first = origin[0] if origin else 0
    for k, ln in enumerate(decoded.splitlines()):
        out.add(ln, origin[k] if k < len(origin) else first)


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    found = _header(text)
    if found is None:
        return None
    start, end = found
    msg = email.message_from_string("\n".join(text[start:end]) + "\n\n", policy=email.policy.default)
    if msg.is_multipart():
        return None  # the parts are read as the text they are
    out = Builder()
    for k in range(end):
        out.drop(origin[k], text[k], "message header" if k >= start else "page text above the message")
    encoding = (msg.get("Content-Transfer-Encoding") or "").strip().lower()
    charset = msg.get_content_charset() or "utf-8"
    body, borigin = text[end + 1:], origin[end + 1:]
    if encoding == "quoted-printable":
        _decode_qp(body, borigin, charset, out)
    elif encoding == "base64":
        _decode_base64(body, borigin, charset, out)
    else:
        for ln, o in zip(body, borigin):
            out.add(ln, o)
    while out.text and not out.text[0].strip():
        out.text.pop(0)
        out.origin.pop(0)
    date = None
    if msg.get("Date") and (d := _date_of(str(msg.get("Date")))):
        date = (origin[next(k for k in range(start, end) if text[k].lower().startswith("date:"))], d)
    topic = _SUBJECT_PREFIX.sub("", str(msg.get("Subject") or "")).strip()
    subject = None if _GENERIC_SUBJECT.match(topic) else topic
    return out.result(date, subject)
