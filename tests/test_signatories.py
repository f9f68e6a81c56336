"""Who signed and with which affiliations (compendium.letter.signatories), checked against the
letters' signature blocks."""

from __future__ import annotations

import pytest

from compendium.letter import signatories, structure
from compendium.letter.lines import lines_of
from compendium.codebook import SECTORS
from support import fixture_path

REAL_SIGNERS = [
    "Morton Abramowitz", "Victor Cha", "Roberta Cohen", "Lorne Craner", "Felice D. Gaer",
    "Morton H. Halperin", "David Hawk", "William Inboden", "David J. Kramer", "Jae H. Ku",
    "Robyn Lieberman", "Kenneth Roth", "Greg Scarlatoiu", "Hannah Song",
]


def aff(title="", unit="", organization="", former="false", sector=None):
    d = {"title": title, "unit": unit, "organization": organization, "former": former}
    if sector is not None:
        d["sector"] = sector
    return d


def affs(p, name, with_sector=False):
    out = p.affiliations_of(name)
    if not with_sector:
        for a in out:
            a.pop("sector")
    return out


# --- the real letter ---------------------------------------------------------------

def test_real_letter_fourteen_signatories_in_letter_order(real):
    assert list(real.signatories.name) == REAL_SIGNERS
    assert real.letter["signatory_count"] == 14
    assert set(real.signatories.signatory_type) == {"person"}


def test_real_letter_fifteen_affiliations(real):
    assert len(real.affiliations) == 15
    # Victor Cha holds two; everyone else one.
    counts = real.affiliations.name.value_counts()
    assert counts["Victor Cha"] == 2
    assert set(counts.drop("Victor Cha")) == {1}


def test_real_letter_name_parts(real):
    gaer = real.person("Felice D. Gaer")
    assert (gaer.given_name, gaer.middle_name, gaer.family_name) == ("Felice", "D.", "Gaer")
    ku = real.person("Jae H. Ku")
    assert (ku.given_name, ku.middle_name, ku.family_name) == ("Jae", "H.", "Ku")
    assert real.person("Greg Scarlatoiu").family_name == "Scarlatoiu"


def test_lorne_craner_former_assistant_secretary(real):
    assert affs(real, "Lorne Craner", with_sector=True) == [aff(
        "Assistant Secretary of State", "Bureau of Democracy, Human Rights and Labor",
        "U.S. Department of State", "true", "government")]


def test_victor_cha_two_affiliations(real):
    assert affs(real, "Victor Cha", with_sector=True) == [
        aff("Professor", "", "Georgetown University", sector="academic"),
        aff("Senior Adviser", "", "Center for Strategic and International Studies", sector="think tank"),
    ]


def test_david_hawk_author_without_organization(real):
    assert affs(real, "David Hawk", with_sector=True) == [
        aff("Author of The Hidden Gulag", "", "", sector="independent")]


def test_hrnk_shared_by_cohen_and_scarlatoiu(real):
    hrnk = "The Committee for Human Rights in North Korea"
    assert affs(real, "Roberta Cohen") == [aff("Co-Chair of the Board of Directors", "", hrnk)]
    assert affs(real, "Greg Scarlatoiu") == [aff("Executive Director", "", hrnk)]
    assert set(real.affiliations[real.affiliations.organization == hrnk].name) == {"Roberta Cohen", "Greg Scarlatoiu"}


@pytest.mark.parametrize("name, expected", [
    ("Morton Abramowitz", aff("Senior Fellow", "", "The Century Foundation")),
    ("Felice D. Gaer", aff("Director", "", "Jacob Blaustein Institute for the Advancement of Human Rights")),
    ("Morton H. Halperin", aff("Senior Advisor", "", "Open Society Foundations")),
    ("William Inboden", aff("Executive Director", "Clements Center for History, Strategy & Statecraft",
                            "University of Texas-Austin")),
    ("David J. Kramer", aff("President", "", "Freedom House")),
    ("Jae H. Ku", aff("Director", "U.S.-Korea Institute", "Johns Hopkins School of Advanced International Studies")),
    ("Robyn Lieberman", aff("Senior Director", "Government Advocacy", "Human Rights First")),
    ("Kenneth Roth", aff("Executive Director", "", "Human Rights Watch")),
    ("Hannah Song", aff("Executive Director", "", "Liberty in North Korea")),
])
def test_real_letter_other_affiliations(real, name, expected):
    assert affs(real, name) == [expected]


