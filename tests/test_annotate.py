"""Mentions (annotate.py): people, organizations, asks, quotes and crimes, with
offsets into clean.txt."""

from __future__ import annotations

import pytest

from support import FIXTURE_FILES

SEVEN_CRIMES = ["extermination", "murder", "enslavement", "torture", "imprisonment", "rape", "forced starvation"]


# --- offsets, every letter -----------------------------------------------------------

def test_real_letter_offsets_index_clean_text(real):
    assert len(real.mentions) > 0
    for m in real.mentions.itertuples():
        assert real.clean[m.start : m.end] == m.text


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_offsets_index_clean_text(letters, path):
    p = letters(path.name)  # letters() checks every table's offsets, mentions included
    assert len(p.mentions) > 0
    for m in p.mentions.itertuples():
        assert p.clean[m.start : m.end] == m.text
    # every mention has a known kind and mention ids count up from 1
    assert set(p.mentions.kind) <= {"date", "person", "organization", "ask", "quote", "crime"}
    assert list(p.mentions.mention_id.astype(int)) == list(range(1, len(p.mentions) + 1))


# --- organizations and people ------------------------------------------------------

def test_unga_and_general_assembly_are_the_same_body(real):
    orgs = real.kind("organization")
    values = {t: set(orgs[orgs.text == t].value) for t in
              ("UNGA", "General Assembly", "United Nations General Assembly")}
    assert all(len(v) == 1 for v in values.values()), values
    assert values["UNGA"] == values["General Assembly"] == values["United Nations General Assembly"]


def test_aliases_resolve_to_canonical_organizations(real):
    orgs = real.kind("organization")
    value = dict(zip(orgs.text, orgs.value))
    assert value["The State Department"] == value["U.S. Department of State"]
    assert value["US government"] == value["US"]
    assert value["Security Council"] != value["General Assembly"]
    assert value["UN Commission of Inquiry on North Korea"] == value["Commission of Inquiry"]


def test_kerry_is_one_person(real):
    people = real.kind("person")
    value = dict(zip(people.text, people.value))
    assert value["Secretary of State John F. Kerry"] == "John F. Kerry"
    assert value["Secretary Kerry"] == "John F. Kerry"
    assert value["President Barack Obama"] == "Barack Obama"


def test_every_signatory_is_a_person_mention(real):
    people = real.kind("person")
    signers = people[people.rule == "signatory"]
    assert list(signers.value) == list(real.signatories.name)


# --- quotes --------------------------------------------------------------------------

def test_obama_quote(real):
    quotes = real.kind("quote")
    q = quotes[quotes.text == "probably the worst human rights violator in the world."]
    assert list(q.value) == ["Barack Obama"]


def test_three_quotes_inside_the_marks(real):
    quotes = real.kind("quote")
    assert list(quotes.text) == [
        "probably the worst human rights violator in the world.",
        "ensure that those responsible for crimes against humanity are held accountable.",
        "referral of the situation in the Democratic People’s Republic of Korea to an appropriate international "
        "criminal justice mechanism.",
    ]
    for q in quotes.itertuples():
        assert real.clean[q.start - 1] == "“" and real.clean[q.end] == "”"
    # The Commission of Inquiry's report said the second; the HRC resolution the third.
    assert "Commission of Inquiry" in quotes.value.iloc[1] and "report" in quotes.value.iloc[1]
    assert "Human Rights Council" in quotes.value.iloc[2] and "resolution" in quotes.value.iloc[2]


def test_quote_in_straight_quotes_over_a_line_break(letters):
    p = letters("layout-hard-wrapped.txt")
    q = p.kind("quote")
    assert list(q.text) == ["vocational training centres."]
    assert list(q.value) == ["Tomas Varga"]


# --- asks ---------------------------------------------------------------------------

def test_three_asks(real):
    asks = real.kind("ask")
    assert list(asks.ask_number.astype(int)) == [1, 2, 3]
    assert asks.text.iloc[0].startswith("We write to request that you personally attend a United Nations General")
    assert asks.text.iloc[1].startswith("Specifically, with respect to the text of the draft resolution, we recommend")
    assert asks.text.iloc[2].startswith("We also urge that the text contain language urging the Security Council")
    assert list(asks.rule) == ["request", "recommend", "urge"]


