"""An XML document holding a letter (TEI, DocBook, a JATS-like export).

Recognised by its own syntax: an XML declaration or a root element declaring a namespace,
from which the text parses with the standard library's expat (a page's lines around it are
dropped). An element that holds text of its own is one
line (its text and its children's, spaces collapsed; `<lb/>` breaks it); an element that
holds only elements is a block, set apart by blank lines, as is a paragraph (p, para, head). Metadata headers (`teiHeader`,
DocBook's `info`) and notes are the container's. Each line keeps the raw line its element
starts on."""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field

from .lines import Builder, Lines, Result

_START = re.compile(r"^\s*(?:<\?xml\b|<!DOCTYPE\s+(?!html\b)\w+|<(?!html\b)[A-Za-z][\w.-]*(?::[\w.-]+)?\s+xmlns\b)")  # XHTML is the HTML step's
_METADATA = {"teiheader", "info", "metadata", "front", "note", "fw", "facsimile"}
_BREAK = {"lb", "br"}
_PARAGRAPH = {"p", "para", "head", "title"}  # a paragraph of its own: blank lines around it
_SPACE = re.compile(r"\s+")


@dataclass
class _Node:
    tag: str
    line: int  # 0-based line of the start tag
    items: list = field(default_factory=list)  # str and _Node, in order


def _tree(text: str) -> _Node | None:
    """The document as nodes with their lines, or None if expat refuses it."""
    root = _Node("#document", 0)
    stack = [root]
    p = xml.parsers.expat.ParserCreate()

    def start(tag, attrs):
        node = _Node(tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower(), p.CurrentLineNumber - 1)
        stack[-1].items.append(node)
        stack.append(node)

    p.StartElementHandler = start
    p.EndElementHandler = lambda tag: stack.pop()
    p.CharacterDataHandler = lambda data: stack[-1].items.append(data)
    try:
        p.Parse(text, True)
    except xml.parsers.expat.ExpatError:
        return None
    return root


def _text(node: _Node) -> str:
    parts = []
    for it in node.items:
        if isinstance(it, str):
            parts.append(it)
        elif it.tag in _BREAK:
            parts.append("\n")
        elif it.tag not in _METADATA:
            parts.append(_text(it))
    return "".join(parts)


def _render(node: _Node, out: Builder, origin: list[int]) -> None:
    where = origin[min(node.line, len(origin) - 1)]
    if node.tag in _METADATA:
        return
    if any(isinstance(it, str) and it.strip() for it in node.items):
        for piece in _text(node).split("\n"):
            if piece := _SPACE.sub(" ", piece).strip():
                out.add(piece, where)
        if node.tag in _PARAGRAPH:
            out.blank(where)
        return
    out.blank(where)
    for it in node.items:
        if isinstance(it, _Node):
            _render(it, out, origin)
    out.blank(where)


def _span(text: list[str]) -> tuple[int, int] | None:
    """First and last line of the XML document: from its declaration or a root element that
    declares a namespace, to the last line that closes an element."""
    first = next((k for k, ln in enumerate(text) if _START.match(ln)), None)
    if first is None:
        return None
    last = max((k for k in range(first, len(text)) if text[k].rstrip().endswith(">")), default=first)
    return first, last


def unwrap(lines: Lines) -> Result | None:
    span = _span(lines.text)
    if span is None:
        return None
    first, last = span
    root = _tree("\n".join(lines.text[first:last + 1]))
    if root is None or any(isinstance(it, _Node) and it.tag == "html" for it in root.items):
        return None  # XHTML: the HTML step reads it
    out = Builder()
    _render(root, out, lines.origin[first:last + 1])
    while out.text and not out.text[0].strip():
        out.text.pop(0)
        out.origin.pop(0)
    kept = set(out.origin)
    for k, ln in enumerate(lines.text):
        if lines.origin[k] not in kept and ln.strip():
            out.drop(lines.origin[k], ln, "XML markup or metadata" if first <= k <= last else "page text around the XML document")
    return out.result()