def test_real_letter_every_organization_classified(real):
    assert "unclassified" not in set(real.affiliations.sector)
    assert real.letter["unclassified_organizations"] == []
    assert set(real.affiliations.sector) <= set(SECTORS)
    assert real.warnings == []


def test_unit_in_codebook_wins_over_its_organization(real):
    rows = real.affiliations.set_index("name")
    assert rows.loc["William Inboden", "canonical_organization"] == \
        "Clements Center for History, Strategy & Statecraft, University of Texas at Austin"
    assert rows.loc["Jae H. Ku", "canonical_organization"] == "U.S.-Korea Institute at Johns Hopkins SAIS"
    # An unknown unit ("Government Advocacy") leaves its organization in charge.
    assert rows.loc["Robyn Lieberman", "canonical_organization"] == "Human Rights First"


def test_coalition_self_description_matches_sectors(real):
    """'advocacy groups, academic institutions, think tanks, and others'."""
    assert "advocacy groups, academic institutions, think tanks, and others" in real.clean
    sectors = set(real.affiliations.sector)
    assert {"advocacy", "academic", "think tank"} <= sectors
    assert sectors - {"advocacy", "academic", "think tank"}  # "and others"


# --- fixture letters, one per signature format -----------------------------------

def test_name_title_org_lines(letters):
    p = letters("sig-name-title-org.txt")
    assert list(p.signatories.name) == ["Amara Whitfield", "Julian Ostrowski", "Sofia Delacroix-Brandt"]
    assert affs(p, "Amara Whitfield") == [aff("Executive Director", "", "Lantern Rights Network")]
    assert affs(p, "Julian Ostrowski") == [aff("Senior Fellow", "", "Meridian Policy Institute")]
    assert affs(p, "Sofia Delacroix-Brandt") == [aff("Director", "", "Caldora Refugee Aid Society")]


def test_unit_lines_between_title_and_organization(letters):
    p = letters("sig-unit-lines.txt")
    assert list(p.signatories.name) == ["Noor Haddad", "Tobias Engel", "Mei-Ling Cheng"]
    assert affs(p, "Noor Haddad") == [aff("Deputy Director", "Asia Division", "Lantern Rights Network")]
    assert affs(p, "Tobias Engel") == [
        aff("Senior Researcher", "Program on Forced Migration, Faculty of Law", "Bellwether University")]
    assert affs(p, "Mei-Ling Cheng") == [aff("Coordinator", "", "Caldora Refugee Aid Society")]


def test_several_title_comma_organization_lines(letters):
    p = letters("sig-title-org-lines.txt")
    assert list(p.signatories.name) == ["Ingrid Solberg", "Rafael Quintero"]
    assert affs(p, "Ingrid Solberg") == [
        aff("Professor", "", "Bellwether University"),
        aff("Senior Adviser", "", "Meridian Policy Institute"),
    ]
    assert affs(p, "Rafael Quintero") == [
        aff("Chair", "", "Lantern Rights Network"),
        aff("Board Member", "", "Open Harbor Foundation"),
        aff("Visiting Scholar", "", "Institute for Coastal Policy"),
    ]


