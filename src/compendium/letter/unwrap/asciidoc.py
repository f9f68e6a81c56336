"""AsciiDoc source: a letter kept as the .adoc file it was written in.

The document title (`= Title`, the first line) is the letter's subject when the letter gives
none of its own; attribute entries (`:revdate: 2025-06-30`), block attribute lines
(`[.text-right]`), block delimiters, thematic breaks (`'''`) and comments (`// …`) are the
source's own. A section title (`== Our requests`) reads as its words, a hard line break's ` +`
and the inline marks (`*bold*`, `_italic_`, `` `mono` ``, `link:url[text]`) come off, and a
list item's `*` or `.` reads as a bullet: what a reader of the rendered page sees."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_TITLE = re.compile(r"^=\s+(?P<t>\S.*?)\s*$")
_SECTION = re.compile(r"^={2,6}\s+(?P<t>\S.*?)\s*$")
_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_BLOCK_ATTRIBUTE = re.compile(r"^\[[^\[\]]*\]\s*$")
_DELIMITER = re.compile(r"^(?:'{3,}|-{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\.{4,}|<{3,})\s*$")
_COMMENT = re.compile(r"^//(?:[^/]|$)")
_HARD_BREAK = re.compile(r"\s\+\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?:\*{1,5}|\.{1,5}|-)\s+(?=\S)")
_LINK = re.compile(r"(?:link:)?(?:https?://|mailto:)?[^\s\[\]]*\[(?P<t>[^\]]+)\]")
_MARK = re.compile(r"(?<![\w*_`])([*_`])(?=\S)(?P<t>[^*_`\n]*?\S)\1(?![\w*_`])")


def is_asciidoc(text: list[str]) -> bool:
    """A document title on the first line and an attribute entry right under it, or three marks of
    AsciiDoc: attribute entries, block attribute lines, hard line breaks, section titles."""
    top = [ln for ln in text if ln.strip()][:2]
    if len(top) == 2 and _TITLE.match(top[0]) and _ATTRIBUTE.match(top[1]):
        return True
    marks = (sum(1 for ln in text if _ATTRIBUTE.match(ln)) >= 2, any(_BLOCK_ATTRIBUTE.match(ln) for ln in text),
             sum(1 for ln in text if _HARD_BREAK.search(ln)) >= 2, any(_SECTION.match(ln) for ln in text))
    return sum(marks) >= 3


def inline(s: str) -> str:
    """A line without AsciiDoc's hard break, inline marks and link macros."""
    s = _HARD_BREAK.sub("", s)
    s = _LINK.sub(lambda m: m.group("t") if "[" in m.group(0) and m.group(0)[0] != "[" else m.group(0), s)
    return _MARK.sub(r"\g<t>", s)


def _source_line(raw: str) -> str | None:
    """Why a line is the source's own, or None."""
    for pattern, why in ((_ATTRIBUTE, "attribute entry"), (_BLOCK_ATTRIBUTE, "block attribute line"),
                         (_DELIMITER, "block delimiter or break"), (_COMMENT, "comment")):
        if pattern.match(raw):
            return why
    return None


def unwrap(lines: Lines) -> Result | None:
    if not is_asciidoc(lines.text):
        return None
    out = Builder()
    subject = None
    for raw, origin in zip(lines.text, lines.origin):
        if subject is None and not out.text and (m := _TITLE.match(raw)):
            subject = m.group("t")
            out.drop(origin, raw, "document title (the letter's subject when it gives none)")
            continue
        if why := _source_line(raw):
            out.drop(origin, raw, why)
            continue
        if not raw.strip():
            out.blank(origin)
            continue
        m = _SECTION.match(raw)
        line = m.group("t") if m else _ITEM.sub(r"\g<indent>• ", raw)
        out.add(inline(line), origin)
    return out.result(subject=subject)
