"""Dated mentions scored against TimeML corpora (TimeBank, AQUAINT: TempEval-3's TBAQ-cleaned).

Each .tml file's TEXT is annotated by `compendium.letter.dates.find_timexes` (the function the
letter pipeline calls) with the document's creation time (DCT) as the reference date, and
compared with its TIMEX3 of type DATE. TempEval-3 conventions:

- relaxed match: the spans overlap; strict match: same first and last character;
- precision over the compendium's mentions, recall over the gold DATE expressions;
- value accuracy: share of relaxed matches whose value equals gold's; value F1: relaxed F1
  with only value-correct matches counted (TempEval-3's "value F1").

What is normalised: gold is TIMEX3 type="DATE" inside TEXT (durations, times of day and
sets are not marked by the compendium); a mention that overlaps a gold TIMEX3 of another
type is left out of the scoring (neither right nor wrong); values are compared as strings
after upper-casing, a gold time of day (1998-08-07T10:00) counted at its date, an ISO week
with or without its leading zero (2000-W7), a decade or century written with X (199X, 19XX)
as TIMEX3 writes it (199, 19), a fiscal year FY1989 as the year TimeBank writes (1989); a mention
whose value is a range ("A/B") is right if gold's value is either end (TimeML writes one
of them; the compendium's precision column keeps the range).

    .venv/bin/python benchmarks/timeml.py DIR... [--out benchmarks/results-timeml.md] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import resource
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from compendium import timeml
from compendium.letter.dates import find_timexes


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, dt.date, list[Gold]]:
    """TEXT as plain text, the DCT's date and every TIMEX3 inside TEXT with its offsets."""
    try:
        text, reference, timexes = timeml.loads(path.read_bytes())
    except (ET.ParseError, ValueError) as e:
        sys.exit(f"{path}: not a TimeML file ({e})")
    return text, reference, [Gold(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in timexes]


# Classes of expression, by the text (and gold value) of the expression. First match wins.
CLASSES: list[tuple[str, re.Pattern]] = [
    ("ref (now, recently, future)", re.compile(r"(?i)^(?:the )?(?:now|current(?:ly)?|recent(?:ly)?|the past|past|future|soon|"
                                               r"present|nowadays|today's|at the time|then|once|former(?:ly)?|recent \w+|"
                                               r"the (?:near |distant )?future|these days)$")),
    ("quarter, half, fiscal", re.compile(r"(?i)quarter|half|fiscal|\bFY|financial year|semester")),
    ("decade, century", re.compile(r"(?i)\d0'?s\b|decade|century|millenni|\d0s\b|(?:twen|thir|for|fif|six|seven|eigh|nine)ties")),
    ("week", re.compile(r"(?i)\bweek")),
    ("anaphoric (before, earlier, later)", re.compile(r"(?i)\b(?:earlier|later|before|after|ago|previous|preceding|following|prior|year-ago|year-earlier)\b")),
    ("modified (early, mid, end of)", re.compile(r"(?i)\b(?:early|mid|late|end|beginning|start|middle|close)\b|^mid-")),
    ("year range", re.compile(r"\b(?:1[89]|20)\d\d\s*[-–/]\s*(?:\d\d|\d{4})\b")),
    ("weekday", re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")),
    ("today, yesterday, tomorrow", re.compile(r"(?i)\b(?:today|yesterday|tomorrow|tonight)\b")),
    ("relative unit (this/last/next year, month)", re.compile(r"(?i)\b(?:this|last|next|past|coming|current|same)\b.*\b(?:year|month|season|spring|summer|fall|autumn|winter)\b|^the (?:year|month)$")),
    ("season, holiday", re.compile(r"(?i)spring|summer|fall|autumn|winter|christmas|thanksgiving|easter|new year|day$")),
    ("day and month", re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d-\d\d|\d/\d")),
    ("month", re.compile(r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")),
    ("year", re.compile(r"\b(?:1[0-9]|20)\d\d\b")),
]


def classify(text: str) -> str:
    t = " ".join(text.split())
    for name, pattern in CLASSES:
        if pattern.search(t):
            return name
    return "other"


def norm(value: str) -> str:
    value = value.upper()
    if re.match(r"\d{4}-\d\d-\d\dT", value):
        value = value.split("T")[0]  # a time of day counted at its date
    value = re.sub(r"-W(\d)$", r"-W0\1", value)  # 2000-W7 is 2000-W07
    if re.fullmatch(r"\d{2,3}X+", value):
        value = value.rstrip("X")  # TimeBank's 199X and 19XX are TIMEX3's 199 and 19
    return value


def value_ok(system: str, gold: str) -> bool:
    gold = norm(gold)
    system = re.sub(r"^FY(\d{4})$", r"\1", system)
    return norm(system) == gold or ("/" in system and gold in map(norm, system.split("/")))


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict_p: int = 0  # system mentions matching a gold span exactly
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    value_p: int = 0  # relaxed and value right
    value_r: int = 0
    matched: int = 0  # gold with a relaxed match (value accuracy's denominator)
    value_right: int = 0

    def add(self, other: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def prf(hit_p: int, system: int, hit_r: int, gold: int) -> tuple[float, float, float]:
    p = hit_p / system if system else 0.0
    r = hit_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(text: str, reference: dt.date, gold_all: list[Gold], errors: list, name: str,
                   by_class: dict[str, Tally]) -> Tally:
    gold = [g for g in gold_all if g.type == "DATE"]
    other = [g for g in gold_all if g.type != "DATE"]
    system = [t for t in find_timexes(text, reference)
              if not any(o.start < t.end and t.start < o.end for o in other)
              or any(g.start < t.end and t.start < g.end for g in gold)]
    tally = Tally(gold=len(gold), system=len(system))
    for t in system:
        c = by_class[classify(t.text)]
        c.system += 1
        over = [g for g in gold if g.start < t.end and t.start < g.end]
        if over:
            tally.relaxed_p += 1
            c.relaxed_p += 1
            if any(g.start == t.start and g.end == t.end for g in over):
                tally.strict_p += 1
                c.strict_p += 1
            if any(value_ok(t.value, g.value) for g in over):
                tally.value_p += 1
                c.value_p += 1
        else:
            errors.append(("false hit", name, t.text, t.value, "", text[max(0, t.start - 40): t.end + 20]))
    for g in gold:
        c = by_class[classify(g.text)]
        c.gold += 1
        over = [t for t in system if g.start < t.end and t.start < g.end]
        if not over:
            errors.append(("missed", name, g.text, "", g.value, text[max(0, g.start - 40): g.end + 20]))
            continue
        tally.relaxed_r += 1
        c.relaxed_r += 1
        tally.matched += 1
        c.matched += 1
        if any(t.start == g.start and t.end == g.end for t in over):
            tally.strict_r += 1
            c.strict_r += 1
        else:
            errors.append(("extent", name, over[0].text, over[0].value, g.text, ""))
        if any(value_ok(t.value, g.value) for t in over):
            tally.value_r += 1
            c.value_r += 1
            tally.value_right += 1
            c.value_right += 1
        else:
            errors.append(("value", name, over[0].text, over[0].value, g.value, text[max(0, g.start - 60): g.end + 30]))
    return tally


def row(label: str, t: Tally) -> str:
    sp, sr, sf = prf(t.strict_p, t.system, t.strict_r, t.gold)
    rp, rr, rf = prf(t.relaxed_p, t.system, t.relaxed_r, t.gold)
    _, _, vf = prf(t.value_p, t.system, t.value_r, t.gold)
    acc = t.value_right / t.matched if t.matched else 0.0
    return (f"| {label} | {t.gold:,} | {t.system:,} | {sp:.3f} / {sr:.3f} / {sf:.3f} | "
            f"{rp:.3f} / {rr:.3f} / {rf:.3f} | {acc:.3f} | {vf:.3f} |")


HEAD = ("| {} | gold DATE | mentions | strict P / R / F1 | relaxed P / R / F1 | value accuracy | value F1 |\n"
        "|---|---|---|---|---|---|---|")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="folders of .tml files, one corpus each")
    ap.add_argument("--out", type=Path, help="write the tables (Markdown) here too")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    args = ap.parse_args(argv)
    for d in args.dirs:
        if not d.is_dir() or not any(d.glob("*.tml")):
            sys.exit(f"{d}: no .tml files there (TimeBank and AQUAINT: see the README, 'Dated mentions on TimeML corpora')")
    # Read first, so the timing below is the annotator's alone.
    corpora = {d.name: [(p.name, *read_tml(p)) for p in sorted(d.glob("*.tml"))] for d in args.dirs}
    totals: dict[str, Tally] = {}
    by_class: dict[str, Tally] = defaultdict(Tally)
    errors: list = []
    words = sum(len(text.split()) for docs in corpora.values() for _, text, _, _ in docs)
    t0 = time.perf_counter()
    for corpus, docs in corpora.items():
        total = Tally()
        for name, text, reference, gold in docs:
            total.add(score_document(text, reference, gold, errors, f"{corpus}/{name}", by_class))
        totals[corpus] = total
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    everything = Tally()
    for t in totals.values():
        everything.add(t)
    lines = [HEAD.format("corpus")]
    lines += [row(f"{c} ({len(corpora[c])} documents)", t) for c, t in totals.items()]
    if len(totals) > 1:
        lines.append(row("all", everything))
    lines += ["", HEAD.format("class of expression (all corpora)")]
    lines += [row(c, t) for c, t in sorted(by_class.items(), key=lambda kv: -kv[1].gold)]
    lines += ["", f"{sum(len(d) for d in corpora.values())} documents, {words:,} words annotated and scored in "
              f"{seconds:.1f} s (one run; peak resident memory {peak:.0f} MiB)."]
    report = "\n".join(["# Dated mentions on TimeML corpora (TIMEX3 type DATE)", "",
                         f"`make timeml` (benchmarks/timeml.py {' '.join(d.name for d in args.dirs)}); "
                         "TempEval-3 conventions, normalisations in the script's docstring.", "", *lines])
    print(report)
    if args.errors:
        kinds = Counter(e[0] for e in errors)
        print("\nerrors:", dict(kinds))
        for kind in kinds:
            print(f"\n## {kind}")
            for e in [e for e in errors if e[0] == kind][: args.errors]:
                print(" | ".join(" ".join(str(x).split()) for x in e[1:]))
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
