"""Train the line-role taggers the parser can run (compendium.letter.tagger), and measure them
against the rules, leaving one set out, on the gold letters and their container variants.

    .venv/bin/python tools/train_line_roles.py           # measure, write the table, ship the models
    .venv/bin/python tools/train_line_roles.py --no-models   # measure only
    make line-roles                                      # the same, then tools/line_roles.py

Cases. Every gold letter of the eight sets (dev, heldout, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8),
and every letter of the four plain sets (the first four) in each container of tools/containers.py
(HTML, Markdown, PDF text, mail archive, forwarded mail, signatory table, CRLF and bullets, foreign
page chrome); heldout5 to heldout8 arrived in containers already and are not wrapped again (as in
`make accuracy`). The seed letter (data/raw/letters) and its container variants, with its committed
tables (what `make verify` guards) as its gold, are trained on in every fold and scored in none. The
loose fixture letters whose signatories a test checks (LOOSE_FIXTURES), with the rules' reading that
those tests pin as their gold, are trained on in every fold of the eight sets, and scored in a fold of
their own by CRFs that never saw them. A case is parsed as `compendium process` parses it; its
signature-block items are labelled from the gold (tools/line_roles.py, `gold_roles`: a line under a
person that the gold does not name, followed by that person's organization, is a `unit`). A case the
parser refuses has no items.

Leave one set out: for each set, the CRFs are trained on every case of the six other sets (their
letters and their container variants) and of the seed letter, and score that set: its plain letters (line accuracy, line
macro-F1, affiliation P/R/F1 through compendium.evaluate with COMPENDIUM_LINE_ROLES set) and, for
the four plain sets, its container variants (affiliation F1). heldout5 to heldout8 were
blind when first scored (heldout7 with the rules, the CRF and both: its README), but their misses have
been studied since and the rules fixed on them: here they are training sets like the others. The rules of today were tuned on every set: their row is no
held-out figure for any set (tools/line_roles.py scores the rules as they were at first sight).

Rows: `rules` (signatories.parse), `crf` (the CRF on the line features), `combined` (the CRF with
the rules' role of each line and its neighbours as features); and, to show what the variants
bring, the two CRFs trained on the plain letters only.

The shipped models (src/compendium/letter/resources/line-roles-{crf,combined}.crfsuite) are
trained on every case of the eight sets, the seed letter and the loose fixtures, in a fixed order
(set, letter, container), twice: the two trainings must give the same bytes. The table (means and
medians over the eight sets) goes to benchmarks/line-roles.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

from compendium import codebook, evaluate
from compendium.errors import InputError
from compendium.letter import roles, tagger
from compendium.process import parse_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import containers  # noqa: E402  (tools/, beside this script)
from line_roles import gold_roles, line_scores  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "fixtures" / "letters"
PLAIN_SETS = ("dev", "heldout", "heldout3", "heldout4")  # wrapped in every container
SETS = (*PLAIN_SETS, "heldout5", "heldout6", "heldout7", "heldout8")  # heldout7, heldout8 since their first sight (README)
SEED = "seed"  # the seed letter and its variants: trained on in every fold, scored in none
# The loose fixture letters whose signatories a test checks (tests/test_signatories.py, test_structure.py,
# test_letter_shapes.py, test_letter_of_another_shape.py): the rules' reading of them, which those tests
# pin, is their gold, as the seed's committed tables are its. Trained on in every fold of the eight sets;
# scored on their own by CRFs trained without them (do the layouts they show generalise from the sets?).
LOOSE = "loose"
LOOSE_FIXTURES = ("cc-lines", "closing-after-thank-you", "enc-cp1252", "orgs-only-excellency-cc-chrome",
                  "sep-blank-lines", "sep-nbsp-lines", "sep-next-name", "sig-former-markers", "sig-honorifics-degrees",
                  "sig-inline-signed-by-two-salutations", "sig-name-title-org", "sig-no-organization",
                  "sig-one-line-semicolons", "sig-organizations-only", "sig-title-org-lines", "sig-unit-lines",
                  "subject-respectfully")
ALWAYS = (SEED, LOOSE)  # in the training data of every fold of the eight sets
OUT = ROOT / "benchmarks" / "line-roles.md"
SOURCES = ("crf", "combined")


def _letter_cases(name: str, txt: Path, gold: dict, wrap: bool) -> list[dict]:
    """One letter's cases: the plain letter, then (with `wrap`) each container variant of it."""
    out = [{"set": name, "letter": txt.stem, "container": "plain", "txt": txt, "data": txt.read_bytes(), "gold": gold}]
    if not wrap:
        return out
    lt = containers.load(txt, gold)
    for cont in containers.CONTAINERS:
        try:
            data, vgold = containers.variant(lt, cont)
        except containers.NotApplicable:
            continue
        out.append({"set": name, "letter": txt.stem, "container": cont, "txt": txt, "data": data, "gold": vgold})
    return out