def test_one_line_signatures_with_semicolons(letters):
    p = letters("sig-one-line-semicolons.txt")
    assert list(p.signatories.name) == ["Ingrid Solberg", "Rafael Quintero", "Chidi Obi"]
    assert affs(p, "Ingrid Solberg") == [
        aff("Professor", "", "Bellwether University"),
        aff("Senior Adviser", "", "Meridian Policy Institute"),
    ]
    assert affs(p, "Rafael Quintero") == [aff("Chair", "", "Lantern Rights Network")]
    assert affs(p, "Chidi Obi") == [
        aff("Executive Director", "", "Caldora Refugee Aid Society"),
        aff("Trustee", "", "Open Harbor Foundation"),
    ]
    # The whole line is the signatory's span; the name as written starts it.
    chidi = p.person("Chidi Obi")
    assert p.clean[int(chidi.start) : int(chidi.end)] == \
        "Chidi Obi, Executive Director, Caldora Refugee Aid Society; Trustee, Open Harbor Foundation"


def test_organizations_only(letters):
    p = letters("sig-organizations-only.txt")
    orgs = ["Lantern Rights Network", "Caldora Refugee Aid Society", "Meridian Policy Institute",
            "Open Harbor Foundation", "Bellwether University Human Rights Clinic", "Coalition for Justice in Caldora"]
    assert list(p.signatories.written) == orgs
    assert set(p.signatories.signatory_type) == {"organization"}
    assert list(p.affiliations.organization) == orgs
    assert set(p.affiliations.title) == {""}


def test_honorifics_and_degrees(letters):
    p = letters("sig-honorifics-degrees.txt")
    got = [(s.name, s.honorific, s.suffix, s.written) for s in p.signatories.itertuples()]
    assert got == [
        ("Amara Whitfield", "Dr.", "", "Dr. Amara Whitfield"),
        ("Peter Langford", "Hon.", "", "Hon. Peter Langford"),
        ("Julian Ostrowski", "", "Ph.D.", "Julian Ostrowski, Ph.D."),
        ("Lena Vogt", "Prof.", "LL.M.", "Prof. Lena Vogt, LL.M."),
    ]
    assert affs(p, "Peter Langford") == [aff("Member of Parliament", "", "Caldoran National Assembly")]
    assert affs(p, "Lena Vogt") == [aff("Professor of International Law", "", "Bellwether University")]


def test_former_markers(letters):
    p = letters("sig-former-markers.txt")
    assert affs(p, "Walter Brandt") == [aff("Ambassador", "", "Ministry of Foreign Affairs of Caldora", "true")]
    assert affs(p, "Elena Petrova") == [
        aff("Special Rapporteur on Caldora", "", "United Nations Human Rights Council", "true")]
    assert affs(p, "Samuel Adeyemi") == [aff("Director", "", "Caldora Refugee Aid Society", "true")]
    assert affs(p, "Grace Liu") == [aff("Chair", "", "Lantern Rights Network", "false")]


def test_affiliation_without_organization(letters):
    p = letters("sig-no-organization.txt")
    assert affs(p, "Tomasz Wolski", with_sector=True) == [
        aff("Author of The Salt Camps", "", "", sector="independent")]
    assert affs(p, "Adaeze Nwosu", with_sector=True) == [
        aff("Survivor of Camp 9 and human rights defender", "", "", sector="independent")]
    assert affs(p, "Grace Liu") == [aff("Chair", "", "Lantern Rights Network")]


THREE = [
    ("Noor Haddad", aff("Deputy Director", "", "Lantern Rights Network")),
    ("Tobias Engel", aff("Senior Researcher", "", "Bellwether University")),
    ("Mei-Ling Cheng", aff("Coordinator", "", "Caldora Refugee Aid Society")),
]


@pytest.mark.parametrize("name", ["sep-blank-lines.txt", "sep-nbsp-lines.txt"])
def test_blocks_separated_by_blank_or_nbsp_lines(letters, name):
    p = letters(name)
    assert list(p.signatories.name) == [n for n, _ in THREE]
    for n, a in THREE:
        assert affs(p, n) == [a]


def test_nbsp_fixture_really_holds_nbsp_lines():
    lines = fixture_path("sep-nbsp-lines.txt").read_text(encoding="utf-8").split("\n")
    assert sum(1 for ln in lines if ln and set(ln) == {"\u00a0"}) >= 3


