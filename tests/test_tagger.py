"""The line-role source the parser runs (compendium.letter.tagger): the rules by default, or the
shipped CRF models; the models load, read the seed letter as the rules do, and train to the same
bytes from the same data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from compendium.errors import InputError
from compendium.letter import roles, tagger
from compendium.letter import signatories as sig
from compendium.letter.lines import lines_of
from compendium.process import parse_letter

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "letters" / "2014-09-10-kerry-unga-north-korea.txt"


def _seed_lines():
    return parse_letter(SEED.read_bytes(), "letter", SEED).structure.signature_lines


def _key(sigs):
    return [(s.signatory_type, s.name, [(a.title, a.unit, a.organization, a.former) for a in s.affiliations])
            for s in sigs]


def test_source_has_a_default_and_checks_the_variable(monkeypatch):
    monkeypatch.delenv(tagger.ENV, raising=False)
    assert tagger.source() == tagger.DEFAULT in tagger.SOURCES  # linesource.DEFAULT: the one line to switch
    monkeypatch.setenv(tagger.ENV, "combined")
    assert tagger.source() == "combined"
    monkeypatch.setenv(tagger.ENV, "neural")
    with pytest.raises(InputError) as err:
        tagger.source()
    assert str(err.value).startswith(f"{tagger.ENV}: unknown line-role source 'neural'")
    with pytest.raises(InputError):  # the parser reads it the same way: a bad value stops the letter
        parse_letter(SEED.read_bytes(), "letter", SEED)


def test_rules_source_is_signatories_parse(monkeypatch):
    monkeypatch.setenv(tagger.ENV, "rules")
    lines = _seed_lines()
    assert _key(tagger.signatories(lines)) == _key(sig.parse(lines))


@pytest.mark.parametrize("src", ["crf", "combined"])
def test_shipped_model_reads_the_seed_letter_as_the_rules_do(src, monkeypatch):
    pytest.importorskip("pycrfsuite")
    assert tagger.MODELS[src].is_file() and tagger.MODELS[src].stat().st_size < 1_000_000
    lines = _seed_lines()
    items, rule = roles.rule_roles(lines)
    assert len(items) == 45 and rule.count("name") == 14
    assert tagger.tag(items, rule, src) == rule
    monkeypatch.setenv(tagger.ENV, src)  # the whole parser with this source: the same 14 signatories
    sigs = parse_letter(SEED.read_bytes(), "letter", SEED).signatories
    assert _key(sigs) == _key(sig.parse(lines))
    assert len(sigs) == 14 and sum(len(s.affiliations) for s in sigs) == 15


BLOCK = """Jane Doe
Director
Free the Slaves

Amnesty International

