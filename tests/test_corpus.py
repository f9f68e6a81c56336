"""The corpus report: letters, organizations, co-signing and people across letters."""

from __future__ import annotations

import pytest

from compendium import build, corpus, register
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture
def three_letters(buildable_project):
    root = buildable_project
    for f in sorted(FIXTURES.glob("*.txt")):
        register.add(f)
    build.process_all()
    return root


def test_organizations_are_counted_per_letter_and_merged_only_by_the_codebook(three_letters):
    letters = corpus.load_corpus()
    assert list(letters.letters.letter_id) == [
        "2014-09-10-kerry-unga-north-korea", "2015-02-03-corpus-a", "2015-06-30-corpus-b"]
    orgs = corpus.organizations(letters).set_index("Organization")
    assert orgs.loc["Human Rights Watch", "Letters"] == 3
    assert orgs.loc["Freedom House", "Letters"] == 3  # a person's affiliation, then an organization signatory
    # Not in the codebook: kept apart, and listed as an uncertain merge.
    assert orgs.loc["Example Rights Alliance", "Letters"] == 1
    assert orgs.loc["Example Rights Alliance, Inc.", "Letters"] == 1
    merges = corpus.uncertain_merges(letters)
    assert list(zip(merges["Name as written"], merges["Looks like"])) == [
        ("Example Rights Alliance", "Example Rights Alliance, Inc.")]


def test_cosigning_network_weights_pairs_by_letters_shared(three_letters):
    g = corpus.cosigning_graph(corpus.load_corpus())
    assert g.edges["Freedom House", "Human Rights Watch"]["weight"] == 3
    assert g.edges["Georgetown University", "Human Rights Watch"]["weight"] == 2  # Cha 2014; Park 2015
    assert not g.has_edge("Example Rights Alliance", "Georgetown University")


def test_people_are_matched_by_name_parts_across_affiliations(three_letters):
    people = corpus.people_across_letters(corpus.load_corpus())
    park = people[people.Name == "Mina Park"]
    assert list(park.Letter) == ["2015-02-03-corpus-a", "2015-06-30-corpus-b"]
    assert list(park["As signed"]) == ["Senior Fellow, Freedom House", "Professor, Georgetown University"]
    assert set(park["Affiliation changed"]) == {"yes"}
    reyes = people[people.Name == "Tomas Reyes"]
    assert set(reyes["Affiliation changed"]) == {"no"}


@pytest.mark.slow
def test_build_makes_the_corpus_report_once_two_letters_exist(three_letters):
    build.build()
    page = (three_letters / "reports" / "corpus.html").read_text(encoding="utf-8")
    assert "3 letters" in page and "Mina Park" in page and "Example Rights Alliance, Inc." in page
    assert 'href="corpus.html"' in (three_letters / "reports" / "index.html").read_text(encoding="utf-8")


def test_letters_per_month_fill_the_months_between(three_letters):
    months = corpus.monthly(corpus.load_corpus())
    assert list(months.Month[:2]) == ["2014-09", "2014-10"] and months.Month.iloc[-1] == "2015-06"
    assert len(months) == 10 and months.Letters.sum() == 3
    assert months.set_index("Month").loc["2015-02", "Letters"] == 1


def test_organizations_are_listed_by_sector(three_letters):
    orgs = corpus.organizations(corpus.load_corpus())
    groups = dict(corpus.organizations_by_sector(orgs))
    assert sum(len(g) for g in groups.values()) == len(orgs)
    assert "Human Rights Watch" in set(groups["advocacy"].Organization)


def test_cosigning_network_is_cut_at_the_smallest_readable_k():
    import networkx as nx

    g = nx.complete_graph([f"org {i:02d}" for i in range(40)])  # 780 pairs
    for a, b in g.edges:
        g.edges[a, b]["weight"] = 1 + (int(a[4:]) < 8 and int(b[4:]) < 8) * 4  # a core of 8 signs 5 letters together
    k = corpus.cosigning_threshold(g)
    h = corpus.cosigning_subgraph(g, k)
    assert k == 5 and h.number_of_nodes() == 8 and h.number_of_edges() == 28
    assert corpus.cosigning_threshold(nx.Graph([("a", "b", {"weight": 1})])) == 1  # small: everything drawn


def test_people_summary_one_row_per_person_most_letters_first(three_letters):
    people = corpus.people_across_letters(corpus.load_corpus())
    summary = corpus.people_summary(people)
    assert list(summary.columns) == ["Name", "Letters", "First", "Last", "Affiliation changed"]
    assert summary.Name.is_unique and set(summary.Name) == set(people.Name)
    park = summary.set_index("Name").loc["Mina Park"]
    assert (park.Letters, park.First, park.Last, park["Affiliation changed"]) == (2, "2015-02-03", "2015-06-30", "yes")
    assert list(summary.Letters) == sorted(summary.Letters, reverse=True)
