"""An analyst's corrections to a parsed letter, kept beside the raw letter.

When the parser is still wrong on a letter, `data/raw/corrections/<letter id>.csv`
says what a careful reader sees instead, without touching the raw text or the
code. Corrections are applied after parsing; every row they change carries
`source = correction N` (N: the line of the corrections file), and a correction
that no longer matches the parsed letter is an error naming that line, never a
silent no-op. The file format is documented in docs/corrections.md.

Columns: action, target, value, type, title, unit, organization, former, note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import rawdata
from .rawdata import shown
from .letter.dates import precision_of, value_bounds
from .errors import InputError

COLUMNS = ("action", "target", "value", "type", "title", "unit", "organization", "former", "note")
LETTER_FIELDS = ("date", "subject", "salutation", "closing")
ACTIONS = {
    # action: what `target` names
    "set_letter": "a letter field: date, subject, salutation or closing",
    "chrome_lines": "a range of the raw file's lines, e.g. 40-44, to cut as page chrome",
    "signature_lines": "the raw file's lines of the signature block, e.g. 52-80",
    "add_signatory": "nothing (the name goes in value; it must be written in the letter)",
    "remove_signatory": "a parsed signatory's name (or organization)",
    "replace_signatory": "a parsed signatory's name; value, type and the affiliation columns replace it",
    "add_affiliation": "a parsed signatory's name",
    "remove_affiliation": "a parsed signatory's name; title/organization say which affiliation",
    "add_date": "text of the letter that is a date (its first occurrence not yet a date)",
    "remove_date": "the text of a parsed date mention",
    "set_date": "the text of a parsed date mention; value is its new TIMEX value",
}
_RANGE = re.compile(r"^\s*(\d{1,18})\s*(?:-\s*(\d{1,18}))?\s*$")  # digits bounded: int() of any of them is cheap


@dataclass(frozen=True)
class Correction:
    line: int  # line of the corrections file (the header is line 1)
    action: str
    target: str
    value: str
    type: str
    title: str
    unit: str
    organization: str
    former: bool
    note: str

    @property
    def source(self) -> str:
        return f"correction {self.line}"

    def where(self, path: Path | str) -> str:
        return f"{path}:{self.line}"

    def line_range(self, path) -> tuple[int, int]:
        """The raw file's lines a line action names, 0-based and inclusive."""
        m = _RANGE.match(self.target)
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        return a - 1, b - 1


def load(path: Path) -> list[Correction]:
    """Read and validate a corrections file; every problem is one line naming file:line."""
    path = Path(path)
    text = rawdata.read_text(path, rawdata.MAX_CORRECTIONS_BYTES, "corrections")
    reader = rawdata.csv_reader(path, text)
    missing = [c for c in ("action", "target") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}; columns are {', '.join(COLUMNS)}")
    unknown = [c for c in reader.fieldnames or [] if c not in COLUMNS]
    if unknown:
        raise InputError(path, f"unknown column(s) {', '.join(unknown)}; columns are {', '.join(COLUMNS)}")
    out = []
    for n, row in rawdata.csv_rows(reader, path):
        row = {c: (row.get(c) or "").strip() for c in COLUMNS}
        if not any(row.values()):
            continue
        out.append(_check(path, n, row))
    return out


