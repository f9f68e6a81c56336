"""TimeML export and import (clean.tml): the letter's text with its dated mentions as TIMEX3.

The document creation time (DCT) is the letter's date; each dated mention is a
TIMEX3 of type DATE with its value, so temporal tools and the TempEval-3 scorer
read the compendium's dates. What TIMEX3 cannot write as a DATE is said in the
TIMEX3's `comment`: an interval (`2014-09-02/2014-09-05`, "the past year") is a
DURATION from its first to its last day; a fiscal year (`FY2021`) is written as
its year.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from .letter.dates import value_bounds

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'


def _attributes(tid: int, value: str) -> dict[str, str]:
    if "/" in value:
        bounds = value_bounds(value)
        if bounds:
            a, b = value.split("/", 1)
            if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b):
                duration = f"P{int(b) - int(a) + 1}Y"
            else:
                duration = f"P{(bounds[1] - bounds[0]).days + 1}D"
            return {"tid": f"t{tid}", "type": "DURATION", "value": duration, "comment": value}
    if m := re.fullmatch(r"FY(\d{4})", value):
        return {"tid": f"t{tid}", "type": "DATE", "value": m.group(1), "comment": value}
    return {"tid": f"t{tid}", "type": "DATE", "value": value}


def dumps(text: str, date: dt.date, mentions: list[dict], doc_id: str) -> str:
    """mentions: dicts with kind, start, end, value; the dated ones become TIMEX3, in text order."""
    dates = sorted((m for m in mentions if m["kind"] == "date"), key=lambda m: (m["start"], m["end"]))
    out = [HEAD, f"<DOCID>{escape(doc_id)}</DOCID>\n",
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{date.isoformat()}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{date.isoformat()}</TIMEX3></DCT>\n', "<TEXT>"]
    pos = 0
    for n, m in enumerate(dates, 1):
        if m["start"] < pos:
            continue  # TIMEX3 do not nest: an overlapping mention (a correction's) is left out
        attrs = " ".join(f"{k}={quoteattr(v)}" for k, v in _attributes(n, str(m["value"])).items())
        out += [escape(text[pos : m["start"]]), f"<TIMEX3 {attrs}>", escape(text[m["start"] : m["end"]]), "</TIMEX3>"]
        pos = m["end"]
    out += [escape(text[pos:]), "</TEXT>\n</TimeML>\n"]
    return "".join(out)


def loads(tml: str) -> tuple[str, dt.date, list[dict]]:
    """TEXT as plain text, the DCT's date, and every TIMEX3 inside TEXT (start, end, text, type, value).

    Raises ValueError naming what is missing."""
    root = ET.fromstring(tml.encode("utf-8") if isinstance(tml, str) else tml)
    dct, body = root.find("DCT/TIMEX3"), root.find("TEXT")
    if dct is None or body is None:
        raise ValueError("no DCT or no TEXT")
    reference = dt.date.fromisoformat(dct.get("value", "")[:10])
    parts: list[str] = []
    timexes: list[dict] = []
    pos = 0

    def walk(node: ET.Element) -> None:
        nonlocal pos
        start = pos
        if node.text:
            parts.append(node.text)
            pos += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if node.tag == "TIMEX3":
            timexes.append({"start": start, "end": pos, "type": node.get("type", ""), "value": node.get("value", ""),
                            "comment": node.get("comment", "")})

    walk(body)
    text = "".join(parts)
    for t in timexes:
        t["text"] = text[t["start"] : t["end"]]
    return text, reference, sorted(timexes, key=lambda t: t["start"])
