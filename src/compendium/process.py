"""One letter, raw → processed: clean text, letter.json and the tidy tables.

`process()` is the public entry point of this stage; the CLI is a thin layer
over it. Everything is computed in memory, checked against the contract, and
only then written to a staging folder that replaces the output folder whole.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import heapq
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, brat, contract, lock, paths, rawdata, spreadsheet, timeml
from . import codebook as codebook_mod
from . import corrections as corrections_mod
from .letter import signatories as signatories_mod
from .letter import structure as structure_mod
from .letter import tagger as tagger_mod
from . import timeline as timeline_mod
from .annotate import annotate
from .letter.clean import clean, decode, normalise
from .contract import KINDS, OUTPUT_FILES
from .errors import InputError, InternalError
from .letter.lines import is_sentence
from .outputs import MARKER, MARKER_TEXT, not_ours, refuse_links


@dataclass
class Parsed:
    letter_id: str
    clean_text: str
    removed: list[dict]
    structure: structure_mod.Structure
    signatories: list[signatories_mod.Signatory]
    raw_lines: list[int] = field(default_factory=list)  # raw line number of each clean line
    corrections: list = field(default_factory=list)
    corrections_path: Path | None = None
    letter_fields: dict = field(default_factory=dict)  # letter fields set by corrections
    page_date: tuple | None = None  # (raw line, date) when the page's publication date dates the letter
    header_subject: str | None = None  # an e-mail's Subject header, the subject of a letter that gives none


def parse_letter(data: bytes, letter_id: str, where: str | Path, corrections: Path | None = None) -> Parsed:
    """Clean, structure and signatories of one letter, with an analyst's corrections applied."""
    fixes = corrections_mod.load(corrections) if corrections else []
    chrome, sig_lines = [], None
    if fixes:
        n_lines = normalise(decode(data, where)).count("\n") + 1
        chrome, sig_lines = corrections_mod.line_actions(fixes, corrections, n_lines)
    date_fix = next((c.value for c in fixes if c.action == "set_letter" and c.target == "date"), None)
    cleaned = clean(data, where, chrome_lines=chrome, signature_lines=sig_lines, date_given=date_fix is not None)
    sig_from = None
    if sig_lines is not None:
        first = next((k for k, n in enumerate(cleaned.raw_lines) if n - 1 >= sig_lines[0]), None)
        sig_from = sum(len(x) + 1 for x in cleaned.text.split("\n")[:first]) if first is not None else None
    given = dt.date.fromisoformat(date_fix) if date_fix else (cleaned.page_date[1] if cleaned.page_date else None)
    st = structure_mod.parse(cleaned.text, where, signature_from=sig_from, date=given)
    fields = {}
    for c in fixes:
        if c.action == "set_letter":
            fields[c.target] = c.value
            if c.target == "date":
                st.date = dt.date.fromisoformat(c.value)
    sigs = tagger_mod.signatories(st.signature_lines)  # the rules, or the CRF (COMPENDIUM_LINE_ROLES)
    sigs = corrections_mod.apply_signatories(cleaned.text, sigs, fixes, corrections)
    if not sigs:
        raise InputError(where, "no signatory found in the signature block (lines "
                                f"{_raw_range(cleaned, st.signature_lines)}); mark the block with a correction "
                                "(signature_lines) if it is elsewhere")
    return Parsed(letter_id, cleaned.text, cleaned.removed, st, sigs, cleaned.raw_lines, fixes, corrections,
                  fields, None if date_fix else cleaned.page_date, cleaned.header_subject)


def cut_warnings(p: Parsed) -> list[str]:
    """Lines cut as page chrome that may be letter text: inside the letter, or a line
    that reads as a person's name. Each is said on stderr, never cut silently."""
    out = []
    by_correction = [r for r in p.removed if "by a correction" in r["reason"]
                     and (is_sentence(r["text"]) or signatories_mod._evidence(r["text"]) == 2)]
    rows = _cutting_rows(p, [r["line"] for r in by_correction])
    for r in p.removed:
        if r["reason"].startswith("bidirectional"):
            continue
        if "by a correction" in r["reason"]:
            # The analyst's cut, said when it takes a sentence or a name: a range one line off cuts the letter.
            if r["line"] in rows:
                out.append(f"{r['line']}: cut as page chrome by a correction ({rows[r['line']]}): {r['text']!r} "
                           "reads as letter text; if it belongs to the letter, take it out of the chrome_lines range")
        elif "inside the letter" in r["reason"] or signatories_mod._evidence(r["text"]) == 2:
            out.append(f"{r['line']}: cut as page chrome ({r['reason']}): {r['text']!r}; if it belongs to the "
                       "letter, keep it with a correction (docs/corrections.md)")
    return out


