"""Conformed signatures: '/s/ Jane Roe', the mark an electronically filed or sent document
prints where a hand would sign. With the name typed again on the next line, the mark is
a second copy of it and is dropped; alone, it is read as the name it conforms."""

from __future__ import annotations

import re

from .lines import Lines, Result

_CONFORMED = re.compile(r"^(?P<indent>\s*)/s/\s*(?P<name>\S.*?)\s*$", re.I)


def unwrap(lines: Lines) -> Result | None:
    text = lines.text
    if not any(_CONFORMED.match(ln) for ln in text):
        return None
    out, origin, dropped = [], [], []
    for k, ln in enumerate(text):
        m = _CONFORMED.match(ln)
        if m:
            nxt = text[k + 1].strip() if k + 1 < len(text) else ""
            if nxt.casefold() == m.group("name").casefold():
                dropped.append((lines.origin[k], ln, "conformed signature ('/s/') above the name it repeats"))
                continue
            ln = m.group("indent") + m.group("name")
        out.append(ln)
        origin.append(lines.origin[k])
    return Result(Lines(out, origin), dropped)