def test_blocks_separated_by_nothing_but_the_next_name(letters):
    p = letters("sep-next-name.txt")
    assert list(p.signatories.name) == ["Noor Haddad", "Tobias Engel", "Mei-Ling Cheng", "Tomasz Wolski"]
    assert affs(p, "Noor Haddad") == [aff("Deputy Director", "", "Lantern Rights Network")]
    assert affs(p, "Tobias Engel") == [aff("Senior Researcher", "Program on Forced Migration", "Bellwether University")]
    assert affs(p, "Mei-Ling Cheng") == [aff("Coordinator", "", "Caldora Refugee Aid Society")]
    assert affs(p, "Tomasz Wolski") == [aff("Author of The Salt Camps", "", "")]


def test_accented_names(letters):
    p = letters("enc-cp1252.txt")
    assert list(p.signatories.name) == ["Hélène Moreau", "José Ibáñez", "Élodie Marchand"]
    assert affs(p, "Hélène Moreau") == [aff("President", "", "Fédération des droits humains")]
    assert affs(p, "Élodie Marchand") == [aff("Coordinator", "", "Caldora Refugee Aid Society")]


# --- the line classifiers ---------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Senior Fellow", "Executive Director", "Co-Chair of the Board of Directors", "Assistant Secretary of State (former)",
    "Author of The Hidden Gulag", "Board Member", "Program Director", "Former Director", "Senior Research Fellow",
])
def test_is_title(line):
    assert signatories.is_title(line)


@pytest.mark.parametrize("line", [
    "Human Rights Watch", "Government Advocacy", "Asia Program", "Program on Forced Migration",
    "U.S. Department of State", "Morton Abramowitz",
])
def test_is_not_title(line):
    assert not signatories.is_title(line)


@pytest.mark.parametrize("line", [
    "Morton Abramowitz", "Felice D. Gaer", "Dr. Amara Whitfield", "Julian Ostrowski, Ph.D.",
    "Jean de la Fontaine", "Mary-Jane O'Neill", "Élodie Marchand", "Samuel Adeyemi, Jr.",
])
def test_is_person_name(line):
    assert signatories.is_person_name(line)


@pytest.mark.parametrize("line", [
    "Human Rights Watch", "Executive Director", "Liberty in North Korea", "U.S.-Korea Institute",
    "Sincerely,", "Hannah", "cc: Ambassador Helen Marlowe",
])
def test_is_not_person_name(line):
    assert not signatories.is_person_name(line)


def test_parse_directly_from_structure():
    text = ("September 10, 2014\n\nDear Minister,\n\nWe urge you to act.\n\nSincerely,\n\n"
            "Grace Liu\nChair\nLantern Rights Network\n\nTomasz Wolski\nAuthor of The Salt Camps\n")
    sigs = signatories.parse(structure.parse(text).signature_lines)
    assert [(s.name, s.signatory_type) for s in sigs] == [("Grace Liu", "person"), ("Tomasz Wolski", "person")]
    assert [(a.title, a.organization) for a in sigs[0].affiliations] == [("Chair", "Lantern Rights Network")]
    assert [s.signatory_id for s in sigs] == [1, 2]
    assert text[sigs[1].start : sigs[1].end] == "Tomasz Wolski\nAuthor of The Salt Camps"


def _parsed(block: str) -> list[tuple[str, str, list[str]]]:
    from compendium.letter.lines import lines_of

    return [(s.signatory_type, s.name, [a.organization for a in s.affiliations])
            for s in signatories.parse(lines_of(block))]


def test_a_given_name_in_a_run_of_organizations_is_an_organization():
    # "Geneva" is a given name; between organizations signing as themselves, with no
    # position after it, "Geneva Call" is one more organization.
    got = _parsed("Child Soldiers International\nGeneva Call\nHuman Rights Watch\nPlan International\n")
    assert [t for t, _, _ in got] == ["organization"] * 4
    assert got[1][2] == ["Geneva Call"]