def test_first_ask_is_addressed_to_kerry(real):
    asks = real.kind("ask")
    assert asks.value.iloc[0] == "John F. Kerry"


def test_second_ask_is_addressed_to_the_us(real):
    # "we recommend that the US work to ensure …"
    asks = real.kind("ask")
    orgs = real.kind("organization")
    us = orgs[orgs.text == "US"].value.iloc[0]
    assert asks.value.iloc[1] == us


def test_asks_are_whole_sentences(real):
    for a in real.kind("ask").itertuples():
        assert (a.start, a.end) == (int(a.sentence_start), int(a.sentence_end))
        assert a.text.endswith((".", ".”"))


def test_ask_after_an_appositive(letters):
    """'We, the undersigned organizations, urge you …' is an ask to the addressee."""
    p = letters("sig-organizations-only.txt")
    asks = p.kind("ask")
    assert list(asks.text) == ["We, the undersigned organizations, urge you to refer the situation in Caldora "
                               "to the International Criminal Court."]
    assert list(asks.rule) == ["urge"]


def test_asks_in_fixture_letters(letters):
    p = letters("sig-name-title-org.txt")
    asks = p.kind("ask")
    assert [a[:40] for a in asks.text] == ["We write to urge you to support a strong", "We also ask that the United Kingdom rais"]
    assert asks.value.iloc[0] == "Helen Marlowe"  # "Dear Ambassador Marlowe," = "Ambassador Helen Marlowe"
    p = letters("subject-respectfully.txt")
    asks = p.kind("ask")
    assert list(asks.rule) == ["request"]
    assert asks.value.iloc[0] == "Helen Marlowe"


# --- crimes -------------------------------------------------------------------------

def test_seven_listed_crimes_and_crimes_against_humanity(real):
    crimes = real.kind("crime")
    listed = crimes[crimes.value != "crimes against humanity"]
    assert list(listed.text) == SEVEN_CRIMES
    # the seven are one list in one sentence
    assert listed.sentence_start.nunique() == 1
    cah = crimes[crimes.value == "crimes against humanity"]
    assert len(cah) == real.clean.count("crimes against humanity") == 4
    assert len(crimes) == 11


def test_forced_starvation_is_one_crime_not_two(real):
    crimes = real.kind("crime")
    assert "starvation" not in set(crimes.text)
    fs = crimes[crimes.text == "forced starvation"]
    assert list(fs.value) == ["forced starvation"]


def test_crimes_in_a_fixture_letter(letters):
    p = letters("sig-name-title-org.txt")
    crimes = p.kind("crime")
    assert list(zip(crimes.text, crimes.value)) == [("torture", "torture"),
                                                    ("enforced disappearances", "enforced disappearance")]


# --- names with accents, names over line breaks ----------------------------------

def test_accented_titled_names(letters):
    p = letters("enc-cp1252.txt")
    people = p.kind("person")
    value = dict(zip(people.text, people.value))
    assert value["Minister Lefèvre"] == "Lefèvre"
    assert value["President Émile Duval"] == "Émile Duval"


def test_names_wrapped_over_a_line_break(letters):
    p = letters("layout-hard-wrapped.txt")
    orgs = p.kind("organization")
    hrc = orgs[orgs.value == "UN Human Rights Council"]
    assert list(hrc.text) == ["UN Human Rights\nCouncil"]
    people = p.kind("person")
    assert "Tomas Varga" in set(people.value)
    # a value never holds a line break or a tab
    assert not any("\n" in v or "\t" in v for v in p.mentions.value)


def test_unknown_organizations_in_signatures_are_still_mentions(letters):
    p = letters("sig-unit-lines.txt")
    orgs = p.kind("organization")
    assert {"Lantern Rights Network", "Bellwether University", "Caldora Refugee Aid Society"} <= set(orgs.value)
    unknown = orgs[orgs.rule == "signatory (not in codebook)"]
    assert set(unknown.text) == {"Lantern Rights Network", "Bellwether University", "Caldora Refugee Aid Society"}