def _cutting_rows(p: Parsed, lines: list[int]) -> dict[int, str]:
    """For each raw line (1-based, ascending), the first chrome_lines row of the corrections
    file that covers it: one sweep over the lines and the ranges, however many of each."""
    ranges = sorted((*c.line_range(p.corrections_path), c.line) for c in p.corrections if c.action == "chrome_lines")
    out: dict[int, str] = {}
    live: list[tuple[int, int]] = []  # (row, last line) of the ranges begun, first row on top
    k = 0
    for line in lines:
        while k < len(ranges) and ranges[k][0] <= line - 1:
            heapq.heappush(live, (ranges[k][2], ranges[k][1]))
            k += 1
        while live and live[0][1] < line - 1:  # ended before this line, so before every later one
            heapq.heappop(live)
        if live:
            out[line] = f"{p.corrections_path}:{live[0][0]}"
    return out


def _raw_range(cleaned, lines) -> str:
    if not lines:
        return "none"
    return f"{cleaned.raw_line(lines[0].start)}-{cleaned.raw_line(lines[-1].end)}"


def _paragraph_rows(p: Parsed) -> list[dict]:
    st = p.structure
    rows = [("header", st.date_line)] if st.date_line.text else []
    if st.title and st.title != st.subject_line:
        rows.append(("header", st.title))
    if st.addressee:
        a0, a1 = st.addressee[0].start, st.addressee[-1].end
        rows.append(("header", structure_mod.Span(a0, a1, p.clean_text[a0:a1])))
    if st.subject_line:
        rows.append(("header", st.subject_line))
    if st.salutation:
        rows.append(("header", st.salutation))
    rows += [("body", s) for s in st.body]
    rows += [("heading", s) for s in st.headings]
    if st.closing:
        rows.append(("closing", st.closing))
    rows += [("signatures", structure_mod.Span(s.start, s.end, p.clean_text[s.start : s.end])) for s in p.signatories]
    rows += [("note", s) for s in st.notes if s != st.date_line]
    rows += [("cc", s) for s in st.cc]
    seen, unique = set(), []
    for sec, sp in sorted(rows, key=lambda r: (r[1].start, r[1].end)):
        if (sp.start, sp.end) not in seen:
            seen.add((sp.start, sp.end))
            unique.append((sec, sp))
    return [{"paragraph_id": i, "section": sec, "start": sp.start, "end": sp.end, "text": sp.text}
            for i, (sec, sp) in enumerate(unique, 1)]


def _table(rows: list[dict], name: str) -> str:
    """A table's CSV text, once its rows are checked against the contract."""
    why = contract.problem(name, rows)
    if why:  # the tables are built here from parsed text: a bug
        raise InternalError(f"the {name} table built for this letter fails its schema: {why}")
    return contract.csv_text(name, rows)


