"""The container generator (tools/containers.py): every gold letter re-emitted in each
container, deterministically, with its gold answers unchanged but for the chrome the
container adds."""

from __future__ import annotations

import json
import sys

import pytest

from support import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import containers  # noqa: E402

GOLD = FIXTURES / "dev" / "b-hrc-coalition-headings-bullets-signed-by-orgs.gold.json"


@pytest.fixture(scope="module")
def letter():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return containers.load(GOLD.with_name(GOLD.name.replace(".gold.json", ".txt")), gold)


@pytest.mark.parametrize("name", sorted(containers.CONTAINERS))
def test_a_variant_is_the_same_bytes_every_time_and_keeps_the_gold(letter, name):
    a, gold_a = containers.variant(letter, name)
    b, _ = containers.variant(letter, name)
    assert a == b
    assert a != "\n".join(letter.lines).encode()
    for key in ("letter", "signatories", "dated_mentions"):
        assert gold_a[key] == letter.gold[key]
    assert set(letter.gold["chrome"]) <= set(gold_a["chrome"])


def test_each_container_shows_its_marks(letter):
    text = {n: containers.variant(letter, n)[0].decode() for n in containers.CONTAINERS}
    assert "<li>International Commission of Jurists (ICJ)</li>" in text["html"]
    assert "**Friday 9 June 2017**" in text["markdown"]
    assert "\f" in text["pdf"] and any(p in text["pdf"] for p in ("Page 1", "1/", "- 1 -"))
    assert max(len(ln) for ln in text["pdf"].split("\n")) <= 75
    assert "mailing list" in text["mail-archive"]
    assert "> Dear Members of the Human Rights Council," in text["mail-forwarded"]
    assert "\r\n" in text["crlf-tabs-bullets"] and "•" not in text["crlf-tabs-bullets"]
    assert "Accueil" in text["foreign-chrome"]


def test_a_table_needs_one_signatory_a_line():
    gold = json.loads((FIXTURES / "dev" / "b-us-senators-two-column-re-respectfully-yours.gold.json").read_text())
    lt = containers.load(FIXTURES / "dev" / "b-us-senators-two-column-re-respectfully-yours.txt", gold)
    with pytest.raises(containers.NotApplicable):
        containers.signatory_table(lt, containers.rng_for(lt.name, "table"))
