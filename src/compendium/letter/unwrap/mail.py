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
from ..patterns import SALUTATION
from .lines import Builder, Lines, Result

_HEADER = re.compile(r"^(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|Message-ID|Organization)\s*:\s*(?P<v>.*)$", re.I)
_MAIL_ONLY = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\b\w+ at [\w-]+\.\w+|\b\d{1,2}:\d{2}(?::\d{2})?\b")
_FORWARD = re.compile(r"^(?:-{2,}\s*(?:Forwarded message|Original Message|Mensaje reenviado|Message transféré|"
                      r"Weitergeleitete Nachricht|Mensagem encaminhada)\s*-{2,}|Begin forwarded message:)\s*$", re.I)
_ARCHIVE = re.compile(r"^(?:[*•-]\s+)?(?:Previous message|Next message|Messages sorted by)\b.*$", re.I)
_RULE = re.compile(r"^[-_=]{10,}$")
_FOOTER = re.compile(r"mailing list|listinfo|/mailman/|unsubscribe|-------------- next part --------------", re.I)
_QUOTE = re.compile(r"^>[ ]?")
# A reply's attribution line above the quoted message ("On Fri, Apr 22, 2022 at 9:02 AM Jane
# <j@x.org> wrote:", "Le 3 mars 2022, Jean a écrit :", "Am 5. Mai 2020 schrieb Anna:").
_ATTRIBUTION = re.compile(r"^(?:On|Le|El|Em|Am)\b.{4,200}\b(?:wrote|a écrit|escribió|escreveu|schrieb)\s*:\s*$", re.I)
# The signature delimiter ("-- "): what follows, to the next blank line, is the sender's own
# signature (name, title, telephone, web address), not the letter's.
_SIG_DASH = re.compile(r"^--\s?$")
_SEPARATOR = re.compile(r"^[-_=*~]{3,}$")


def _letter_starts(text: list[str], k: int) -> bool:
    """A date line or a salutation among the next few lines after `k`."""
    nxt = [ln.strip().lstrip("> ").strip() for ln in text[k + 1:] if ln.strip().lstrip(">").strip()][:8]
    return any(parse_date_line(ln) or SALUTATION.match(ln) for ln in nxt)


# What a mail client or a list puts before a subject: "Fwd:", "RE:", "TR:", "WG:", "[list-name]".
_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:(?:fwd?|re|aw|tr|wg|rv|enc)\s*:|\[[^\]]{1,40}\]))+\s*", re.I)


# A subject that names only the kind of document ("Joint letter", "Open letter", "(no subject)")
# says nothing the letter's own subject line would: not a subject.
_GENERIC_SUBJECT = re.compile(r"^(?:\((?:no subject|sans objet|sin asunto)\)|(?:(?:the|our|a|joint|open|public|final|signed)\s+)*"
                              r"(?:letter|statement|text|version)s?)?\s*$", re.I)


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


def _headers(text: list[str], origin: list[int], blocks: list[tuple[int, int]], drop: dict[int, str]):
    """The header blocks dropped; the innermost header's date (raw line, date) and subject."""
    date = None
    subject = None
    for a, b in blocks:
        for k in range(a, b):
            drop[k] = "message header"
            m = _HEADER.match(text[k].strip())
            if m.group("key").lower() in ("date", "sent") and (d := _date_of(m.group("v"))):
                date = (origin[k], d)  # the innermost header's date: the letter's message
            topic = _SUBJECT_PREFIX.sub("", m.group("v")).strip()
            if m.group("key").lower() == "subject":  # the innermost header's too
                subject = None if _GENERIC_SUBJECT.match(topic) else topic
    return date, subject


def _forwarder_and_reply(text: list[str], quoted: list[int], drop: dict[int, str]) -> None:
    """What stands above a forwarded message, or above the letter quoted in a reply."""
    fwd = [k for k, ln in enumerate(text) if _FORWARD.match(ln.strip())]
    if fwd:
        for k in range(0, fwd[-1] + 1):
            drop.setdefault(k, "the forwarding message above the forwarded letter")
    attrib = [k for k, ln in enumerate(text) if _ATTRIBUTION.match(ln.strip())
              and k + 1 < len(text) and text[k + 1].startswith(">")]
    if attrib and len(quoted) >= 10:
        for k in range(0, attrib[0] + 1):
            drop.setdefault(k, "the reply above the quoted letter")


def _poster_note(text: list[str], quoted: list[int], drop: dict[int, str]) -> None:
    """The poster's note above the letter in a list message ("Dear colleagues, below is the
    text as sent. Marguerite"): ended by a separator line, or by the quoted letter, with
    the letter's date line or salutation right after it and none above it."""
    body = [k for k in range(len(text)) if k not in drop and text[k].strip()]
    for n, k in enumerate(body[:15]):
        ln = text[k].strip()
        rule = bool(_SEPARATOR.match(ln))
        if not (rule or (ln.startswith(">") and len(quoted) >= 10)):
            continue
        above = body[:n]
        if above and _letter_starts(text, k if rule else k - 1) and not any(parse_date_line(text[i].strip()) for i in above):
            for i in [*above, *([k] if rule else [])]:
                drop[i] = "the poster's note above the letter"
        break


def _sender_signature(text: list[str], drop: dict[int, str]) -> None:
    """What follows a signature delimiter ("-- "): the sender's signature, or the list's footer."""
    for k, ln in enumerate(text):
        if _SIG_DASH.match(ln) and k not in drop:
            j = k + 1
            while j < len(text) and text[j].strip() and j - k <= 6:
                j += 1
            footer = any(_FOOTER.search(text[i]) for i in range(k, j))
            for i in range(k, len(text) if footer else j):
                drop.setdefault(i, "mailing-list footer" if footer else "the sender's e-mail signature")


def _archive_header(text: list[str], origin: list[int], archive: list[int], drop: dict[int, str], date):
    """The archive's header block: everything down to the rule under 'Messages sorted by'; the
    date it gives, if the message headers gave none."""
    last = archive[-1]
    end = next((k for k in range(last + 1, min(len(text), last + 4)) if _RULE.match(text[k].strip())), last)
    for k in range(0, end + 1):
        drop.setdefault(k, "mailing-list archive header")
        if date is None and (d := _date_of(text[k].strip())):
            date = (origin[k], d)
    return date


def _list_footer(text: list[str], drop: dict[int, str]) -> None:
    """The list footer: from a rule or 'next part' line followed by the list's own lines, to the end."""
    for k in range(len(text)):
        if (_RULE.match(text[k].strip()) or "next part" in text[k]) and any(
                _FOOTER.search(text[j]) for j in range(k, min(len(text), k + 6))):
            for j in range(k, len(text)):
                drop.setdefault(j, "mailing-list footer")
            break


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    quoted = [k for k, ln in enumerate(text) if ln.startswith(">")]
    nonblank = sum(1 for ln in text if ln.strip())
    blocks = _header_blocks(text)
    archive = [k for k, ln in enumerate(text[:20]) if _ARCHIVE.match(ln.strip())]
    if not blocks and not archive and not (len(quoted) >= 10 and len(quoted) * 2 >= nonblank):
        return None
    drop: dict[int, str] = {}
    date, subject = _headers(text, origin, blocks, drop)
    _forwarder_and_reply(text, quoted, drop)
    _poster_note(text, quoted, drop)
    _sender_signature(text, drop)
    if archive:
        date = _archive_header(text, origin, archive, drop, date)
    _list_footer(text, drop)
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
    return out.result(date, subject)