def build_tables(p: Parsed, data: bytes, cb: codebook_mod.Codebook, context: list) -> tuple[dict[str, str | bytes], list[str]]:
    """Every output file's content, plus the organizations the codebook does not know."""
    text, st = p.clean_text, p.structure
    paragraphs = _paragraph_rows(p)

    sig_rows, aff_rows, unclassified = [], [], []
    for s in p.signatories:
        sig_rows.append({"signatory_id": s.signatory_id, "signatory_type": s.signatory_type, "name": s.name,
                         "honorific": s.honorific, "given_name": s.given_name, "middle_name": s.middle_name,
                         "family_name": s.family_name, "suffix": s.suffix, "written": s.written,
                         "start": s.start, "end": s.end, "source": s.source})
        for a in s.affiliations:
            canonical, sector = cb.classify(a.unit, a.organization)
            if sector == codebook_mod.UNCLASSIFIED and canonical not in unclassified:
                unclassified.append(canonical)
            aff_rows.append({"signatory_id": s.signatory_id, "signatory_type": s.signatory_type, "name": s.name,
                             "title": a.title, "unit": a.unit, "organization": a.organization,
                             "former": "true" if a.former else "false", "sector": sector,
                             "canonical_organization": canonical,
                             "source": a.source if a.source != "parser" else s.source})

    mentions = annotate(text, st, p.signatories, cb)
    if p.corrections:
        header_body = [st.date_line, *st.addressee, *st.body]
        mentions = corrections_mod.apply_dates(text, mentions, p.corrections, p.corrections_path, header_body)
        order = {k: i for i, k in enumerate(KINDS)}
        mentions.sort(key=lambda m: (m.start, order[m.kind], m.end))
    # Each mention's paragraph, by bisection over the paragraphs' starts (sorted, non-overlapping).
    para_starts = [r["start"] for r in paragraphs]
    mention_rows = []
    for i, m in enumerate(mentions, 1):
        k = bisect.bisect_right(para_starts, m.start) - 1
        r = paragraphs[k] if k >= 0 else None
        para = r["paragraph_id"] if r and r["start"] <= m.start < max(r["end"], r["start"] + 1) else None
        mention_rows.append({"mention_id": i, "kind": m.kind, "start": m.start, "end": m.end, "text": m.text,
                             "value": m.value, "paragraph_id": para, "precision": m.precision, "rule": m.rule,
                             "sentence_start": m.sentence_start if m.sentence_start >= 0 else None,
                             "sentence_end": m.sentence_end if m.sentence_end >= 0 else None,
                             "ask_number": m.ask_number, "source": m.source})
    addressee = st.addressee[0].text if st.addressee else ""
    evs = timeline_mod.events(text, mentions, {i: i + 1 for i in range(len(mentions))}, addressee, context)
    event_rows = [{"event_id": e.event_id, "date": e.date, "start": e.start, "end": e.end, "precision": e.precision,
                   "label": e.label, "source": e.source, "mention_id": e.mention_id, "citation": e.citation,
                   "answers_ask": e.answers_ask} for e in evs]

    letter = {
        "letter_id": p.letter_id,
        "date": st.date.isoformat(),
        "addressee": [a.text for a in st.addressee],
        "subject": p.letter_fields.get("subject", st.subject.text if st.subject else p.header_subject or ""),
        "salutation": p.letter_fields.get("salutation", st.salutation.text if st.salutation else ""),
        "closing": p.letter_fields.get("closing", st.closing_text),
        "paragraph_count": len(st.body),
        "signatory_count": len(p.signatories),
        "source_sha256": rawdata.sha256(data),
        "removed": p.removed,
        "unclassified_organizations": unclassified,
        "corrections": corrections_mod.summary(p.corrections),
    }
    rows = {"paragraphs.csv": paragraphs, "signatories.csv": sig_rows, "affiliations.csv": aff_rows,
            "mentions.csv": mention_rows, "timeline.csv": event_rows}
    # Checked here as the reports check what they read (report.load): the build records the letters
    # checked so, and their reports do not check the same tables again.
    inconsistent = contract.consistency_problem(rows, len(text))
    if inconsistent:  # the tables are built here from parsed text: a bug
        raise InternalError(f"the {inconsistent[0]} table built for this letter: {inconsistent[1]}")
    files = {
        "clean.txt": text,
        "letter.json": json.dumps(letter, indent=2, ensure_ascii=False) + "\n",
        **{name: _table(rows[name], name) for name in contract.TABLES},  # the contract's tables, in its order
        "clean.ann": brat.dumps(text, mention_rows),
        "clean.tml": timeml.dumps(text, st.date, mention_rows, p.letter_id),
    }
    # The same tables for spreadsheet programs: every text cell typed as text, no formula.
    files["tables.xlsx"] = spreadsheet.workbook({n[:-4]: c for n, c in files.items() if n.endswith(".csv")})
    return files, unclassified


def _check_out(out: Path, names=OUTPUT_FILES) -> None:
    """The output folder is replaced whole: refuse anything that is not a processed letter."""
    if out.exists() and not out.is_dir():
        raise InputError(out, "--out is a file, not a folder")
    if out.is_dir() and any(out.iterdir()):
        why = not_ours(out, names)
        if why:
            raise InputError(out, f"--out is a folder that is not a processed letter and not empty ({why}); "
                                  "it would be replaced whole: choose a new or empty folder")


