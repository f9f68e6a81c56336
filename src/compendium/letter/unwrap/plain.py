"""Plain text from word processors and mail programs: bullets in other glyphs ('o', '‣',
'➢', '►', '✓', '⁃') and paragraphs indented by a tab.

A glyph is read as a bullet only when two lines or more of the page start with it followed
by a space or a tab; it becomes '•', the bullet the later stages know. A tab opening a
line of running text is an indent, not part of the wording."""

from __future__ import annotations

import re
from collections import Counter

from .lines import Lines, Result

_GLYPH = re.compile(r"^(?P<indent>\s*)(?P<g>o|‣|➢|►|▶|✓|✔|⁃|→|❖|◆|■|□)[ \t]+(?P<rest>\S.*)$")
_TAB_INDENT = re.compile(r"^\t+(?=\S)")


def unwrap(lines: Lines) -> Result | None:
    glyphs = Counter(m.group("g") for ln in lines.text if (m := _GLYPH.match(ln)))
    bullets = {g for g, n in glyphs.items() if n >= 2}
    out = []
    for ln in lines.text:
        m = _GLYPH.match(ln)
        if m and m.group("g") in bullets:
            ln = f"{m.group('indent')}• {m.group('rest')}"
        elif _TAB_INDENT.match(ln) and len(ln.split()) >= 8:
            ln = _TAB_INDENT.sub("", ln)
        out.append(ln)
    if out == lines.text:
        return None
    return Result(Lines(out, list(lines.origin)))
