"""reStructuredText source: a letter kept as the .rst it was written in.

Directives (`.. title::`, `.. meta::` and their indented options) and the lines that over- or
underline a title are the source's own; a field (`:Date: 11 March 2025`) reads as a labelled line
("Date: 11 March 2025"); a line block's `| ` and the inline marks (`*…*`, `**…**`, ``…``,
`` `text <url>`_ ``) come off, leaving what a reader of the rendered page sees."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_DIRECTIVE = re.compile(r"^\.\.\s+(?:[\w-]+::|_[^:]+:|\[[^\]]+\]|\|[^|]+\|)")
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+])\1{3,}\s*$")
_FIELD = re.compile(r"^:(?P<name>[A-Za-z][\w ]*):\s+(?P<value>\S.*)$")
_LINE_BLOCK = re.compile(r"^\|\s+")
_LINK = re.compile(r"`([^`<]+?)\s*<[^>]+>`__?")
_REF = re.compile(r"`([^`]+)`_{1,2}")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EMPH = re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")
_LITERAL = re.compile(r"``([^`]+)``")


def is_rest(text: str) -> bool:
    """Two marks of reStructuredText: a directive, a field, an adorned title, an inline link."""
    lines = text.splitlines()
    marks = (any(_DIRECTIVE.match(ln) for ln in lines), any(_FIELD.match(ln) for ln in lines),
             any(_ADORNMENT.match(ln) for ln in lines), bool(_LINK.search(text)))
    return sum(marks) >= 2


def _text(s: str) -> str:
    return _LITERAL.sub(r"\1", _EMPH.sub(r"\1", _STRONG.sub(r"\1", _REF.sub(r"\1", _LINK.sub(r"\1", s)))))


def unwrap(lines: Lines) -> Result | None:
    if not is_rest("\n".join(lines.text)):
        return None
    out = Builder()
    in_directive = False
    for raw, origin in zip(lines.text, lines.origin):
        if _DIRECTIVE.match(raw):
            in_directive = True
            out.drop(origin, raw, "directive")
            continue
        if in_directive and (raw[:1].isspace() and raw.strip()):
            out.drop(origin, raw, "directive")
            continue
        in_directive = False
        if _ADORNMENT.match(raw):
            out.drop(origin, raw, "title adornment")
            continue
        if not raw.strip():
            out.blank(origin)
            continue
        line = raw
        if m := _FIELD.match(line):
            line = f"{m.group('name')}: {m.group('value')}"
        line = _LINE_BLOCK.sub("", line)
        if re.match(r"^\s*[*+-]\s+", line):
            line = re.sub(r"^(\s*)[*+-]\s+", r"\1• ", line)
        out.add(_text(line), origin)
    return out.result()
