"""The first stage: recognise what the letter arrived in and reduce it to the letter's own lines.

A letter reaches the compendium as a scraped page, an HTML fragment, a Markdown export,
text pulled out of a PDF, an e-mail or a mailing-list archive page, with its signatories
in a table. Each kind has a module here that recognises its container and takes it off;
the stages after this one (clean, structure, signatories, dates) read plain lines and never
need to know where they came from. Every kept line keeps the raw file's line number it
came from (`Unwrapped.origin`), so warnings, `compendium check` and corrections still
address raw lines; every raw line a container step drops as the container's own (a
running header, a list footer, a header block) is logged with its reason.

A plain page is returned as it is: each step recognises its container conservatively and
does nothing otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..patterns import CLOSING, SALUTATION, SIG_INTRO
from . import (asciidoc, csvrows, esign, grid, html, jsondoc, latex, lineno, mail, markdown, mime, orgmode, pagemarks,
               pdf, plain, rest, table, thread, xmldoc)
from .lines import Lines


@dataclass
class Unwrapped:
    lines: list[str]
    origin: list[int]  # 0-based raw line of each kept line
    kinds: list[str] = field(default_factory=list)  # the containers taken off, outermost first
    removed: list[dict] = field(default_factory=list)  # {"line": 1-based raw line, "text", "reason"}
    date: tuple[int, dt.date] | None = None  # (0-based raw line, date) of a header that dates the message
    subject: str | None = None  # the message's Subject header: the letter's subject when it gives none


# Outermost first: a message may hold HTML, HTML may hold a table, a PDF's text a table. LaTeX
# before Markdown: its row ends (\\) and escapes (\%) would read as Markdown's escapes.
STEPS = (("e-mail source", mime.unwrap), ("e-mail", mail.unwrap), ("JSON document", jsondoc.unwrap),
         ("XML document", xmldoc.unwrap), ("HTML", html.unwrap), ("margin line numbers", lineno.unwrap),
         ("LaTeX source", latex.unwrap), ("grid table", grid.unwrap), ("CSV rows", csvrows.unwrap),
         ("org-mode source", orgmode.unwrap), ("AsciiDoc source", asciidoc.unwrap),
         ("reStructuredText source", rest.unwrap), ("Markdown", markdown.unwrap),
         ("page stamps", pagemarks.unwrap), ("social-media thread", thread.unwrap),
         ("PDF text", pdf.unwrap), ("table", table.unwrap),
         ("word-processor text", plain.unwrap), ("conformed signatures", esign.unwrap))


# Documents whose whole text is their own syntax (a message source, JSON, XML, numbered
# lines): one may arrive inside another container (a TEI file pasted into a web page), and is
# recognised once the outer one is off; the steps then run again over what it holds.
_INNER = {"e-mail source": mime.unwrap, "JSON document": jsondoc.unwrap, "XML document": xmldoc.unwrap,
          "margin line numbers": lineno.unwrap}


def _pass(cur: Lines, out: Unwrapped) -> Lines:
    """Every step over the lines once, outermost first; what each took off recorded in `out`."""
    for kind, step in STEPS:
        res = step(cur)
        if res is None:
            continue
        out.kinds.append(kind)
        out.removed += [{"line": o + 1, "text": t, "reason": f"{kind}: {why}"} for o, t, why in res.dropped
                        if t.strip()]
        if res.date and out.date is None:
            out.date = res.date
        if res.subject and out.subject is None:
            out.subject = res.subject
        cur = res.lines
    return cur


def unwrap(lines: list[str]) -> Unwrapped:
    cur = Lines(list(lines), list(range(len(lines))))
    out = Unwrapped(cur.text, cur.origin)
    cur = _pass(cur, out)
    if out.kinds and any(kind not in out.kinds and step(cur) is not None for kind, step in _INNER.items()):
        cur = _pass(cur, out)
    out.lines, out.origin = cur.text, cur.origin
    out.removed.sort(key=lambda r: r["line"])
    if out.date is not None and not any(_letter_line(ln.strip()) for ln in out.lines):
        out.date = None  # a message's date dates a letter, not an article or a notice it carries
    return out


def _letter_line(line: str) -> bool:
    """A line only a letter has: a salutation, a closing, the introduction of its signatures."""
    return bool(SALUTATION.match(line) or CLOSING.match(line) or SIG_INTRO.match(line))
