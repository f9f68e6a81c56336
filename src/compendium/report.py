"""What the report notebooks show, as functions: load a processed letter
(validating the notebook's parameters), and build the tables and HTML
fragments. Notebooks stay thin: they call these.

All text that comes from a letter is HTML-escaped here before it reaches a
report.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import contract, paths
from .errors import InputError
from .rawdata import LETTER_ID, check_letter_id

FILES = contract.REPORT_FILES
# Bounds on what a report reads: far above what a letter of at most 1 MB
# (rawdata.MAX_BYTES) gives, low enough that a report never runs for minutes.
MAX_FILE_BYTES = 32_000_000
MAX_ROWS = 100_000


@dataclass
class Letter:
    """One processed letter, as the reports see it."""

    letter_id: str
    meta: dict
    text: str
    paragraphs: pd.DataFrame
    signatories: pd.DataFrame
    affiliations: pd.DataFrame
    mentions: pd.DataFrame
    timeline: pd.DataFrame

    @property
    def date(self) -> str:
        return self.meta["date"]

    def sentence(self, mention_id) -> str:
        if pd.isna(mention_id):
            return ""
        m = self.mentions.loc[self.mentions.mention_id == int(mention_id)].iloc[0]
        if pd.isna(m.sentence_start):
            return self.text[int(m.start) : int(m.end)]
        return self.text[int(m.sentence_start) : int(m.sentence_end)]


def resolve_dir(processed_dir: str | Path | None, letter_id: str | None) -> Path:
    """The processed folder a notebook was given, checked; relative paths are
    tried from the working directory, then from the project root."""
    if processed_dir is not None and not isinstance(processed_dir, (str, os.PathLike)):
        raise InputError("processed_dir", f"must be a folder path (text), not {processed_dir!r}")
    if processed_dir in (None, ""):
        if not letter_id:
            raise InputError("processed_dir", "give processed_dir (a folder written by `compendium process`) or letter_id")
        check_letter_id(letter_id, "letter_id")
        processed_dir = paths.processed_dir() / letter_id
    p = Path(processed_dir)
    candidates = [p] if p.is_absolute() else [Path.cwd() / p, paths.root() / p]
    for c in candidates:
        if c.is_dir():
            p = c
            break
    else:
        raise InputError("processed_dir", f"{processed_dir}: no such folder (run `compendium process` first)")
    missing = [f for f in FILES if not (p / f).is_file()]
    if missing:
        raise InputError("processed_dir", f"{processed_dir}: not a processed letter folder (missing {', '.join(missing)})")
    return p


def check_flag(name: str, value) -> bool:
    """A yes/no notebook parameter must be a real boolean (papermill -p x false passes a string)."""
    if not isinstance(value, bool):
        raise InputError(name, f"must be True or False, not {value!r} (papermill: -y '{name}: false')")
    return value


def _read_text(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(path, f"{size} bytes, over the {MAX_FILE_BYTES}-byte limit of a processed file: "
                               "not what `compendium process` writes")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (undecodable byte at offset {exc.start})") from None


def _meta(path: Path) -> dict:
    try:
        meta = json.loads(_read_text(path))
    except ValueError as exc:
        raise InputError(path, f"not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(path, "not a JSON object")
    missing = [k for k in ("letter_id", "date", "signatory_count") if k not in meta]
    if missing:
        raise InputError(path, f"missing key(s) {', '.join(missing)}")
    check_letter_id(meta["letter_id"], f"{path}: letter_id")
    try:
        dt.date.fromisoformat(meta["date"])
    except (TypeError, ValueError):
        raise InputError(path, f"date {meta['date']!r} is not an ISO date (YYYY-MM-DD)") from None
    if not isinstance(meta["signatory_count"], int) or meta["signatory_count"] < 0:
        raise InputError(path, f"signatory_count {meta['signatory_count']!r} is not a count")
    for key in ("addressee", "unclassified_organizations"):
        if not isinstance(meta.get(key, []), list) or not all(isinstance(v, str) for v in meta.get(key, [])):
            raise InputError(path, f"{key} is not a list of texts")
    for key in ("subject", "salutation", "closing"):
        if not isinstance(meta.get(key, ""), str):
            raise InputError(path, f"{key} is not a text")
    return meta


def _schema_problem(exc) -> str:
    """One short line for a pandera error: the first failing cell and the check it fails."""
    cases = getattr(exc, "failure_cases", None)
    if isinstance(cases, pd.DataFrame) and len(cases) and "failure_case" in cases:
        first = cases.iloc[0]
        column = first.get("column", getattr(exc, "column_name", None))
        check = first.get("check", getattr(exc, "check", None))
        check = getattr(check, "error", None) or getattr(check, "name", None) or check
        value = first["failure_case"]
        value = value.item() if hasattr(value, "item") else value
        index = first.get("index")
        where = f"line {int(index) + 2}: " if index is not None and pd.notna(index) else ""
        return f"{where}column {column}: {value!r} fails the schema check {check}"
    return "fails its schema: " + " ".join(str(exc).split())[:200]


def _validate(p: Path, frames: dict[str, pd.DataFrame], text: str) -> None:
    """The tables as `compendium process` writes them (compendium.schemas), and consistent
    with each other and with clean.txt; one message for the first problem found."""
    import pandera.errors

    from .schemas import TABLES

    for name, df in frames.items():
        schema = TABLES[name]
        typed = df.copy()
        for col, spec in contract.TABLES[name].items():
            if spec.type == contract.INT:
                if typed[col].isna().any():
                    row = int(typed[col].isna().to_numpy().nonzero()[0][0]) + 2
                    raise InputError(p / name, f"line {row}: column {col} is empty")
                typed[col] = typed[col].astype("int64")
        try:
            schema.validate(typed)
        except (pandera.errors.SchemaError, pandera.errors.SchemaErrors) as exc:
            raise InputError(p / name, _schema_problem(exc)) from None
    for name, cols in (("paragraphs.csv", ("start", "end")), ("signatories.csv", ("start", "end")),
                       ("mentions.csv", ("start", "end", "sentence_start", "sentence_end"))):
        df = frames[name]
        for col in cols:
            over = df[col].dropna()
            over = over[(over < 0) | (over > len(text))]
            if len(over):
                raise InputError(p / name, f"line {int(over.index[0]) + 2}: {col} {int(over.iloc[0])} is "
                                           f"beyond the end of clean.txt ({len(text)} characters)")
        if (df["start"] > df["end"]).any():
            raise InputError(p / name, f"line {int((df['start'] > df['end']).idxmax()) + 2}: start after end")
    timeline = frames["timeline.csv"]
    for col in ("start", "end"):
        for i, value in timeline[col].items():
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(p / "timeline.csv", f"line {i + 2}: {col} {value!r} is not a date") from None
    if (timeline["start"] > timeline["end"]).any():
        raise InputError(p / "timeline.csv", f"line {int((timeline['start'] > timeline['end']).idxmax()) + 2}: "
                                             "start after end")
    known = set(frames["mentions.csv"]["mention_id"].dropna())
    unknown = timeline["mention_id"].dropna()
    unknown = unknown[~unknown.isin(known)]
    if len(unknown):
        raise InputError(p / "timeline.csv", f"line {int(unknown.index[0]) + 2}: mention_id {int(unknown.iloc[0])} "
                                             "is not in mentions.csv")


# Digests of folders whose files passed _validate in this process. Validation (pandera)
# is most of a report's loading time and depends only on the files' bytes, so a kernel
# that runs both reports of a letter checks its files once.
_VALID: dict[str, None] = {}


def checked_by_build(letter_id: str, key: str) -> bool:
    """Whether `compendium process`, run by the build, wrote and checked exactly these files
    (build/checked-tables/<letter id> holds their contract.tables_digest): the same checks as
    _validate, made once where the tables were made."""
    if not isinstance(letter_id, str) or not LETTER_ID.fullmatch(letter_id):  # a file name, never a path
        return False
    try:
        record = (paths.build_dir() / "checked-tables" / letter_id).read_text(encoding="ascii", errors="strict")
    except (OSError, ValueError):
        return False
    return record.strip() == key


def load(processed_dir: str | Path | None = None, letter_id: str | None = None) -> Letter:
    """Load a processed letter; this is the notebooks' parameter check. Every file is
    checked (size, encoding, columns, the schemas, offsets into clean.txt): a hand-edited
    or foreign folder stops with one message naming the file and the problem."""
    p = resolve_dir(processed_dir, letter_id)
    meta = _meta(p / "letter.json")
    if letter_id not in (None, "") and letter_id != meta.get("letter_id"):
        check_letter_id(letter_id, "letter_id")
        raise InputError("letter_id", f"{letter_id!r} is not the letter in {processed_dir} ({meta.get('letter_id')!r})")

    texts = {name: _read_text(p / name) for name in (*contract.TABLES, "clean.txt")}
    key = contract.tables_digest(texts)
    if _LAST and _LAST[0] == key:  # the letter's other report, in the same kernel: the same bytes
        return _letter(meta, texts["clean.txt"], {name: df.copy() for name, df in _LAST[1].items()})

    def csv(name: str) -> pd.DataFrame:
        import io

        try:
            df = pd.read_csv(io.StringIO(texts[name]), dtype=str, keep_default_na=False, na_values=[""])
        except (ValueError, pd.errors.ParserError) as exc:  # EmptyDataError is a ValueError
            raise InputError(p / name, f"not a CSV table ({' '.join(str(exc).split())})") from None
        if len(df) > MAX_ROWS:
            raise InputError(p / name, f"{len(df)} rows, over the {MAX_ROWS}-row limit of a report")
        missing = [c for c in contract.TABLES[name] if c not in df.columns]
        if missing:
            raise InputError(p / name, f"missing column(s) {', '.join(missing)}")
        extra = [c for c in df.columns if c not in contract.TABLES[name]]
        if extra:
            raise InputError(p / name, f"unexpected column(s) {', '.join(map(str, extra))}")
        return df

    frames = {}
    for name in contract.TABLES:
        df, cols = csv(name), contract.integer_columns(name)
        for c in cols:
            try:
                df[c] = pd.to_numeric(df[c]).astype("Int64")
            except (ValueError, TypeError):
                bad = next(v for v in df[c].dropna() if not re.fullmatch(r"[+-]?\d+", v.strip()))
                raise InputError(p / name, f"column {c}: {bad!r} is not an integer") from None
        frames[name] = df.fillna({c: "" for c in df.columns if c not in cols})
    text = texts["clean.txt"]
    # The same files passed before (the other report of this letter), or `compendium process` checked them.
    if key not in _VALID and not checked_by_build(meta["letter_id"], key):
        _validate(p, frames, text)
        _VALID[key] = None
        while len(_VALID) > 4096:  # digests only (~0.1 KB each): bounded, and a corpus report
            _VALID.pop(next(iter(_VALID)))  # after this worker's letters re-checks none of them
    _LAST[:] = [key, {name: df.copy() for name, df in frames.items()}]
    return _letter(meta, text, frames)


# The last tables load() parsed and checked, by their digest: a letter's two reports run one after
# the other in one kernel (the build queues them together), and the second one parsed the same five
# CSV files again. Copies go out, so a notebook that changes its frames changes nothing here.
_LAST: list = []


def _letter(meta: dict, text: str, frames: dict[str, pd.DataFrame]) -> Letter:
    return Letter(meta["letter_id"], meta, text,
                  frames["paragraphs.csv"], frames["signatories.csv"], frames["affiliations.csv"],
                  frames["mentions.csv"], frames["timeline.csv"])


# --- HTML fragments ---------------------------------------------------------------

def esc(value) -> str:
    return html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value))


def html_table(df: pd.DataFrame, caption: str = "") -> str:
    """A table with every cell escaped, wrapped so it scrolls on a phone."""
    if df.empty:
        return f'<p class="empty">{esc(caption) + ": " if caption else ""}none.</p>'
    table = df.to_html(index=False, escape=True, border=0, classes="data", na_rep="")
    cap = f"<h4>{esc(caption)}</h4>" if caption else ""
    return f'{cap}<div class="table-wrap">{table}</div>'


def heading(letter: Letter, report: str) -> str:
    m = letter.meta
    addressee = "; ".join(m.get("addressee", []))
    return (f'<header class="letter-head"><p class="kicker">{esc(report)}</p>'
            f'<h1>{esc(m.get("subject") or letter.letter_id)}</h1>'
            f"<p>Letter of <strong>{esc(m['date'])}</strong> to {esc(addressee)}, "
            f"signed by {int(m['signatory_count'])} signatories. Letter id <code>{esc(letter.letter_id)}</code>."
            f"{_corrections_note(m)}</p></header>")


def _corrections_note(meta: dict) -> str:
    """An analyst's corrections are part of the result: the page says how many were applied."""
    n = len(meta.get("corrections") or [])
    if not n:
        return ""
    return (f" {n} correction{'s' if n != 1 else ''} applied (data/raw/corrections/"
            f"{esc(meta['letter_id'])}.csv; rows they changed say so in their <code>source</code> column).")