def _destination(raw: Path, letter_id: str, out: Path | None) -> Path:
    """Where a letter may be written: data/processed/<id>/ only for a registered letter
    (its checksum was checked), anything else outside the project's data and reports."""
    registered = rawdata.relative_to_raw(raw) == f"letters/{letter_id}.txt"
    default = paths.processed_dir() / letter_id
    if out is None:
        if not registered:
            raise InputError(raw, f"not a registered letter{f' (as {letter_id!r})' if letter_id else ''}: "
                                  f"to try it, pass --out <folder> outside {paths.root() / 'data'}; "
                                  "to register it, `compendium add` it")
        refuse_links(paths.processed_dir())
        return default
    if Path(out).is_symlink():
        raise InputError(out, "--out is a symbolic link: the output folder is replaced whole, and a link is never "
                              "followed; give the folder itself")
    resolved = Path(os.path.abspath(out)).resolve()
    if not resolved.name:
        raise InputError(out, "--out is the file system's root, not an output folder")
    project, owned = paths.root().resolve(), [paths.root().resolve() / "data", paths.reports_dir().resolve()]
    if resolved == project or resolved in project.parents:
        raise InputError(out, f"--out holds the project ({project}): it would be replaced whole; "
                              "choose a new or empty folder")
    if registered and resolved == default.resolve():
        return Path(out)
    for folder in owned:
        if resolved == folder or folder in resolved.parents:
            raise InputError(out, f"--out is inside the project's {folder.relative_to(project)}/ folder, which only "
                                  f"the compendium writes (registered letters only): choose a folder outside "
                                  f"{project / 'data'} and {project / 'reports'}")
    return Path(out)


def corrections_for(raw: Path, letter_id: str, given: Path | None = None) -> Path | None:
    """The corrections file of a letter: the one given, or data/raw/corrections/<id>.csv for a
    registered letter (checked against the manifest like the letter itself)."""
    if given is not None:
        given = Path(given)
        rawdata.verify(given, rawdata.read_given_corrections(given))
        return given
    if rawdata.is_registered_path(raw):
        path = rawdata.corrections_path(letter_id)
        if path.exists() or path.is_symlink():
            rawdata.verify(path, rawdata.read_bounded(path, rawdata.MAX_CORRECTIONS_BYTES, "corrections"))
            return path
    return None


def process(raw: Path, out: Path | None = None, letter_id: str | None = None,
            codebook: Path | None = None, context: Path | None = None, warn=None,
            corrections: Path | None = None, locked: bool = False) -> Path:
    """Process one raw letter into `out` (default data/processed/<letter id>/). Returns `out`.
    Writing into data/processed takes the project lock, unless the caller holds it (`locked`)."""
    raw = Path(raw)
    letter_id = rawdata.letter_id_for(raw, letter_id)
    data = rawdata.read_raw(raw)
    rawdata.verify(raw, data)
    for given, what in ((codebook, "--codebook"), (context, "--context")):
        if given is not None and not Path(given).is_file():
            raise InputError(given, f"{what}: no such file" if not Path(given).exists() else f"{what}: not a file")
    cb = codebook_mod.load(codebook)
    ctx = timeline_mod.load_context(letter_id, context)
    parsed = parse_letter(data, letter_id, raw, corrections_for(raw, letter_id, corrections))
    files, unclassified = build_tables(parsed, data, cb, ctx)
    out = _destination(raw, letter_id, Path(out) if out not in (None, "") else None)
    files[MARKER] = MARKER_TEXT
    _check_out(out, tuple(files))
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    for msg in cut_warnings(parsed):
        warn(f"warning: {raw}:{msg}")
    for org in unclassified:
        warn(f"warning: {raw}: organization {org!r} is not in the codebook; sector 'unclassified' "
             f"(add it to {codebook or paths.codebook_path()})")
    into_project = Path(os.path.abspath(out)).resolve().parent == paths.processed_dir().resolve()
    with lock.exclusive() if into_project and not locked else contextlib.nullcontext():
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
        except OSError as exc:
            raise InputError(out, f"cannot write the output folder ({exc.strerror})") from None
        try:
            for name, content in files.items():
                (atomic.write_bytes if isinstance(content, bytes) else atomic.write_text)(staging / name, content)
            staging.chmod(0o755)
            atomic.replace_dir(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return out
