"""Markdown: headings, emphasis around any part of a line, links, list markers, block
quotes, hard breaks and escapes.

Block markers are read line by line (so each line keeps its raw line); the text of each
line is read by mistune, Markdown's own inline grammar, and flattened to what a reader
sees: a link's text, emphasis without its stars, escapes resolved. GFM tables are left to
the table step."""

from __future__ import annotations

import re

import mistune

from .lines import Lines, Result

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<t>.*?)(?:\s+#+)?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<t>\S.*)$")
_HARD_BREAK = re.compile(r"(?:\\| {2,})$")
_SIGNS = {
    "heading": re.compile(r"^#{1,6}\s+\S", re.M),
    "bold": re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),
    "link": re.compile(r"\[[^\]\n]+\]\((?:https?://|mailto:|/)[^)\s]*\)"),
    "escape": re.compile(r"\\[*_#>\[\]\\`]"),
    "hard break": re.compile(r"\S\\$", re.M),
}
_INLINE = mistune.create_markdown(renderer=None)


_WHOLE_LINE = re.compile(r"^\s*(?:\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\(https?://[^)\s]*\))\s*$", re.M)


def is_markdown(text: str) -> bool:
    """Two kinds of Markdown mark, one kind three times, or a whole line in bold or a link:
    a plain page has none of these."""
    found = {k: len(p.findall(text)) for k, p in _SIGNS.items()}
    kinds = sum(1 for n in found.values() if n)
    return (kinds >= 2 or any(n >= 3 for k, n in found.items() if k in ("bold", "link", "escape"))
            or bool(_WHOLE_LINE.search(text)))


def _flatten(nodes) -> str:
    out = []
    for n in nodes:
        t = n.get("type")
        if t in ("text", "codespan", "inline_html"):
            out.append(n.get("raw", ""))
        elif t in ("linebreak", "softbreak"):
            out.append(" ")
        elif "children" in n:
            out.append(_flatten(n["children"]))
        elif "raw" in n:
            out.append(n["raw"])
    return "".join(out)


def inline(text: str) -> str:
    """A line's text as read: mistune's inline parse, flattened."""
    if not re.search(r"[*_\[\]\\`<]", text):
        return text
    lead = re.match(r"\s*", text).group(0)
    # Read as a paragraph: a leading number-and-period, bullet or '#' must stay text here.
    tree = _INLINE("\u200b" + text.strip())
    body = "".join(_flatten(n.get("children", [])) if n.get("type") in ("paragraph", "block_text")
                   else _flatten([n]) for n in tree)
    return lead + body.replace("\u200b", "").strip()


def unwrap(lines: Lines) -> Result | None:
    if not is_markdown("\n".join(lines.text)):
        return None
    out = []
    for ln in lines.text:
        if re.match(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", ln) and "|" in ln:
            out.append(ln)  # a table's rule: the table step's
            continue
        ln = _HARD_BREAK.sub("", ln)
        while _QUOTE.match(ln):
            ln = _QUOTE.sub("", ln, count=1)
        if m := _HEADING.match(ln):
            ln = m.group("t")
        elif m := _BULLET.match(ln):
            ln = f"{m.group('indent')}• {m.group('t')}"
        if ln.lstrip().startswith("|"):
            out.append(ln)  # a table row: its cells read by the table step
            continue
        out.append(inline(ln).rstrip())
    return Result(Lines(out, list(lines.origin)))
