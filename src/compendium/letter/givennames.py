"""The given names the signatory parser knows, as one set loaded in milliseconds.

The names are gender-guesser's table (`nam_dict.txt`, 4.3 MB, about 48,000
lines with genders per country), of which the parser uses one fact: is this
word a given name? Reading that table line by line took 0.2–0.7 s of every
`compendium process` and `compendium check`. What it answers is precomputed
here, once: `resources/given_names.txt` holds every key of gender-guesser's
case-insensitive detector (lowercased, its "+" spellings expanded), one a line,
sorted; reading it into a frozenset takes about 10 ms.

The file is derived, never edited: `python -m compendium.letter.givennames` rewrites
it from the installed gender-guesser (pinned in requirements.lock), and its
first line names that version and the SHA-256 of the table it was derived from.
tests/test_givennames.py checks the shipped file is exactly what the installed
gender-guesser gives.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

FILE = Path(__file__).resolve().parent / "resources" / "given_names.txt"


@functools.lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """Every given name gender-guesser knows, lowercased."""
    lines = FILE.read_text(encoding="utf-8").split("\n")
    return frozenset(n for n in lines[1:] if n)


def is_known(word: str) -> bool:
    """What `gender_guesser.detector.Detector(case_sensitive=False).get_gender(word) != "unknown"` says."""
    return word.lower() in names()


def derive() -> str:
    """The file's text, from the installed gender-guesser."""
    import importlib.metadata

    import gender_guesser.detector as gd

    table = Path(gd.__file__).resolve().parent / "data" / "nam_dict.txt"
    det = gd.Detector(case_sensitive=False)
    header = (f"# gender-guesser {importlib.metadata.version('gender-guesser')}, data/nam_dict.txt sha256 "
              f"{hashlib.sha256(table.read_bytes()).hexdigest()}: given names (python -m compendium.letter.givennames)")
    return "\n".join([header, *sorted(det.names)]) + "\n"


if __name__ == "__main__":
    from .. import atomic

    atomic.write_text(FILE, derive())
    print(f"wrote {FILE}")
