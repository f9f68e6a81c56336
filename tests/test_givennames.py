"""The shipped given-name table (compendium.letter.givennames) is exactly what the installed
gender-guesser knows, and answers as gender-guesser does."""

from __future__ import annotations

import gender_guesser.detector as gd

from compendium.letter import givennames
from compendium.letter.signatories import is_given_name


def test_shipped_table_is_derived_from_the_installed_gender_guesser():
    assert givennames.FILE.read_text(encoding="utf-8") == givennames.derive(), \
        "run `python -m compendium.letter.givennames` (gender-guesser changed?)"


def test_answers_as_gender_guesser_does():
    det = gd.Detector(case_sensitive=False)
    words = ["Roberta", "ROBERTA", "roberta", "Greg", "Jean-Paul", "Jean Paul", "Sokeel", "Human", "Watch",
             "Kerry", "Suzanne", "Ahn", "Francesca", "Zbigniew", "Élodie", "Director", "xx"]
    for w in words:
        assert givennames.is_known(w) == (det.get_gender(w) != "unknown"), w
    assert len(givennames.names()) == len(det.names) > 40_000


def test_signatory_rule_uses_it():
    assert is_given_name("Roberta") and is_given_name("Élodie") and is_given_name("Jean-Pierre")
    assert not is_given_name("Watch") and not is_given_name("roberta") and not is_given_name("R.")
