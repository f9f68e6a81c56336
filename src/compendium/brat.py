"""brat standoff export and import (clean.txt + clean.ann), for review in brat or INCEpTION.

Each mention is a text-bound annotation `T<n>\t<Type> <start> <end>\t<text>`;
spans that cross a line break become fragments `start end;start end`, as brat
requires. The normalised value is an AnnotatorNotes line on the annotation.
"""

from __future__ import annotations

import re

from .contract import BRAT_TYPES as TYPES

KIND_OF = {v: k for k, v in TYPES.items()}


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    frags, pos = [], start
    for m in re.finditer(r"\n+", text[start:end]):
        frags.append((pos, start + m.start()))
        pos = start + m.end()
    frags.append((pos, end))
    return [(a, b) for a, b in frags if b > a]


def dumps(text: str, mentions: list[dict]) -> str:
    """mentions: dicts with kind, start, end, value (in the order to number them)."""
    lines = []
    for n, m in enumerate(mentions, 1):
        frags = _fragments(text, m["start"], m["end"])
        spans = ";".join(f"{a} {b}" for a, b in frags)
        shown = " ".join(text[a:b] for a, b in frags)
        lines.append(f"T{n}\t{TYPES[m['kind']]} {spans}\t{shown}")
        if m.get("value"):
            value = str(m["value"]).replace("\n", " ").replace("\t", " ")
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{value}")
    return "".join(line + "\n" for line in lines)


def loads(text: str, ann: str) -> list[dict]:
    """Read a .ann back into mentions (kind, start, end, text, value), in T order."""
    found: dict[str, dict] = {}
    notes: dict[str, str] = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t", 2)
            kind, spans = middle.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in spans.split(";")]
            start, end = frags[0][0], frags[-1][1]
            found[tid] = {"kind": KIND_OF[kind], "start": start, "end": end, "text": text[start:end], "value": ""}
        elif line.startswith("#"):
            _, ref, value = line.split("\t", 2)
            notes[ref.split()[1]] = value
    for tid, note in notes.items():
        found[tid]["value"] = note
    return [found[t] for t in sorted(found, key=lambda t: int(t[1:]))]