def paragraph(text: str) -> str:
    return f"<p>{esc(text)}</p>"


# --- timeline tables ----------------------------------------------------------------

def event_table(letter: Letter, include_context: bool = True) -> pd.DataFrame:
    rows = []
    for e in letter.timeline.itertuples():
        if e.source == "context" and not include_context:
            continue
        if e.start > letter.date:
            after = "after the letter"
        elif e.end < letter.date:
            after = "before the letter"
        elif e.start == e.end == letter.date and e.source == "letter" and e.mention_id == 1:
            after = "the letter"
        else:  # a month or year that contains the letter's date ("later this month")
            after = "around the letter (its span includes the letter's date)"
        rows.append({
            "Date": e.date, "Precision": e.precision, "Event": e.label,
            "Source": "letter" if e.source == "letter" else "context",
            "When": after,
            "From the letter / citation": letter.sentence(e.mention_id) if e.source == "letter" else e.citation,
        })
    return pd.DataFrame(rows)


def asks_table(letter: Letter, include_context: bool = True) -> pd.DataFrame:
    asks = letter.mentions[letter.mentions.kind == "ask"]
    ctx = letter.timeline[letter.timeline.source == "context"]
    if not include_context:
        ctx = ctx.iloc[0:0]
    rows = []
    for a in asks.itertuples():
        answers = ctx[ctx.answers_ask == a.ask_number]
        answered = "; ".join(f"{r.date}: {r.label}" for r in answers.itertuples()) or (
            "no context event recorded" if include_context else "(context events not included)")
        rows.append({"Ask": int(a.ask_number), "Addressed to": a.value or "not stated",
                     "What the letter asks": a.text, "What followed": answered})
    return pd.DataFrame(rows)


