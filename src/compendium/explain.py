"""`compendium check LETTER` (or `process LETTER --explain`): what the parser understood,
in one screen, each part with the line of the raw file it came from.

An analyst reads it in seconds and sees where a letter went wrong; the fix is a
row in the letter's corrections file (docs/corrections.md), never an edit of
the raw text or the code. Nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import codebook as codebook_mod
from . import rawdata
from .letter.clean import raw_line


def _short(s: str, n: int = 70) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def explain(raw: Path, letter_id: str | None = None, corrections: Path | None = None) -> str:
    from .process import build_tables, corrections_for, cut_warnings, parse_letter

    raw = Path(raw)
    letter_id = rawdata.letter_id_for(raw, letter_id)
    data = rawdata.read_raw(raw)
    fixes = corrections_for(raw, letter_id, corrections)
    p = parse_letter(data, letter_id, raw, fixes)
    files, unclassified = build_tables(p, data, codebook_mod.load(None), [])
    letter = json.loads(files["letter.json"])
    st = p.structure

    def line(offset: int) -> str:
        return f"line {raw_line(p.raw_lines, p.clean_text, offset):>4}"

    out = [f"{raw}  (letter id {letter_id}{', corrections ' + str(fixes) if fixes else ''})", ""]
    if st.date_line.text:
        out.append(f"date        {line(st.date_line.start)}  {letter['date']}   from {_short(st.date_line.text)!r}")
    elif p.page_date and not any(c.action == "set_letter" and c.target == "date" for c in p.corrections):
        mail = any(r["line"] == p.page_date[0] and "e-mail" in r["reason"] for r in p.removed)
        source = "the e-mail's date header" if mail else "the page's publication date"
        out.append(f"date        line {p.page_date[0]:>4}  {letter['date']}   {source}: the letter gives none of its own")
    else:
        out.append(f"date                   {letter['date']}   set by a correction (no line of the letter holds it)")
    if st.title:
        out.append(f"title       {line(st.title.start)}  {_short(st.title.text)!r}")
    if st.addressee:
        out.append(f"addressee   {line(st.addressee[0].start)}  {_short(' / '.join(a.text for a in st.addressee))!r}")
    subj = st.subject_line or st.subject
    out.append(f"subject     {line(subj.start) if subj else '         '}  {_short(letter['subject'])!r}")
    sal = st.salutation
    out.append(f"salutation  {line(sal.start) if sal else '         '}  {letter['salutation']!r}")
    first, last = st.body[0], st.body[-1]
    heads = f"; {len(st.headings)} heading(s) not counted" if st.headings else ""
    out.append(f"body        {line(first.start)}  {letter['paragraph_count']} paragraph(s), to {line(last.end)}{heads}")
    cl = st.closing
    out.append(f"closing     {line(cl.start) if cl else '         '}  {letter['closing']!r}"
               + (f" (list introduced by {_short(cl.text)!r})" if cl and not letter["closing"] else ""))
    sigs, affs = _rows(files["signatories.csv"]), _rows(files["affiliations.csv"])
    out += ["", f"signatories ({len(sigs)}):"]
    for s in sigs:
        parts = []
        for a in (a for a in affs if a["signatory_id"] == s["signatory_id"]):
            bits = [x for x in (a["title"], a["unit"], a["organization"]) if x]
            if bits:
                parts.append((", ".join(bits)) + (" (former)" if a["former"] == "true" else ""))
        who = s["name"] if s["signatory_type"] == "person" else s["written"]
        mark = "" if s["source"] == "parser" else f"  [{s['source']}]"
        out.append(f"  {s['signatory_id']:>3}  {line(int(s['start']))}  {s['signatory_type']:<12} {_short(who, 40)}"
                   + (f" — {_short('; '.join(parts), 80)}" if parts else "") + mark)
    dates = [m for m in _rows(files["mentions.csv"]) if m["kind"] == "date"]
    out += ["", f"dated mentions ({len(dates)}):"]
    for m in dates:
        mark = "" if m["source"] == "parser" else f"  [{m['source']}]"
        out.append(f"       {line(int(m['start']))}  {_short(m['text'], 40)!r} → {m['value']} ({m['precision']}, "
                   f"{m['rule']}){mark}")
    out += ["", f"removed as page chrome ({len(p.removed)}):"]
    for r in p.removed:
        out.append(f"       line {r['line']:>4}  {_short(r['text'], 50)!r}  ({r['reason']})")
    warned = cut_warnings(p)
    if warned:
        out += ["", f"cuts that may be letter text ({len(warned)}):"] + [f"       line {w}" for w in warned]
    if unclassified:
        out += ["", f"organizations not in the codebook ({len(unclassified)}): " + "; ".join(unclassified)]
    if p.corrections:
        out += ["", f"corrections applied: {len(p.corrections)} (from {fixes})"]
    out += ["", "Wrong? Write the fix as a row of a corrections file (docs/corrections.md) and pass it with "
                "--corrections, or register it with `compendium add LETTER --corrections FILE`."]
    return "\n".join(out) + "\n"