def test_an_organization_with_its_country_among_others_is_an_organization():
    got = _parsed("People in Need (Czech Republic)\nPromo LEX (Moldova)\nPublic Verdict Foundation (Russia)\n")
    assert got == [("organization", "", ["People in Need (Czech Republic)"]),
                   ("organization", "", ["Promo LEX (Moldova)"]),
                   ("organization", "", ["Public Verdict Foundation (Russia)"])]


def test_people_with_their_organizations_line_by_line_stay_people():
    got = _parsed("Jane Doe\nAmnesty International\nJohn Smith\nHuman Rights Watch\n")
    assert got == [("person", "Jane Doe", ["Amnesty International"]),
                   ("person", "John Smith", ["Human Rights Watch"])]


def _people(block: str) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    from compendium.letter.lines import lines_of

    return [(s.name, [(a.title, a.organization, a.former) for a in s.affiliations])
            for s in signatories.parse(lines_of(block))]


def test_members_of_parliament_and_peers_with_party_lines():
    got = _people("Helen Marchbank MP\nLabour, Ashdale and Brinton\n\n"
                  "The Rt Hon Sir Geoffrey Pell MP\nChair, International Development Committee\nConservative, Wealdon Vale\n\n"
                  "Lord Carrow of Ambleside\nCrossbench\n\nBaroness Osei\nLiberal Democrat\n")
    assert got == [("Helen Marchbank", [("", "Labour, Ashdale and Brinton", False)]),
                   ("Geoffrey Pell", [("Chair", "International Development Committee", False),
                                      ("", "Conservative, Wealdon Vale", False)]),
                   ("Lord Carrow of Ambleside", [("", "Crossbench", False)]),
                   ("Baroness Osei", [("", "Liberal Democrat", False)])]


def test_on_behalf_of_above_the_name_and_a_place_under_the_title():
    got = _people("On behalf of Coastal Justice Network\nAmara Nwosu, Executive Director\n\n"
                  "Padre Esteban Ríos\nPresident\nComisión Diocesana de Justicia y Paz (Colombia)\n\n"
                  "Jorge Andrade Salazar\nCoordinator\nRed Amazónica de Defensores (Ecuador)\n")
    assert got == [("Amara Nwosu", [("Executive Director", "Coastal Justice Network", False)]),
                   ("Esteban Ríos", [("President", "Comisión Diocesana de Justicia y Paz (Colombia)", False)]),
                   ("Jorge Andrade Salazar", [("Coordinator", "Red Amazónica de Defensores (Ecuador)", False)])]


def test_a_table_of_signatories_reads_cells_not_commas():
    got = _people("Name | Position | Organization\n"
                  "Dr. Lucía Ferrer | Chair, Antimicrobial Stewardship Working Group | Latin American Paediatric Association\n"
                  "Prof. Mateus Oliveira | Former President | Brazilian Society of Infectious Diseases\n")
    assert got == [("Lucía Ferrer", [("Chair, Antimicrobial Stewardship Working Group",
                                      "Latin American Paediatric Association", False)]),
                   ("Mateus Oliveira", [("President", "Brazilian Society of Infectious Diseases", True)])]


def test_an_organization_with_its_city_in_parentheses_is_one_organization():
    assert _people("Hélène Marchetti (Sciences Po, Paris)\nYuki Tanabe (Kyoto University)\n") == [
        ("Hélène Marchetti", [("", "Sciences Po, Paris", False)]), ("Yuki Tanabe", [("", "Kyoto University", False)])]


