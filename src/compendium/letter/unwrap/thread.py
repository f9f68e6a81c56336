"""A thread of social-media posts (Mastodon, X, Bluesky) copied from the page: a letter posted in
parts, each part under its author's display name, handle and time, and over its counts of
replies, boosts and favourites.

Recognised by its handle (`@name@server.example` or `@name`) on a line of its own at two posts
or more. Each post's header (the display name over the handle, the handle, the time under it, a
thread counter such as '🧵 1/6' or '2/6') and its counts line ('↩ 3  🔁 41  ⭐ 52') are the
page's, not the letter's; a post ends its paragraph. A counter opening a post's text ('6/6 …')
comes off the text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lines import Builder, Lines, Result

_HANDLE = re.compile(r"^\s*@[A-Za-z0-9_.]{1,40}(?:@[\w-]+(?:\.[\w-]+)+)?\s*$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d+\s*(?:s|m|h|d|min|hr)s?\b(?:\s+ago)?$", re.I)
_COUNTER = re.compile(r"^\s*(?:🧵\s*)?\d{1,3}\s*/\s*\d{1,3}\s*$")
_COUNTER_OPENING = re.compile(r"^\s*(?:🧵\s*)?\d{1,3}\s*/\s*\d{1,3}\s+(?=\S)")


def is_counts(line: str) -> bool:
    """A post's counts line: digits and symbols ('↩ 3  🔁 41  ⭐ 52'), no letters."""
    s = line.strip()
    return (bool(s) and not any(c.isalpha() for c in s) and any(c.isdigit() for c in s)
            and any(unicodedata.category(c) == "So" for c in s))


def headers(text: list[str]) -> dict[int, str]:
    """The lines of each post's header, by index, with the reason each is the page's."""
    handles = [k for k, ln in enumerate(text) if _HANDLE.match(ln)]
    if len(handles) < 2 or len({text[k].strip() for k in handles}) > len(handles) // 2:
        return {}
    names = Counter(text[k - 1].strip() for k in handles if k > 0 and text[k - 1].strip())
    name = names.most_common(1)[0][0] if names else None
    out: dict[int, str] = {}
    for k in handles:
        out[k] = "the post's handle"
        if k > 0 and text[k - 1].strip() == name:
            out[k - 1] = "the post's author"
        j = k + 1
        if j < len(text) and _TIME.search(text[j]) and len(text[j].split()) <= 6:
            out[j] = "the post's time"
            j += 1
        if j < len(text) and _COUNTER.match(text[j]):
            out[j] = "the thread's counter"
    for k, ln in enumerate(text):
        if is_counts(ln):
            out[k] = "the post's counts of replies, boosts and favourites"
    return out


def unwrap(lines: Lines) -> Result | None:
    found = headers(lines.text)
    if not found:
        return None
    out = Builder()
    for k, (raw, origin) in enumerate(zip(lines.text, lines.origin)):
        if k in found:
            out.drop(origin, raw, found[k])
            out.blank(origin)  # a post ends its paragraph
            continue
        line = raw
        if k > 0 and found.get(k - 1) in ("the post's time", "the thread's counter", "the post's handle"):
            line = _COUNTER_OPENING.sub("", line)
        out.add(line, origin)
    return out.result()
