"""E-mails and mailing-list archive pages: header blocks, forwarded-message separators,
quoting markers and list footers are the message's, not the letter's.

A header block (From, Sent, Date, To, Cc, Subject) is told from a memo's header by what
only mail carries: an address (`a@b.org`, `a at b.org`) or a time of day. Its date is kept:
it dates the letter when the letter gives no date of its own. Text above a forwarded
message is the forwarder's note; quoting markers ('> ') are taken off when most lines
carry them."""

from __future__ import annotations

import email.utils
import re

from ..dates import parse_date_line
from .lines import Builder, Lines, Result

_HEADER = re.compile(r"^(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|Message-ID|Organization)\s*:\s*(?P<v>.*)$", re.I)
_MAIL_ONLY = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\b\w+ at [\w-]+\.\w+|\b\d{1,2}:\d{2}(?::\d{2})?\b")
_FORWARD = re.compile(r"^(?:-{2,}\s*(?:Forwarded message|Original Message|Mensaje reenviado|Message transféré|"
                      r"Weitergeleitete Nachricht|Mensagem encaminhada)\s*-{2,}|Begin forwarded message:)\s*$", re.I)
_ARCHIVE = re.compile(r"^(?:Previous message|Next message|Messages sorted by)\b.*$", re.I)
_RULE = re.compile(r"^[-_=]{10,}$")
_FOOTER = re.compile(r"mailing list|listinfo|/mailman/|unsubscribe|-------------- next part --------------", re.I)
_QUOTE = re.compile(r"^>[ ]?")


def _header_blocks(text: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of two or more header lines that only mail would write."""
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and _HEADER.match(text[j].strip()):
            j += 1
        if j - i >= 2 and any(_MAIL_ONLY.search(text[k]) for k in range(i, j)):
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _date_of(value: str):
    try:
        d = email.utils.parsedate_to_datetime(value)
        return d.date()
    except (TypeError, ValueError, IndexError):
        pass
    # The time of day, with the word a mail client puts before it ("Tue, 17 Oct 2023 at 14:32",
    # "Tue, Jun 17, 2025 at 9:42 AM"), is not part of the date.
    return parse_date_line(re.sub(r"(?:,?\s+(?i:at|um|à|a las|às))?\s*\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*(?:[A-Z]{2,5}|[+-]\d{4})?",
                                  " ", value).strip(" ,"))


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    quoted = [k for k, ln in enumerate(text) if ln.startswith(">")]
    nonblank = sum(1 for ln in text if ln.strip())
    blocks = _header_blocks(text)
    archive = [k for k, ln in enumerate(text[:20]) if _ARCHIVE.match(ln.strip())]
    if not blocks and not archive and not (len(quoted) >= 10 and len(quoted) * 2 >= nonblank):
        return None
    drop: dict[int, str] = {}
    date = None
    fwd = [k for k, ln in enumerate(text) if _FORWARD.match(ln.strip())]
    for a, b in blocks:
        for k in range(a, b):
            drop[k] = "message header"
            m = _HEADER.match(text[k].strip())
            if m.group("key").lower() in ("date", "sent") and (d := _date_of(m.group("v"))):
                date = (origin[k], d)  # the innermost header's date: the letter's message
    if fwd:
        for k in range(0, fwd[-1] + 1):
            drop.setdefault(k, "the forwarding message above the forwarded letter")
    if archive:
        # The archive's header block: everything down to the rule under 'Messages sorted by'.
        last = archive[-1]
        end = next((k for k in range(last + 1, min(len(text), last + 4)) if _RULE.match(text[k].strip())), last)
        for k in range(0, end + 1):
            drop.setdefault(k, "mailing-list archive header")
            if date is None and (d := _date_of(text[k].strip())):
                date = (origin[k], d)
    # The list footer: from a rule or 'next part' line followed by the list's own lines, to the end.
    for k in range(len(text)):
        if (_RULE.match(text[k].strip()) or "next part" in text[k]) and any(
                _FOOTER.search(text[j]) for j in range(k, min(len(text), k + 6))):
            for j in range(k, len(text)):
                drop.setdefault(j, "mailing-list footer")
            break
    strip_quotes = len(quoted) >= 3 and len(quoted) * 2 >= sum(1 for k, ln in enumerate(text) if ln.strip() and k not in drop)
    out = Builder()
    for k, ln in enumerate(text):
        if k in drop:
            out.drop(origin[k], ln, drop[k])
            continue
        if strip_quotes:
            ln = _QUOTE.sub("", ln)
        if not out.text and not ln.strip():
            continue
        out.add(ln, origin[k])
    return out.result(date)