def test_parliamentarians_with_party_first_and_two_positions_on_one_line():
    got = _people("Senator Jane Whitfield\nAustralian Greens, Senator for Tasmania\n\n"
                  "The Hon. Robert Kaye MP\nMember for Hollis, Deputy Chair, Joint Standing Committee on Foreign Affairs\n\n"
                  "Marcus Håkansson, Human rights lawyer\nYordanos Gebremichael, Former Chair, Eritrean Students' Union\n")
    assert got == [("Jane Whitfield", [("Senator for Tasmania", "Australian Greens", False)]),
                   ("Robert Kaye", [("Member for Hollis", "", False),
                                    ("Deputy Chair", "Joint Standing Committee on Foreign Affairs", False)]),
                   ("Marcus Håkansson", [("Human rights lawyer", "", False)]),
                   ("Yordanos Gebremichael", [("Chair", "Eritrean Students' Union", True)])]


def test_review_cases_people_with_countries_one_word_titles_and_behalf_over_several():
    # people listed with their country stay people, one each
    assert _people("Jane Doe\nDirector, Acme Trust\n\nAmina Mohammed (Kenya)\nMaria Silva (Brazil)\n") == [
        ("Jane Doe", [("Director", "Acme Trust", False)]), ("Amina Mohammed", [("", "Kenya", False)]),
        ("Maria Silva", [("", "Brazil", False)])]
    # a one-word position the parser does not know is still a position
    assert _people("Sarah Lee\nFilmmaker, Sundown Pictures\n") == [("Sarah Lee", [("Filmmaker", "Sundown Pictures", False)])]
    # "On behalf of X" above several people: each signs for X
    assert _people("Jane Roe\nChair, Board\n\nOn behalf of the Steering Committee\nJane Doe, Chair\nJohn Roe, Secretary\n") == [
        ("Jane Roe", [("Chair", "Board", False)]), ("Jane Doe", [("Chair", "the Steering Committee", False)]),
        ("John Roe", [("Secretary", "the Steering Committee", False)])]


def test_a_unit_without_a_title_is_split_from_its_organization():
    got = [(a.title, a.unit, a.organization) for a in signatories._affiliations_from_pieces(
        ["Department of Meteorology, Stockholm University"])]
    assert got == [("", "Department of Meteorology", "Stockholm University")]
    assert signatories._split_title_org("Faculty of Law, Université de Montréal").organization == "Université de Montréal"


@pytest.mark.parametrize("count", ["And 38 other organizations", "*…and 14 other organizations*".strip("*"),
                                   "and 212 other health professionals", "plus 40 more signatories",
                                   "and 120 others", "(and 1,200 others)"])
def test_a_count_of_further_signers_is_not_a_signatory(count):
    got = _parsed(f"Amnesty International\nHuman Rights Watch\n{count}\n")
    assert [o for _, _, o in got] == [["Amnesty International"], ["Human Rights Watch"]]


def test_a_supporting_organisations_heading_is_a_heading():
    got = _parsed("Jane Doe\nDirector\nFoo Union\n\nSupporting organisations:\nCouriers United Europe\nPlatform Workers Network\n")
    assert [o for _, _, o in got] == [["Foo Union"], ["Couriers United Europe"], ["Platform Workers Network"]]
    assert [t for t, _, _ in got] == ["person", "organization", "organization"]


@pytest.mark.parametrize("line, name", [("Julie Tremblay-Marchand, FRCPC", "Julie Tremblay-Marchand"),
                                        ("Olumide Banjoko FRCPCH", "Olumide Banjoko"),
                                        ("Catherine Dufresne, CFA", "Catherine Dufresne"),
                                        ("Fr. Thomas Okonjo SJ", "Thomas Okonjo")])
def test_college_fellowships_and_orders_are_post_nominals_not_organizations(line, name):
    got = _parsed(f"{line}\nDirector\nNorthbridge Health Trust\n")
    assert got == [("person", name, ["Northbridge Health Trust"])]


# --- the steps: items, their roles (label_lines), the roles into signatories (group) ----------

def _block(text):
    items = signatories._items(lines_of(text))
    return items, signatories.label_lines(items)


