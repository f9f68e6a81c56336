"""A JSON document (a CMS's REST API answer, an export) whose letter is an HTML string in it.

Recognised by its own syntax: from its first line opening with '{' or '[', the text parses
with the standard library's `json` (a page's lines around a pasted answer are dropped).
The string value holding the most HTML block tags is the letter's body; its lines are
the HTML step's to read, so this step hands on the string itself, each of its lines
mapped to the raw line that holds the string (the JSON's own line breaks are not the
letter's). Every other line of the file is the container's."""

from __future__ import annotations

import json

from .html import _DOCUMENT
from .lines import Builder, Lines, Result


def _strings(value, path=()):
    """(path, string) for every string value in a parsed JSON document."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list):
        for k, v in enumerate(value):
            yield from _strings(v, (*path, k))


def _raw_line(text: list[str], value: str) -> int:
    """The raw line whose JSON member holds `value` (0 for a document on one line)."""
    for k, ln in enumerate(text):
        member = ln.strip().rstrip(",")
        if value[:20] and ":" in member:
            try:
                if value in json.loads("{" + member + "}").values():
                    return k
            except ValueError:
                continue
    return 0


def _document(text: list[str]):
    """(first line, last line, parsed value) of the JSON document in the text: it starts on
    the first line opening with '{' or '[' and ends where the parser says; lines around it
    (a page's chrome around a pasted answer) are not part of it."""
    start = next((k for k, ln in enumerate(text) if ln.lstrip()[:1] in ("{", "[")), None)
    if start is None:
        return None
    body = "\n".join(text[start:])
    lead = len(body) - len(body.lstrip())
    try:
        doc, end = json.JSONDecoder().raw_decode(body, lead)
    except ValueError:
        return None
    return start, start + body.count("\n", 0, end), doc


def unwrap(lines: Lines) -> Result | None:
    found = _document(lines.text)
    if found is None:
        return None
    first, last, doc = found
    scored = [(len(_DOCUMENT.findall(s)), len(s), s) for _, s in _strings(doc)]
    best = max(scored, default=(0, 0, ""))
    if best[0] < 2:
        return None
    at = first + _raw_line(lines.text[first:last + 1], best[2])
    out = Builder()
    for k, ln in enumerate(lines.text):
        if k != at:
            out.drop(lines.origin[k], ln, "JSON document around the letter" if first <= k <= last
                     else "page text around the JSON document")
    for ln in best[2].split("\n"):
        out.add(ln, lines.origin[at])
    return out.result()
