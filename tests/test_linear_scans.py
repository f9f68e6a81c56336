"""Scans rewritten to run in linear time find exactly what the patterns they replace
found: the patterns are kept here as the specification, and hypothesis compares the two
on texts built from the characters and words that matter to them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from compendium.annotate import quotations
from compendium.codebook import NameMatcher
from compendium.report import self_description
from support import ROOT, REAL_ID

QUOTE = re.compile(r"“(?P<q>[^”]{3,})”|\"(?P<q2>[^\"]{3,})\"")
DESCRIPTION = re.compile(r"\b(?:comprising|including|representing|consisting of|from)\s+(?P<d>[^.;]+?),?\s+"
                         r"(?:know|write|urge|are|have|call|request|wish|believe|join)\b")

MARKS = st.text(alphabet=["“", "”", '"', "a", "b", " ", "\n"], max_size=40)
PIECES = ["from", "including", "consisting of", "comprising", "know", "knows", "are", "urge", "join",
          "fromage", ",", ".", ";", " ", "  ", "\n", "\u00a0", "\u2003", "x", "groups", "the"]
WORDS = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
NAME_PIECES = ["A", "B", "Ab", "é", "-", ".", "(", ")", "'", "_", "1", " ", "  ", "\t", "\n", "\n\n", " \n ", "\u00a0"]
NAME_TEXT = st.lists(st.sampled_from(NAME_PIECES), max_size=25).map("".join)
NAMES = st.lists(st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=5).map("".join)
                 .filter(lambda n: n.split()), min_size=1, max_size=5)


def name_pattern_hits(forms: list[str], text: str) -> list[tuple[int, int, int]]:
    """What the codebook's names were found with: one pattern per name, each run over the text."""
    hits = []
    for i, form in enumerate(forms):
        words = r"(?:[ \t]+|[ \t]*\n[ \t]*)".join(map(re.escape, form.split()))
        hits += [(i, m.start(), m.end()) for m in re.finditer(rf"(?<![\w\-.]){words}(?![\w\-]|\.\w)", text)]
    return hits


@settings(max_examples=1000, deadline=None)
@given(MARKS, st.data())
def test_quotations_are_what_the_quote_pattern_finds(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quotations(text, start, end) == [(m.start(), m.end()) for m in QUOTE.finditer(text, start, end)]


@settings(max_examples=1000, deadline=None)
@given(WORDS)
def test_the_self_description_is_what_the_description_pattern_finds(text):
    m = DESCRIPTION.search(text)
    assert self_description(text) == (m.group("d") if m else "")


def test_the_real_letter_describes_itself_as_before():
    text = (ROOT / "data" / "processed" / REAL_ID / "clean.txt").read_text(encoding="utf-8")
    assert self_description(text) == "several key advocacy groups, academic institutions, think tanks, and others"
    assert self_description(text) == DESCRIPTION.search(text).group("d")


@settings(max_examples=1000, deadline=None)
@given(NAMES, NAME_TEXT)
def test_the_name_matcher_finds_what_one_pattern_per_name_finds(forms, text):
    forms = sorted(forms, key=lambda f: (-len(f), f))  # as Codebook.surface_forms orders them
    assert NameMatcher(forms).find(text) == name_pattern_hits(forms, text)


def test_the_project_codebook_finds_the_same_names_in_every_fixture_letter():
    from compendium import codebook
    from support import CODEBOOK, FIXTURE_FILES

    cb = codebook.load(CODEBOOK)
    forms = [f for f, _ in cb.surface_forms()]
    for path in FIXTURE_FILES:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert [(a, b, e.organization) for a, b, e in cb.find(text)] == [
            (a, b, cb.surface_forms()[i][1].organization) for i, a, b in name_pattern_hits(forms, text)], path.name