def test_label_lines_gives_each_item_of_the_block_its_role():
    text = ("Jane Doe\nDirector\nCentre for Peace Studies\n\n"
            "Dr. John Smith, Professor, University of Oslo\n\n"
            "Human Rights Watch\n\n"
            "and 38 other organizations")
    items, roles = _block(text)
    assert [(it.line.text, role) for it, role in zip(items, roles)] == [
        ("Jane Doe", "name"), ("Director", "title"), ("Centre for Peace Studies", "organization"),
        ("Dr. John Smith, Professor, University of Oslo", "name+affiliation"),
        ("Human Rights Watch", "signer"), ("and 38 other organizations", "count")]


def test_parse_is_group_over_label_lines_and_group_reads_roles_from_elsewhere():
    text = "Jane Doe\nDirector\nCentre for Peace Studies\nHuman Rights Watch"
    items, roles = _block(text)
    assert roles == ["name", "title", "unit", "organization"]  # no blank lines: up to three lines are hers
    by_rules = signatories.group(items, roles)
    assert by_rules == signatories.parse(lines_of(text))
    assert [(a.title, a.unit, a.organization) for a in by_rules[0].affiliations] == [
        ("Director", "Centre for Peace Studies", "Human Rights Watch")]
    # Roles from elsewhere (a tagger) that read the last line as an organization signing as itself.
    other = signatories.group(items, ["name", "title", "organization", "signer"])
    assert [(s.signatory_type, s.name or s.written) for s in other] == [
        ("person", "Jane Doe"), ("organization", "Human Rights Watch")]
    assert [(a.title, a.organization) for a in other[0].affiliations] == [("Director", "Centre for Peace Studies")]


@pytest.mark.parametrize("title", ["President-elect", "Ambassador-designate", "Chair-elect"])
def test_a_position_not_yet_taken_up_is_a_title(title):
    got = _parsed(f"Arjun Mehta\n{title}\nAsian Federation of Clinical Microbiology\n")
    assert got == [("person", "Arjun Mehta", ["Asian Federation of Clinical Microbiology"])]
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of(f"Arjun Mehta\n{title}\nAsian Federation of Clinical Microbiology\n"))
    assert [(a.title, a.unit) for a in sig[0].affiliations] == [(title, "")]  # it was read as a unit


@pytest.mark.parametrize("line, honorific, name", [
    ("Prof. Dr. med. Anna Keller", "Prof. Dr. med.", "Anna Keller"),
    ("Univ.-Prof. Dr. Jakob Gruber", "Univ.-Prof. Dr.", "Jakob Gruber"),
    ("prof. dr hab. Piotr Zieliński", "prof. dr hab.", "Piotr Zieliński"),
    ("Mgr. Tomasz Nowak", "Mgr.", "Tomasz Nowak"),
    ("Pastora Ana Souza", "Pastora", "Ana Souza"),
    ("Dra. Lucía Pérez", "Dra.", "Lucía Pérez"),
    ("Phil Jones", "", "Phil Jones"),  # 'phil.' is a qualifier after 'Dr' only
])
def test_stacked_and_foreign_honorifics_come_off_the_name(line, honorific, name):
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of(f"{line}\nDirector\nNorthbridge Health Trust\n"))
    assert [(s.signatory_type, s.honorific, s.name) for s in sig] == [("person", honorific, name)]
    assert [(a.title, a.organization) for a in sig[0].affiliations] == [("Director", "Northbridge Health Trust")]


@pytest.mark.parametrize("block", [
    "Jane Doe\nDirector\nFoo Institute\nProfessor of Law\nBar University\n",  # stacked, no blank lines
    "Jane Doe\nDirector, Foo Institute, and Professor of Law, Bar University\n",
])
def test_one_person_with_two_positions_keeps_both(block):
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of(block))
    assert [(s.signatory_type, s.name) for s in sig] == [("person", "Jane Doe")]
    assert [(a.title, a.organization) for a in sig[0].affiliations] == [
        ("Director", "Foo Institute"), ("Professor of Law", "Bar University")]