def _check(path: Path, n: int, row: dict) -> Correction:
    where = f"{path}:{n}"
    action = row["action"]
    if action not in ACTIONS:
        raise InputError(where, f"unknown action {shown(action)}; one of {', '.join(ACTIONS)}")
    former = row["former"].lower()
    if former not in ("", "true", "false"):
        raise InputError(where, f"former is {shown(row['former'])}; use true or false")
    if row["type"] not in ("", "person", "organization"):
        raise InputError(where, f"type is {shown(row['type'])}; use person or organization")
    c = Correction(n, action, row["target"], row["value"], row["type"], row["title"], row["unit"],
                   row["organization"], former == "true", row["note"])
    if action == "set_letter":
        if c.target not in LETTER_FIELDS:
            raise InputError(where, f"set_letter: target is {shown(c.target)}; one of {', '.join(LETTER_FIELDS)}")
        if c.target == "date":
            if precision_of(c.value) != "day":
                raise InputError(where, f"set_letter date: {shown(c.value)} is not an ISO date (YYYY-MM-DD)")
            if value_bounds(c.value) is None:
                raise InputError(where, f"set_letter date: {shown(c.value)} names no real day")
    elif action in ("chrome_lines", "signature_lines"):
        m = _RANGE.match(c.target)
        if not m or int(m.group(1)) < 1 or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise InputError(where, f"{action}: target {shown(c.target)} is not a line range such as 40-44")
    elif action == "add_signatory":
        if not c.value:
            raise InputError(where, "add_signatory: value (the name as written in the letter) is empty")
    elif action in ("add_date", "set_date"):
        if not c.target:
            raise InputError(where, f"{action}: target is empty; it names {ACTIONS[action]}")
        _check_timex(where, action, c.value)
    elif not c.target:
        raise InputError(where, f"{action}: target is empty; it names {ACTIONS[action]}")
    return c


def _check_timex(where: str, action: str, value: str) -> None:
    """A TIMEX value read as the parser reads its own (dates.precision_of, dates.value_bounds):
    a value it could not place on the timeline is refused here, not dropped there."""
    if value in ("PAST_REF", "FUTURE_REF"):
        return
    if precision_of(value) is None:
        raise InputError(where, f"{action}: value {shown(value)} is not a TIMEX value (2017-05-04, 2017-W18, 2017-05, "
                                "2017-SP, 2017, 2017-03-02/2017-03-27, PAST_REF, FUTURE_REF)")
    if value_bounds(value) is None:
        first, _, last = value.partition("/")
        if last and value_bounds(first) and value_bounds(last):
            raise InputError(where, f"{action}: value {shown(value)} is a range that ends before it starts")
        raise InputError(where, f"{action}: value {shown(value)} names no real date (a month 01-12, a day of that "
                                "month, an ISO week of that year)")


def line_actions(corrections: list[Correction], path, n_lines: int) -> tuple[list[tuple[int, int]],
                                                                          tuple[int, int] | None]:
    """Raw lines to cut as chrome (merged ranges) and the signature block's lines, 0-based
    and inclusive. Every range is checked against the letter's `n_lines` first and kept
    as a range: what a correction names never costs more than the letter's own lines."""
    chrome: list[tuple[int, int]] = []
    sig = None
    for c in corrections:
        if c.action not in ("chrome_lines", "signature_lines"):
            continue
        a, b = c.line_range(path)
        if b >= n_lines:
            raise InputError(c.where(path), f"{c.action}: line {b + 1} is past the end of the letter "
                                            f"({n_lines} lines)")
        if c.action == "chrome_lines":
            chrome.append((a, b))
        elif sig is not None:
            raise InputError(c.where(path), "signature_lines: the signature block is given twice")
        else:
            sig = (a, b)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(chrome):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged, sig


def _find_signatory(sigs, c: Correction, path):
    want = c.target.casefold()
    for s in sigs:
        names = {s.name.casefold(), s.written.casefold()}
        names |= {a.organization.casefold() for a in s.affiliations if s.signatory_type == "organization"}
        if want in names:
            return s
    parsed = ", ".join(repr(s.name or s.written) for s in sigs[:6]) + (" …" if len(sigs) > 6 else "")
    raise InputError(c.where(path), f"{c.action}: no signatory {c.target!r} in the parsed letter "
                                    f"(parsed: {parsed}); the correction no longer matches")