Margaret T. Okonkwo, Ph.D.
Professor of Epidemiology
Johns Hopkins University
"""


def test_training_is_reproducible_and_learns(tmp_path):
    pytest.importorskip("pycrfsuite")
    items, rule = roles.rule_roles(lines_of(BLOCK))
    assert rule == ["name", "title", "organization", "signer", "name", "title", "organization"]
    data = [(tagger.sequence_features(items, rule, "crf"), rule)] * 3
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    tagger.train(data, a)
    tagger.train(data, b)
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    assert tagger.tag(items, rule, "crf", model=a) == rule  # it learnt its own training block
    c = tmp_path / "c.crfsuite"  # other data, other bytes: the comparison above can fail
    tagger.train(data[:1] + [(data[0][0][:4], rule[:4])], c)
    assert c.read_bytes() != a.read_bytes()


def test_missing_model_is_a_one_line_error(tmp_path, monkeypatch):
    pytest.importorskip("pycrfsuite")
    items, rule = roles.rule_roles(lines_of(BLOCK))
    with pytest.raises(InputError, match="no line-role model here"):
        tagger.tag(items, rule, "crf", model=tmp_path / "none.crfsuite")


def test_leave_one_set_out_never_trains_on_the_held_out_set(monkeypatch, tmp_path):
    """tools/train_line_roles.py: the CRFs that score a set are trained on the other sets only."""
    pytest.importorskip("pycrfsuite")
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import train_line_roles as tlr

    assert "heldout7" in tlr.SETS  # since its first sight, recorded in its README
    trained: list[set[str]] = []
    monkeypatch.setattr(tlr.tagger, "train", lambda seqs, path: trained.append(set(seqs)))
    monkeypatch.setattr(tlr, "sequences", lambda rows, src: [r["set"] for r in rows])
    monkeypatch.setattr(tlr, "score", lambda rows, src, model, cb: {})
    rows = [{"set": s, "container": c} for s in (*tlr.SETS, *tlr.ALWAYS) for c in ("plain", "html")]
    for name in (*tlr.SETS, tlr.LOOSE):
        trained.clear()
        tlr.fold(name, rows, tmp_path, None)
        assert len(trained) == 4
        assert all(t == (set(tlr.SETS) | set(tlr.ALWAYS)) - {name} for t in trained), (name, trained)


def test_the_source_is_in_every_letter_s_processing_key(monkeypatch):
    """A build with another line-role source reprocesses every letter; the default changes nothing."""
    from compendium.build import staleness

    assert staleness._line_roles_default(staleness.package_dir()) == tagger.DEFAULT  # read from its source
    monkeypatch.delenv(tagger.ENV, raising=False)
    unset = staleness.process_code_digest()
    monkeypatch.setenv(tagger.ENV, tagger.DEFAULT)
    assert staleness.process_code_digest() == unset
    monkeypatch.setenv(tagger.ENV, "crf")
    crf = staleness.process_code_digest()
    monkeypatch.setenv(tagger.ENV, "combined")
    assert len({unset, crf, staleness.process_code_digest()}) == 3


def test_evaluate_scores_the_source_it_is_given(monkeypatch, capsys):
    """`python -m compendium.evaluate --line-roles crf` parses with the CRF (and says so)."""
    pytest.importorskip("pycrfsuite")
    from compendium import evaluate

    monkeypatch.setenv(tagger.ENV, "rules")  # restored after the test; main sets it for its process
    calls = []
    real = tagger.tag
    monkeypatch.setattr(tagger, "tag", lambda items, rule, src, model=None: calls.append(src) or real(items, rule, src, model))
    assert evaluate.main(["--line-roles", "crf", str(ROOT / "tests" / "fixtures" / "letters" / "heldout")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("line roles: crf\n") and "aff_f1" in out
    assert calls and set(calls) == {"crf"}


def test_a_symbol_glued_to_the_first_word_does_not_hide_a_name():
    """"-Ben Sample", "+Ana Example": the line reads as the name it is, the mark as a feature."""
    for text in ("-Ben Sample", "+Ana Example", "*Jane Doe"):
        f = roles._shape(text)
        assert f["lead_symbol"] == 1.0 and f["given_first"] == 1.0 and f["evidence"] == "2", text
    plain = roles._shape("Ben Sample")
    assert plain["lead_symbol"] == 0.0 and plain["given_first"] == 1.0
    assert roles._shape("(Ret.) Director")["lead_symbol"] == 0.0  # a parenthesis opens a word, it marks nothing


def test_layout_features_place_each_line_in_its_run_between_blank_lines():
    items, _ = roles.rule_roles(lines_of(BLOCK))
    feats = roles.features(items)
    # "Margaret T. Okonkwo, Ph.D." opens a run of three lines; its organization is last, two after the name
    assert [f["run_pos"] for f in feats] == ["0", "1", "2", "0", "0", "1", "2"]
    assert [f["run_len"] for f in feats] == ["3", "3", "3", "1", "3", "3", "3"]
    assert [f["since_name"] for f in feats] == ["0", "1", "2", "none", "0", "1", "2"]
    assert feats[2]["run_last"] == 1.0 and feats[1]["run_last"] == 0.0 and feats[5]["run_head_title"] == 1.0


def test_the_rules_roles_grouped_as_the_tagger_groups_are_the_rules_signatories():
    """tagger.group (what the crf and combined sources run) on the rules' own roles gives what
    signatories.parse gives, offsets included, on every fixture letter: a CRF that tags a letter's
    lines as the rules do makes the same tables (the seed letter: `make verify` under any source)."""
    letters = sorted((ROOT / "tests" / "fixtures" / "letters").glob("**/*.txt")) + [SEED]
    checked = 0
    for raw in letters:
        try:
            lines = parse_letter(raw.read_bytes(), "letter", raw).structure.signature_lines
        except InputError:
            continue  # a page that is no letter
        items, rule = roles.rule_roles(lines)
        assert _key(tagger.group(items, rule)) == _key(sig.parse(lines)), raw.name
        assert [s.start for s in tagger.group(items, rule)] == [s.start for s in sig.parse(lines)], raw.name
        checked += 1
    assert checked >= 140


def test_decoding_gives_every_position_line_a_person():
    """tagger.decode: the model's best sequence among those in which a title or unit line has a
    person open in its block; with no such constraint at stake, the model's own best."""
    labels = ("name", "title", "chrome", "signer")
    state = {"odd": {"chrome": 2.0, "name": 1.0}, "position": {"title": 3.0, "signer": 0.5}}
    weights = (labels, state, {})
    x = [{"odd": 1.0}, {"position": 1.0}]
    assert tagger.decode(weights, x, {0}) == ["name", "title"]  # alone, "chrome" would win line 1
    assert tagger.decode(weights, x, {0, 1}) == ["chrome", "signer"]  # a new block: no person to belong to
    assert tagger.decode(weights, [{"odd": 1.0}], {0}) == ["chrome"]
    assert tagger.decode((labels, state, {("chrome", "title"): 5.0}), x, {0}) == ["name", "title"]


def test_decoding_is_the_crf_s_own_where_the_constraint_holds(tmp_path):
    pytest.importorskip("pycrfsuite")
    items, rule = roles.rule_roles(lines_of(BLOCK))
    data = [(tagger.sequence_features(items, rule, "crf"), rule)] * 3
    path = tmp_path / "m.crfsuite"
    tagger.train(data, path)
    raw = tagger._tagger(path).tag(data[0][0])
    assert raw == rule and tagger.tag(items, rule, "crf", model=path) == raw