@pytest.mark.parametrize("block, expected", [
    ("Carlo Benedettini\nSegretario generale, Federazione Lavoratori della Sanità\n",
     ("Carlo Benedettini", "Segretario generale", "Federazione Lavoratori della Sanità", False)),
    ("Alberto Sarnelli\ngià primario di ostetricia, Ospedale di Castelmorano\n",
     ("Alberto Sarnelli", "primario di ostetricia", "Ospedale di Castelmorano", True)),
    ("dr hab. inż. Joanna Pietrzak-Olsen\nprorektorka ds. nauki\nPolitechnika Borowiecka\n",
     ("Joanna Pietrzak-Olsen", "prorektorka ds. nauki", "Politechnika Borowiecka", False)),
    ("Annika Berg\nordförande\nHälsofacket Norr\n", ("Annika Berg", "ordförande", "Hälsofacket Norr", False)),
])
def test_positions_and_former_marks_in_other_languages(block, expected):
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of(block))
    assert [(s.name, a.title, a.organization, a.former) for s in sig for a in s.affiliations] == [expected]


@pytest.mark.parametrize("org", ["Coordinadora Nacional de Mujeres Campesinas", "Arts Council England",
                                 "Medico International"])
def test_organizations_named_like_a_foreign_position_sign_as_themselves(org):
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of(f"Ecologistas del Sur\n{org}\nObservatorio de Conflictos Mineros\n"))
    assert [(s.signatory_type, s.affiliations[0].organization) for s in sig][1] == ("organization", org)


def test_two_columns_of_people_in_pairs_set_apart_by_blank_lines_are_read_pair_by_pair():
    from compendium.letter.lines import lines_of

    block = ("Marisol Achterberg           Oskar Lindqvist\nArtistic Director            Director\n"
             "Harbour Playhouse            Eastgate Gallery\n\n"
             "Yetunde Sorensen             Ravi Castellanos\nChief Executive              Programme Manager\n"
             "Northbank Community Arts     The Foundry Music Venue\n\n"
             "Northbank Youth Orchestra    Riverside Dance Collective\n")
    sig = signatories.parse(lines_of(block))
    assert [(s.name or s.affiliations[0].organization, s.affiliations[0].title, s.affiliations[0].organization)
            for s in sig] == [
        ("Marisol Achterberg", "Artistic Director", "Harbour Playhouse"), ("Oskar Lindqvist", "Director", "Eastgate Gallery"),
        ("Yetunde Sorensen", "Chief Executive", "Northbank Community Arts"),
        ("Ravi Castellanos", "Programme Manager", "The Foundry Music Venue"),
        ("Northbank Youth Orchestra", "", "Northbank Youth Orchestra"),
        ("Riverside Dance Collective", "", "Riverside Dance Collective")]


def test_a_footnote_number_after_an_organization_and_an_emeritus_before_a_name_come_off():
    from compendium.letter.lines import lines_of

    sig = signatories.parse(lines_of("Emeritus Professor Jonah Whitcombe, former Dean of Humanities, University of Harwick\n"
                                     "Tariq El-Amin Sørby, Lecturer in Arabic, University of Harwick[3]\n"))
    assert [(s.name, a.title, a.organization, a.former) for s in sig for a in s.affiliations] == [
        ("Jonah Whitcombe", "Dean of Humanities", "University of Harwick", True),
        ("Tariq El-Amin Sørby", "Lecturer in Arabic", "University of Harwick", False)]


def test_a_person_line_of_title_words_only_keeps_the_line_as_the_name():
    # A tagger may read "General Secretary" as a name; nameparser then finds no name in it, and an
    # empty name made the entity step fail on the letter (IndexError).
    from compendium.letter.signatories.groups import _person
    from compendium.letter.signatories.model import Affiliation

    for line in ("General Secretary", "President", "Secretary"):
        p = _person(1, line, [Affiliation()], 0, len(line))
        assert p.signatory_type == "person" and p.name and p.name in line, (line, p.name)
    assert _person(2, "Dr. Amara Whitfield", [Affiliation()], 0, 19).name == "Amara Whitfield"
