"""Emacs org-mode source: a letter kept as the .org file it was written in.

The file's `#+KEYWORD:` lines, its headlines (`* Letter   :tag:`) and property drawers
(`:PROPERTIES:` … `:END:`) are the source's own; the inline marks (`*bold*`, `/italic/`,
`=code=`, `~verbatim~`, `[[link][text]]`) come off, leaving what a reader of the exported page
sees. A description list's item (`- Name :: Title, Organization`) is its term and its
description on lines of their own, items apart, as signatures are laid out on a page."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_KEYWORD = re.compile(r"^#\+[A-Za-z_]+:")
_HEADLINE = re.compile(r"^\*+\s+\S")
_DRAWER = re.compile(r"^\s*:[A-Za-z_]+:\s*$")
_END = re.compile(r"^\s*:END:\s*$", re.I)
_COMMENT = re.compile(r"^\s*#(?:\s|$)")
_LINK = re.compile(r"\[\[(?:[^\]]*\]\[)?([^\]]+)\]\]")
_MARK = re.compile(r"(?<![\w*/=~+])([*/=~+])(?=\S)([^*/=~+\n]*?\S)\1(?![\w*/=~+])")
# Org's list markers, and the bullets a copy of the exported page carries instead ('•', '◦').
_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-+•◦▪‣·]|\d+[.)])\s+")
_DESCRIPTION = re.compile(r"^\s*(?:[-+•◦▪‣·]|\d+[.)])\s+(?P<term>.+?)\s+::(?:\s+(?P<desc>.*))?$")


def is_org(text: list[str]) -> bool:
    """Two marks of org-mode: `#+KEYWORD:` lines, a headline, a property drawer."""
    keywords = sum(1 for ln in text if _KEYWORD.match(ln))
    marks = (keywords >= 2, any(_HEADLINE.match(ln) for ln in text),
             any(_DRAWER.match(ln) for ln in text) and any(_END.match(ln) for ln in text))
    return keywords >= 1 and sum(marks) >= 2


def inline(s: str) -> str:
    """A line without org-mode's inline marks and links."""
    return _MARK.sub(r"\2", _LINK.sub(r"\1", s))


def _source_line(raw: str, in_drawer: bool) -> tuple[str | None, bool]:
    """(why the line is the source's own, or None; whether a drawer is open after it)."""
    if in_drawer:
        return "property drawer", not _END.match(raw)
    if _DRAWER.match(raw) and not _END.match(raw):
        return "property drawer", True
    if _KEYWORD.match(raw):
        return "keyword line", False
    if _HEADLINE.match(raw):
        return "headline", False
    if _COMMENT.match(raw):
        return "comment", False
    return None, False


def unwrap(lines: Lines) -> Result | None:
    if not is_org(lines.text):
        return None
    out = Builder()
    in_drawer = after_item = False
    for raw, origin in zip(lines.text, lines.origin):
        why, in_drawer = _source_line(raw, in_drawer)
        if why:
            out.drop(origin, raw, why)
            continue
        if not raw.strip():
            out.blank(origin)
            continue
        if (m := _DESCRIPTION.match(raw)) or after_item and _ITEM.match(raw):
            out.blank(origin)  # an item of a description list, or a plain item among them, apart
        after_item = bool(m)
        if m:
            out.add(inline(m.group("term")), origin)
            if m.group("desc"):
                out.add(inline(m.group("desc")), origin)
            continue
        out.add(inline(_ITEM.sub(r"\g<indent>• ", raw)), origin)
    return out.result()