# --- coalition tables ----------------------------------------------------------------

def composition(letter: Letter) -> pd.DataFrame:
    """Per sector: affiliations (one row each) and distinct people/organization signatories."""
    aff = letter.affiliations.copy()
    # A former position is not a current tie to its sector: counted apart.
    aff["sector"] = aff.sector.where(aff.former != "true", aff.sector + " (former)")
    out = (aff.groupby("sector")
           .agg(affiliations=("signatory_id", "size"), signatories=("signatory_id", "nunique"))
           .reset_index().sort_values(["affiliations", "sector"], ascending=[False, True]))
    return out.rename(columns={"sector": "Sector", "affiliations": "Affiliations", "signatories": "Signatories"})


def _org(row) -> str:
    return row.canonical_organization or row.organization


def shared_organizations(letter: Letter) -> pd.DataFrame:
    aff = letter.affiliations[letter.affiliations.canonical_organization != ""].copy()
    g = aff.groupby("canonical_organization")
    rows = [{"Organization": org, "Signatories": len(set(grp.signatory_id)),
             "Who": "; ".join(dict.fromkeys(grp.name.where(grp.name != "", grp.organization)))}
            for org, grp in g if grp.signatory_id.nunique() > 1]
    return pd.DataFrame(rows, columns=["Organization", "Signatories", "Who"])


