"""Accuracy of the parser against hand-written gold files (`make accuracy`).

Each fixture letter `NAME.txt` has a `NAME.gold.json` beside it (format in
tests/fixtures/letters/GOLD.md). A letter is parsed exactly as `compendium
process` parses it, in memory, and scored field by field:

- letter fields (date, subject, salutation, closing, paragraph count): exact;
- affiliations: (name, title, organization, former) tuples, precision/recall/F1;
- dated mentions: a predicted date mention that overlaps a gold one and has
  the same value is a hit; recall over gold, precision over predicted;
- chrome lines left in the clean text; refusals of letters that are letters;
- pages that are not letters (gold `"refuse": true`): refused or not. They are
  left out of the letter measures, which are about letters.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import codebook as codebook_mod
from .errors import InputError
from .letter import tagger

FIELDS = ("date", "subject", "salutation", "closing", "paragraph_count")


def norm(s) -> str:
    """Compare text as a reader would: case, spacing, quotes and edge punctuation aside."""
    s = unicodedata.normalize("NFC", str(s or ""))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"\s+", " ", s).strip().strip("*,.;: ").strip()
    return s.casefold()


@dataclass
class Score:
    name: str
    refused: str = ""
    not_a_letter: bool = False  # the gold file says the page must be refused
    fields: dict[str, bool] = field(default_factory=dict)
    aff_tp: int = 0
    aff_pred: int = 0
    aff_gold: int = 0
    date_tp: int = 0
    date_pred: int = 0
    date_gold: int = 0
    chrome_left: int = 0
    misses: list[str] = field(default_factory=list)


def _aff_tuples_gold(gold: dict) -> Counter:
    out: Counter = Counter()
    for s in gold.get("signatories", []):
        affs = s.get("affiliations") or [{"title": "", "organization": "", "former": False}]
        for a in affs:
            out[(norm(s["name"]), norm(a.get("title")), norm(a.get("organization")), bool(a.get("former")))] += 1
    return out


def _aff_tuples_pred(aff: pd.DataFrame) -> Counter:
    out: Counter = Counter()
    for r in aff.itertuples():
        name = r.name if r.signatory_type == "person" else r.organization
        out[(norm(name), norm(r.title), norm(r.organization), str(r.former) == "true")] += 1
    return out


def _as_read(text: str) -> re.Pattern:
    """A gold text found as a reader finds it: any run of white space (a line wrapped
    where the raw letter ran on) matches any other."""
    return re.compile(r"\s+".join(re.escape(w) for w in text.split()))


def _locate(text: str, gold_mentions: list[dict]) -> list[tuple[int, int, str] | None]:
    """Gold mentions in text order: each found after the one before it."""
    out, pos = [], 0
    for g in gold_mentions:
        pat = _as_read(g["text"])
        m = pat.search(text, pos) or pat.search(text)  # out of order in the gold file: take the first
        if m is None:
            out.append(None)
            continue
        out.append((m.start(), m.end(), g["value"]))
        pos = m.end()
    return out



def score_letter(raw: Path, gold: dict, cb, data: bytes | None = None) -> Score:
    """Score one letter: the file `raw`, or `data` (the same letter in another container,
    tools/containers.py) under its name."""
    from .process import build_tables, parse_letter  # the exact path `compendium process` takes

    sc = Score(raw.stem, not_a_letter=bool(gold.get("refuse")))
    data = raw.read_bytes() if data is None else data
    try:
        parsed = parse_letter(data, "letter", raw)
        files, _ = build_tables(parsed, data, cb, [])
    except Exception as exc:  # a refusal (InputError) or a crash: both count against the letter, by name
        sc.refused = exc.problem if isinstance(exc, InputError) else f"CRASH {type(exc).__name__}: {exc}"
        sc.aff_gold = sum(_aff_tuples_gold(gold).values())
        sc.date_gold = len(gold.get("dated_mentions", []))
        sc.fields = {f: False for f in FIELDS}
        return sc
    if sc.not_a_letter:
        sc.misses.append("accepted a page that is not a letter")
        return sc
    letter = json.loads(files["letter.json"])
    want = gold["letter"]
    for f in FIELDS:
        got = letter.get(f)
        ok = got == want.get(f) if f == "paragraph_count" else norm(got) == norm(want.get(f))
        sc.fields[f] = ok
        if not ok:
            sc.misses.append(f"{f}: got {got!r}, want {want.get(f)!r}")

    aff = pd.read_csv(io.StringIO(files["affiliations.csv"]), dtype=str, keep_default_na=False)
    pred, gold_t = _aff_tuples_pred(aff), _aff_tuples_gold(gold)
    sc.aff_tp = sum((pred & gold_t).values())
    sc.aff_pred, sc.aff_gold = sum(pred.values()), sum(gold_t.values())
    for t in (gold_t - pred):
        sc.misses.append(f"affiliation missed: {t}")
    for t in (pred - gold_t):
        sc.misses.append(f"affiliation wrong: {t}")

    text = files["clean.txt"]
    ments = pd.read_csv(io.StringIO(files["mentions.csv"]), dtype=str, keep_default_na=False)
    dates = [(int(r.start), int(r.end), r.value, r.text) for r in ments.itertuples() if r.kind == "date"]
    located = _locate(text, gold.get("dated_mentions", []))
    sc.date_gold, sc.date_pred = len(located), len(dates)
    used: set[int] = set()
    for g, loc in zip(gold.get("dated_mentions", []), located):
        hit = None
        if loc:
            hit = next((k for k, d in enumerate(dates) if k not in used and d[0] < loc[1] and loc[0] < d[1]
                        and d[2] == loc[2]), None)
        if hit is None:
            near = [d for d in dates if loc and d[0] < loc[1] and loc[0] < d[1]]
            sc.misses.append(f"date missed: {g['text']!r} = {g['value']}" + (f" (got {near[0][2]})" if near else ""))
        else:
            used.add(hit)
            sc.date_tp += 1
    for k, d in enumerate(dates):
        if k not in used and not any(loc and d[0] < loc[1] and loc[0] < d[1] for loc in located):
            sc.misses.append(f"date spurious: {d[3]!r} = {d[2]}")
    lines = {ln.strip() for ln in text.split("\n")}
    for c in gold.get("chrome", []):
        if c.strip() in lines:
            sc.chrome_left += 1
            sc.misses.append(f"chrome left: {c!r}")
    return sc


def score_folder(folder: Path, codebook: Path | None = None) -> list[Score]:
    cb = codebook_mod.load(codebook)
    out = []
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        raw = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append(score_letter(raw, gold, cb))
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def summary(scores: list[Score]) -> dict[str, float]:
    others = [s for s in scores if s.not_a_letter]
    scores = [s for s in scores if not s.not_a_letter]
    n = len(scores)
    tp, pred, gold = (sum(getattr(s, f"aff_{k}") for s in scores) for k in ("tp", "pred", "gold"))
    p, r = _ratio(tp, pred), _ratio(tp, gold)
    dtp, dpred, dgold = (sum(getattr(s, f"date_{k}") for s in scores) for k in ("tp", "pred", "gold"))
    out = {"letters": n, "refused": sum(1 for s in scores if s.refused)}
    if others:
        out["not letters, refused"] = f"{sum(1 for s in others if s.refused)}/{len(others)}"
    for f in FIELDS:
        out[f] = _ratio(sum(s.fields.get(f, False) for s in scores), n)
    out["letter_fields"] = _ratio(sum(sum(s.fields.values()) for s in scores), n * len(FIELDS))
    out.update(aff_precision=p, aff_recall=r, aff_f1=2 * p * r / (p + r) if p + r else 0.0,
               date_recall=_ratio(dtp, dgold), date_precision=_ratio(dtp, dpred),
               chrome_left=sum(s.chrome_left for s in scores))
    return out


def report(title: str, scores: list[Score], verbose: bool = False) -> str:
    lines = [f"## {title}", "",
             "| letter | fields | affiliations (tp/pred/gold) | dates (tp/pred/gold) | chrome left | refused |",
             "|---|---|---|---|---|---|"]
    for s in scores:
        if s.not_a_letter:
            lines.append(f"| {s.name} | not a letter | | | | {'yes: ' + s.refused if s.refused else 'NO'} |")
            continue
        lines.append(f"| {s.name} | {sum(s.fields.values())}/{len(FIELDS)} | {s.aff_tp}/{s.aff_pred}/{s.aff_gold} "
                     f"| {s.date_tp}/{s.date_pred}/{s.date_gold} | {s.chrome_left} | {s.refused or ''} |")
    sm = summary(scores)
    lines += ["", "| measure | value |", "|---|---|"]
    for k, v in sm.items():
        lines.append(f"| {k} | {v:.3f} |" if isinstance(v, float) else f"| {k} | {v} |")
    if verbose:
        lines.append("")
        for s in scores:
            for m in s.misses:
                lines.append(f"- {s.name}: {m}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="accuracy", description="score the parser against gold files")
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--line-roles", choices=tagger.SOURCES,
                    help=f"where the signature block's line roles come from (default: ${tagger.ENV}, else {tagger.DEFAULT})")
    args = ap.parse_args(argv)
    if args.line_roles:
        os.environ[tagger.ENV] = args.line_roles  # read by the parser, as `compendium process` reads it
    print(f"line roles: {tagger.source()}\n")
    for folder in args.folders:
        print(report(folder.name, score_folder(folder), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