def cases(letters: Path = LETTERS) -> list[dict]:
    """Every case in a fixed order: (set, letter, container), the plain letter first; then the seed
    letter and its variants, then the loose fixtures (plain), whose gold is their rules' reading
    (containers.gold_from_parse: for the seed, its committed tables, what `make verify` guards)."""
    out = []
    for name in SETS:
        for txt, gold in containers.gold_letters([letters / name]):
            if not gold.get("refuse"):
                out += _letter_cases(name, txt, gold, name in PLAIN_SETS)
    cb = codebook.load(None)
    with running("rules", None):  # the references are the rules' reading, whatever the environment says
        for txt in sorted((ROOT / "data" / "raw" / "letters").glob("*.txt")):
            out += _letter_cases(SEED, txt, containers.gold_from_parse(txt, cb), True)
        for stem in LOOSE_FIXTURES:
            txt = letters / f"{stem}.txt"
            out += _letter_cases(LOOSE, txt, containers.gold_from_parse(txt, cb), False)
    _label(out)
    return out


def _label(out: list[dict]) -> None:
    """Each case's items as the parser reads them, the rules' role and the gold's label of each."""
    for c in out:
        try:
            lines = parse_letter(c["data"], "letter", c["txt"]).structure.signature_lines
        except InputError:
            lines = []  # refused: no block, no items (the affiliation scores count it as missed)
        c["items"], c["rules"] = roles.rule_roles(lines)
        c["labels"] = gold_roles(c["items"], c["gold"])
    return out


def sequences(rows: list[dict], src: str) -> list[tuple[list[dict], list[str]]]:
    return [(tagger.sequence_features(r["items"], r["rules"], src), r["labels"]) for r in rows if r["items"]]


@contextlib.contextmanager
def running(src: str, model: Path | None):
    """The parser with the line roles of `src` (the model at `model`), as COMPENDIUM_LINE_ROLES sets it."""
    old_env, old_models = os.environ.get(tagger.ENV), dict(tagger.MODELS)
    os.environ[tagger.ENV] = src
    if model is not None:
        tagger.MODELS[src] = model
    try:
        yield
    finally:
        tagger.MODELS.clear()
        tagger.MODELS.update(old_models)
        if old_env is None:
            os.environ.pop(tagger.ENV, None)
        else:
            os.environ[tagger.ENV] = old_env


def score(rows: list[dict], src: str, model: Path | None, cb) -> dict:
    """Line scores and end-to-end affiliation scores of `src` on the rows."""
    with running(src, model):
        pred = [tagger.tag(r["items"], r["rules"], src) for r in rows]
        sm = evaluate.summary([evaluate.score_letter(r["txt"], r["gold"], cb, data=r["data"]) for r in rows])
    acc, f1 = line_scores([r["labels"] for r in rows], pred)
    return {"acc": acc, "f1": f1, "p": sm["aff_precision"], "r": sm["aff_recall"], "aff": sm["aff_f1"]}


def fold(name: str, rows: list[dict], tmp: Path, cb) -> list[tuple[str, dict, dict | None]]:
    """The rows of one held-out set: (label, its plain letters' scores, its variants' scores)."""
    test = [r for r in rows if r["set"] == name]
    plain = [r for r in test if r["container"] == "plain"]
    wrapped = [r for r in test if r["container"] != "plain"]
    rest = [r for r in rows if r["set"] != name]  # for the loose fixtures: the eight sets and the seed
    out = [("rules (tuned on every set, this one too)", score(plain, "rules", None, cb),
            score(wrapped, "rules", None, cb) if wrapped else None)]
    for src in SOURCES:
        for label, train_rows in ((src, rest), (f"{src}, plain letters only", [r for r in rest if r["container"] == "plain"])):
            path = tmp / f"{name}-{label.replace(' ', '_').replace(',', '')}.crfsuite"
            tagger.train(sequences(train_rows, src), path)
            out.append((label, score(plain, src, path, cb), score(wrapped, src, path, cb) if wrapped else None))
    return out


def ship(rows: list[dict], tmp: Path) -> dict[str, tuple[str, int]]:
    """Train each shipped model twice on every case; the same bytes or an error. Returns sha256 and size."""
    out = {}
    for src in SOURCES:
        digests = []
        for k in range(2):
            path = tmp / f"all-{src}-{k}.crfsuite"
            tagger.train(sequences(rows, src), path)
            digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
        if digests[0] != digests[1]:
            raise SystemExit(f"{src}: training is not deterministic: two runs gave different model bytes")
        dest = tagger.MODELS[src]
        tmp_dest = dest.with_name(dest.name + ".tmp")
        tmp_dest.write_bytes(path.read_bytes())
        os.replace(tmp_dest, dest)
        out[src] = (digests[0], path.stat().st_size)
    return out


def _fmt(s: dict | None, full: bool) -> str:
    if s is None:
        return "–"
    return f"{s['acc']:.3f} | {s['f1']:.3f} | {s['p']:.3f} / {s['r']:.3f} / {s['aff']:.3f}" if full else f"{s['aff']:.3f}"