def several_affiliations(letter: Letter) -> pd.DataFrame:
    aff = letter.affiliations
    counts = aff.groupby("signatory_id").size()
    rows = []
    for sid in counts[counts > 1].index:
        grp = aff[aff.signatory_id == sid]
        rows.append({"Name": grp.name.iloc[0], "Affiliations": len(grp),
                     "Positions": "; ".join(f"{r.title}, {_org(r)}".strip(", ") for r in grp.itertuples())})
    return pd.DataFrame(rows, columns=["Name", "Affiliations", "Positions"])


def former_positions(letter: Letter) -> pd.DataFrame:
    aff = letter.affiliations[letter.affiliations.former == "true"]
    return pd.DataFrame([{"Name": r.name, "Former position": r.title, "Unit": r.unit, "Organization": r.organization,
                          "Sector": r.sector} for r in aff.itertuples()],
                        columns=["Name", "Former position", "Unit", "Organization", "Sector"])


def without_organization(letter: Letter) -> pd.DataFrame:
    aff = letter.affiliations
    rows = []
    for _sid, grp in aff.groupby("signatory_id", sort=True):
        if (grp.organization == "").all() and (grp.unit == "").all():
            rows.append({"Name": grp.name.iloc[0], "As signed": "; ".join(t for t in grp.title if t) or "(no title)"})
    return pd.DataFrame(rows, columns=["Name", "As signed"])