def apply_signatories(text: str, sigs: list, corrections: list[Correction], path) -> list:
    """Signatory and affiliation corrections, in file order; returns the new list, renumbered."""
    from .letter.signatories import Affiliation, Signatory, _person

    sigs = list(sigs)
    for c in corrections:
        if c.action == "remove_signatory":
            sigs.remove(_find_signatory(sigs, c, path))
        elif c.action in ("add_signatory", "replace_signatory"):
            old = _find_signatory(sigs, c, path) if c.action == "replace_signatory" else None
            name = c.value or (old.name or old.written)
            lo, hi = (old.start, old.end) if old else (0, len(text))
            i = text.find(name, lo, hi)
            if i < 0:
                i = text.find(name)
            if i < 0:
                raise InputError(c.where(path), f"{c.action}: {name!r} is not written in the letter's text; "
                                                "a signatory is a name the letter gives (restore cut lines with "
                                                "signature_lines)")
            kind = c.type or (old.signatory_type if old else ("organization" if c.organization == name else "person"))
            has_aff = c.title or c.unit or c.organization
            affs = [Affiliation(c.title, c.unit, c.organization, c.former)] if has_aff else (
                old.affiliations if old else [Affiliation()])
            if kind == "organization":
                new = Signatory(0, "organization", name, affiliations=affs if has_aff else [Affiliation(organization=name)],
                                start=i, end=max(i + len(name), old.end if old else 0))
            else:
                new = _person(0, name, affs, i, max(i + len(name), old.end if old else 0))
                new.written = name
            new.source = c.source
            for a in new.affiliations:
                a.source = c.source
            if old:
                sigs[sigs.index(old)] = new
            else:
                sigs.append(new)
        elif c.action == "add_affiliation":
            s = _find_signatory(sigs, c, path)
            if s.affiliations == [Affiliation()] or all(not (a.title or a.unit or a.organization) for a in s.affiliations):
                s.affiliations = []
            a = Affiliation(c.title, c.unit, c.organization, c.former)
            a.source = c.source
            s.affiliations.append(a)
        elif c.action == "remove_affiliation":
            s = _find_signatory(sigs, c, path)
            hit = [a for a in s.affiliations if (not c.title or a.title == c.title)
                   and (not c.organization or a.organization == c.organization)]
            if not hit or not (c.title or c.organization):
                have = "; ".join(f"{a.title!r}, {a.organization!r}" for a in s.affiliations)
                raise InputError(c.where(path), f"remove_affiliation: {c.target!r} has no affiliation with title "
                                                f"{c.title!r} and organization {c.organization!r} (has: {have})")
            s.affiliations.remove(hit[0])
            if not s.affiliations:
                s.affiliations = [Affiliation()]
    sigs.sort(key=lambda s: s.start)
    for k, s in enumerate(sigs, 1):
        s.signatory_id = k
    return sigs


def apply_dates(text: str, mentions: list, corrections: list[Correction], path, header_body) -> list:
    """Date mention corrections: add, remove, re-value."""
    from .annotate import Mention

    for c in corrections:
        if c.action in ("remove_date", "set_date"):
            # A mention's text leaves out its preposition (TimeML's extent); a target written
            # with it ("on 3 April", as corrections were written before) still names it.
            hit = next((m for m in mentions if m.kind == "date" and getattr(m, "source", "parser") == "parser"
                        and (m.text == c.target or re.fullmatch(rf"(?i)[a-z]+\s+{re.escape(m.text)}", c.target))), None)
            if hit is None:
                parsed = ", ".join(repr(m.text) for m in mentions if m.kind == "date")
                raise InputError(c.where(path), f"{c.action}: no date mention {c.target!r} in the parsed letter "
                                                f"(parsed: {parsed}); the correction no longer matches")
            if c.action == "remove_date":
                mentions.remove(hit)
            else:
                hit.value, hit.precision, hit.rule = c.value, precision_of(c.value) or "ref", "correction"
                hit.source = c.source
        elif c.action == "add_date":
            taken = [(m.start, m.end) for m in mentions if m.kind == "date"]
            pos = 0
            while True:
                i = text.find(c.target, pos)
                if i < 0:
                    raise InputError(c.where(path), f"add_date: {c.target!r} is not in the letter's text "
                                                    "(or every occurrence is already a date)")
                j = i + len(c.target)
                if not any(a < j and i < b for a, b in taken):
                    break
                pos = i + 1
            m = Mention("date", i, j, c.target, c.value, precision=precision_of(c.value) or "ref", rule="correction")
            m.source = c.source
            mentions.append(m)
    return mentions


def summary(corrections: list[Correction]) -> list[dict]:
    """What letter.json records of the corrections applied."""
    return [{"line": c.line, "action": c.action, "target": c.target, "value": c.value, "note": c.note}
            for c in corrections]