def measure(rows: list[dict], cb, tmp: Path) -> tuple[list[str], dict[str, list]]:
    """Every fold's rows of the table, and each row label's scores over the eight sets."""
    table = ["| held-out set (letters, variants) | line roles | line accuracy | line macro-F1 | "
             "affiliation P / R / F1 | affiliation F1, container variants |", "|---|---|---|---|---|---|"]
    means: dict[str, list] = {}
    for name in (*SETS, LOOSE):
        n_plain = sum(r["set"] == name and r["container"] == "plain" for r in rows)
        n_var = sum(r["set"] == name and r["container"] != "plain" for r in rows)
        for label, plain, wrapped in fold(name, rows, tmp, cb):
            table.append(f"| {name} ({n_plain}, {n_var}) | {label} | {_fmt(plain, True)} | {_fmt(wrapped, False)} |")
            print(table[-1], flush=True)
            if name != LOOSE:
                means.setdefault(label.split(" (")[0], []).append((plain, wrapped))
    return table, means


def summary_table(means: dict[str, list]) -> list[str]:
    """Mean and median over the eight sets of each row label."""
    out = ["| line roles | line accuracy, mean | line macro-F1, mean | affiliation F1, mean | affiliation F1, median "
           "| affiliation F1, container variants (4 plain sets), mean |", "|---|---|---|---|---|---|"]
    for label, vals in means.items():
        avg = [statistics.mean(p[k] for p, _ in vals) for k in ("acc", "f1", "aff")]
        med = statistics.median(p["aff"] for p, _ in vals)
        wr = statistics.mean(w["aff"] for _, w in vals if w is not None)
        out.append(f"| {label} | " + " | ".join(f"{x:.3f}" for x in (*avg, med, wr)) + " |")
    return out


def markdown(rows: list[dict], table: list[str], summary: list[str], shipped: dict) -> list[str]:
    n_items = sum(len(r["items"]) for r in rows)
    agree = sum(a == b for r in rows for a, b in zip(r["labels"], r["rules"]))
    units = sum(x == "unit" for r in rows if r["set"] in SETS for x in r["labels"])
    md = ["# Line roles in the signature block: rules, CRF and both, leaving one set out", "",
          "Made by `tools/train_line_roles.py` (`make line-roles`). The first-sight comparison (the rules as they were "
          "when each set was first scored blind) is in `line-roles-first-sight.md` (`tools/line_roles.py`).", "",
          f"Cases: the plain gold letters of {', '.join(SETS)}, and the letters of {', '.join(PLAIN_SETS)} in each "
          f"container of tools/containers.py ({', '.join(containers.CONTAINERS)}); the seed letter and its variants; "
          f"the {len(LOOSE_FIXTURES)} loose fixture letters whose signatories a test checks ({LOOSE}); {len(rows)} "
          f"cases, {n_items} signature-block items labelled from the gold (the rules agree with the labels on {agree}; "
          f"the eight sets' items labelled `unit`: {units}, since GOLD.md does not score sub-units and few letters "
          "have them).", "",
          f"Each set is scored by CRFs trained on every case of the {len(SETS) - 1} other sets, of the seed letter and "
          "its container variants (its committed tables, what `make verify` guards, as its gold) and of the loose "
          "fixtures (their rules' reading, which their tests pin, as gold); the seed is never scored; the loose "
          "fixtures are scored last, by CRFs trained on the eight sets and the seed only. heldout5 to heldout8 "
          "are no longer blind (their misses were studied and the rules fixed on them): they are training "
          "sets here like the others. The rules were tuned on every set, so their row is no held-out figure; the CRF "
          "rows are. *combined* is the CRF with the rules' role of each line and of its neighbours as features; "
          "*plain letters only*: the same CRF trained without the container variants. Affiliation scores are "
          "compendium.evaluate's, with the parser run with COMPENDIUM_LINE_ROLES set to the row's source.", "",
          *table, "", f"Over the {len(SETS)} held-out sets (the loose fixtures aside; the container column: over the "
          "four plain sets):", "", *summary, ""]
    if shipped:
        md += [f"Shipped models (every case of the {len(SETS)} sets, the seed letter and the loose fixtures, trained "
               "twice, the same bytes):", ""]
        md += [f"- `src/compendium/letter/resources/{tagger.MODELS[s].name}` ({s}): {size:,} bytes, SHA-256 {d}"
               for s, (d, size) in shipped.items()]
        md.append("")
    return md


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="where the table goes")
    ap.add_argument("--no-models", action="store_true", help="measure only: leave the shipped models as they are")
    args = ap.parse_args(argv)
    cb = codebook.load(None)
    rows = cases()
    print(f"{len(rows)} cases, {sum(len(r['items']) for r in rows)} items", flush=True)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        table, means = measure(rows, cb, tmp)
        shipped = {} if args.no_models else ship(rows, tmp)
    summary = summary_table(means)
    args.out.write_text("\n".join(markdown(rows, table, summary, shipped)), encoding="utf-8")
    print("\n".join(summary))
    for s, (d, size) in shipped.items():
        print(f"{s}: {size} bytes, sha256 {d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