def signatory_table(letter: Letter) -> pd.DataFrame:
    rows = []
    for r in letter.affiliations.itertuples():
        rows.append({"#": int(r.signatory_id), "Signatory": r.name or r.organization, "Title": r.title,
                     "Unit": r.unit, "Organization": r.organization,
                     "Former": "former" if r.former == "true" else "", "Sector (codebook)": r.sector})
    return pd.DataFrame(rows)


def unclassified(letter: Letter) -> list[str]:
    aff = letter.affiliations
    return sorted(set(aff.loc[aff.sector == "unclassified", "canonical_organization"]))


# The letter's own words for its coalition, mapped to codebook sectors.
DESCRIPTION_TERMS = [
    (r"advocacy groups?|non-?governmental organi[sz]ations?|NGOs?|human rights (?:groups?|organi[sz]ations?)|civil society", ("advocacy",)),
    (r"academic institutions?|universit(?:y|ies)|academics?|scholars?", ("academic",)),
    (r"think tanks?|policy institutes?|research institutes?", ("think tank",)),
    (r"foundations?|philanthrop\w+", ("foundation",)),
    (r"former (?:government )?officials?|government officials?", ("government",)),
    (r"individuals|others", ("foundation", "government", "intergovernmental", "independent", "unclassified")),
]


# "… from <description>, know / write / urge …": the description runs from a word that
# introduces it to the first verb after it, within one sentence (no '.' or ';' in it).
_DESCRIBES = re.compile(r"\b(?:comprising|including|representing|consisting of|from)(\s+)")
# A run of white space (taken whole: nothing white before it) followed by one of the verbs.
_BEFORE_VERB = re.compile(r"(?<!\s)\s+(?=(?:know|write|urge|are|have|call|request|wish|believe|join)\b)")


def self_description(text: str) -> str:
    r"""The phrase where the letter describes its own coalition, or ''.

    The first match of
    `\b(?:comprising|…|from)\s+(?P<d>[^.;]+?),?\s+(?:know|write|…)\b`, found in linear
    time: that pattern, searched with `re`, tries every word that introduces a
    description against the rest of its sentence (quadratic in a long text without
    '.' or ';' and with many "from"). Here where a description may end (before ',',
    white space and a verb) and where each sentence ends are found once, and each
    introducing word looks them up by bisection."""
    # Where d may end: at a comma just before such a run, or anywhere inside the run
    # (the run is then white space ending at the verb). Inclusive, sorted, disjoint.
    lows, highs = [], []
    for m in _BEFORE_VERB.finditer(text):
        lows.append(m.start() - 1 if m.start() > 0 and text[m.start() - 1] == "," else m.start())
        highs.append(m.end() - 1)
    stops = [i for i, c in enumerate(text) if c in ".;"]

    def first_end(d0: int) -> int | None:
        """The shortest d from d0 (at least one character, no '.' or ';'): its end, or None."""
        k = bisect.bisect_right(highs, d0)  # the first place d may end after d0
        if k == len(highs):
            return None
        end = max(lows[k], d0 + 1)
        j = bisect.bisect_left(stops, d0)
        return end if j == len(stops) or end <= stops[j] else None

    for m in _DESCRIBES.finditer(text):
        # `\s+` takes the whole run first and gives back one character at a time, as re does.
        for d0 in range(m.end(1), m.start(1), -1):
            end = first_end(d0)
            if end is not None:
                return text[d0:end]
    return ""


def description_vs_codebook(letter: Letter) -> pd.DataFrame:
    desc = self_description(letter.text)
    comp = letter.affiliations.groupby("sector").signatory_id.nunique()
    rows = []
    for term_re, sectors in DESCRIPTION_TERMS:
        m = re.search(rf"\b(?:{term_re})\b", desc, re.I)
        if not m:
            continue
        found = {s: int(comp.get(s, 0)) for s in sectors if comp.get(s, 0)}
        rows.append({"The letter says": m.group(0), "Codebook sectors": ", ".join(sectors),
                     "Signatories classified so": "; ".join(f"{s}: {n}" for s, n in found.items()) or "none",
                     "Agrees": "yes" if found else "no"})
    return pd.DataFrame(rows, columns=["The letter says", "Codebook sectors", "Signatories classified so", "Agrees"])
