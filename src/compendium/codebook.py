"""The organization codebook (data/raw/codebook.csv): canonical names, aliases,
sectors, parents and the source of each classification.

An organization that is not in the codebook is never guessed: its sector is
`unclassified`, and the caller warns and lists it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .contract import SECTORS, UNCLASSIFIED
from .errors import InputError
from .rawdata import MAX_CURATED_BYTES, read_curated_csv, read_text

COLUMNS = ("organization", "aliases", "sector", "parent", "source")


def normalise_name(name: str) -> str:
    """Comparison key: case, a leading 'The', punctuation and spacing do not matter."""
    s = name.lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"^the\s+", "", s.strip())
    s = re.sub(r"[^\w']+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass(frozen=True)
class Entry:
    organization: str
    aliases: tuple[str, ...]
    sector: str
    parent: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.organization, *self.aliases)


class Codebook:
    def __init__(self, entries: list[Entry], where: str = "codebook"):
        self.entries = entries
        self._matcher: NameMatcher | None = None
        self._entry_of: list[Entry] = []
        self._by_key: dict[str, Entry] = {}
        for e in entries:
            for n in e.names:
                key = normalise_name(n)
                other = self._by_key.get(key)
                if other is not None and other is not e:
                    raise InputError(where, f"alias {n!r} is listed for both {other.organization!r} and {e.organization!r}")
                self._by_key[key] = e

    def lookup(self, name: str) -> Entry | None:
        return self._by_key.get(normalise_name(name)) if name else None

    def classify(self, unit: str, organization: str) -> tuple[str, str]:
        """(canonical organization, sector) for an affiliation.

        The most specific known name wins: a unit in the codebook (the
        Clements Center within its university) before its organization.
        """
        for name in (unit, organization):
            e = self.lookup(name)
            if e is not None:
                return e.organization, e.sector
        if not organization and not unit:
            return "", "independent"
        return organization or unit, UNCLASSIFIED

    def surface_forms(self) -> list[tuple[str, Entry]]:
        """Every name and alias, longest first (for matching in text)."""
        forms = [(n, e) for e in self.entries for n in e.names]
        return sorted(forms, key=lambda f: (-len(f[0]), f[0]))

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        r"""Every name and alias written in `text`, as (start, end, entry): forms in
        surface_forms() order, each form's occurrences left to right, none overlapping
        another of the same form. Its words may be wrapped over a line break
        ("United\nNations"); it starts and ends at a word's edge. The matcher is built
        once per codebook: a letter costs its own length, not the codebook's."""
        if self._matcher is None:
            self._matcher = NameMatcher([f for f, _ in self.surface_forms()])
            self._entry_of = [e for _, e in self.surface_forms()]
        return [(a, b, self._entry_of[f]) for f, a, b in self._matcher.find(text)]


# A text is read as atoms: a run of word characters, one other character, or a run of
# spaces, tabs and line breaks. A name starts and ends at an atom's edge (never inside a
# word), so a name is a sequence of atoms, and its words are separated by GAP: spaces and
# tabs with at most one line break, as a name wrapped in a hard-wrapped letter.
_ATOM = re.compile(r"\w+|[ \t\n]+|[^\w \t\n]")
_GAP = " "
_NO_START_AFTER = re.compile(r"[\w\-.]")  # "…-Amnesty", ".Amnesty", "xAmnesty" are no name's start
_NO_END_BEFORE = re.compile(r"[\w\-]|\.\w")  # nor "Amnesty-led", "Amnesty.org"


def _atoms(form: str) -> tuple[str, ...]:
    out: list[str] = []
    for k, word in enumerate(form.split()):
        if k:
            out.append(_GAP)
        out += _ATOM.findall(word)
    return tuple(out)


class NameMatcher:
    r"""Finds many names in a text at once, as the pattern
    `(?<![\w\-.])W1(?:[ \t]+|[ \t]*\n[ \t]*)W2…(?![\w\-]|\.\w)` (each word W escaped)
    would find each name with re.finditer, one compiled per name: a dictionary from a
    name's atoms to the names, and the numbers of atoms of the names that begin with an atom."""

    def __init__(self, forms: list[str]):
        self._forms: dict[tuple[str, ...], list[int]] = {}
        lengths: dict[str, set[int]] = {}
        for i, form in enumerate(forms):
            atoms = _atoms(form)
            if atoms:
                self._forms.setdefault(atoms, []).append(i)
                lengths.setdefault(atoms[0], set()).add(len(atoms))
        self._lengths = {first: sorted(n) for first, n in lengths.items()}

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(form index, start, end) of every occurrence, sorted; occurrences of one form do not overlap."""
        spans = [m.span() for m in _ATOM.finditer(text)]
        atoms = []
        for a, b in spans:
            atom = text[a:b]
            if atom[0] in " \t\n":
                atom = _GAP if atom.count("\n") <= 1 else None
            atoms.append(atom)
        hits = []
        for k, atom in enumerate(atoms):
            lengths = self._lengths.get(atom)
            start = spans[k][0]
            if not lengths or start and _NO_START_AFTER.match(text, start - 1):
                continue
            for n in lengths:
                if k + n > len(atoms):
                    break
                forms = self._forms.get(tuple(atoms[k : k + n]))
                if forms and not _NO_END_BEFORE.match(text, spans[k + n - 1][1]):
                    hits += [(f, start, spans[k + n - 1][1]) for f in forms]
        hits.sort()
        out, ends = [], {}
        for f, a, b in hits:
            if a >= ends.get(f, 0):  # re.finditer goes on after a match's end
                out.append((f, a, b))
                ends[f] = b
        return out


_LAST: dict[tuple[str, str], Codebook] = {}  # the codebook last loaded, by path and content


def load(path: Path | None = None) -> Codebook:
    """The codebook at `path` (default data/raw/codebook.csv). Loaded again only when its
    content changes: every letter of a build shares one, and its name matcher is built once."""
    path = Path(path) if path else paths.codebook_path()
    if not path.exists():
        raise InputError(path, "codebook not found")
    text = read_text(path, MAX_CURATED_BYTES, "codebook")
    key = (str(path.resolve()), hashlib.sha256(text.encode("utf-8")).hexdigest())
    if key not in _LAST:
        cb = _parse(path, text)
        _LAST.clear()
        _LAST[key] = cb
    return _LAST[key]


def _parse(path: Path, text: str) -> Codebook:
    entries = []
    for n, row in read_curated_csv(path, COLUMNS, "codebook", text):
        org = (row["organization"] or "").strip()
        sector = (row["sector"] or "").strip()
        if not org:
            raise InputError(f"{path}:{n}", "empty organization name")
        if sector not in SECTORS:
            raise InputError(f"{path}:{n}", f"unknown sector {sector!r} for {org!r}; use one of: {', '.join(SECTORS)}")
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        entries.append(Entry(org, aliases, sector, (row["parent"] or "").strip(), (row["source"] or "").strip()))
    return Codebook(entries, where=str(path))
