"""Letters kept as Emacs org-mode and AsciiDoc source (unwrap/orgmode.py, unwrap/asciidoc.py).
Letters written for these tests."""

from __future__ import annotations

from compendium.letter.unwrap import asciidoc, orgmode, unwrap
from compendium.process import parse_letter

ORG = """\
#+TITLE: Letter on river moorings
#+DATE: <2025-03-02 Sun>

* Letter                                   :sent:
:PROPERTIES:
:EXPORT_FILE_NAME: moorings
:END:

2 March 2025

Dear Harbourmaster,

/Re: Winter moorings on the Tamsin/

We ask you to keep the *winter moorings* open, as agreed in [[https://example.org/minutes][the minutes]].

Yours sincerely,

- Ruth Aldana :: Chair, Tamsin Boat Club
- Kofi Mensah
- Ida Lund :: Secretary, River Users' Association
"""

ADOC = """\
= Letter on the closure of the night bus
:revdate: 2025-04-11
:lang: en

[.text-right]
11 April 2025

Councillor Mara Voss +
Transport Committee

Dear Councillor,

== Our request

We ask the committee to *keep* the night bus running until a review is published.

'''

Yours sincerely,

* Riverside Residents' Association
* Night Workers' Union
"""


def test_org_mode_is_recognised_by_its_keywords_headlines_and_drawers():
    assert orgmode.is_org(ORG.splitlines())
    assert not orgmode.is_org(["* A bullet", "Dear Sir,", "Yours,"])  # a headline alone is no org file
    assert orgmode.inline("*bold* and /slanted/ and =code= and [[https://x.org][a link]]") == \
        "bold and slanted and code and a link"


def test_an_org_letter_reads_as_its_exported_page():
    u = unwrap(ORG.splitlines())
    assert u.kinds == ["org-mode source"]
    dropped = {r["text"] for r in u.removed}
    assert {"#+TITLE: Letter on river moorings", ":PROPERTIES:", ":EXPORT_FILE_NAME: moorings", ":END:"} <= dropped
    assert any(t.startswith("* Letter") for t in dropped)
    k = u.lines.index("Ruth Aldana")
    assert (u.lines[k + 1], u.origin[k], u.origin[k + 1]) == ("Chair, Tamsin Boat Club", 18, 18)
    p = parse_letter(ORG.encode("utf-8"), "letter", "letter.org")
    assert p.structure.subject.text == "Winter moorings on the Tamsin"
    got = [(s.name, [(a.title, a.organization) for a in s.affiliations if a.organization]) for s in p.signatories]
    assert got == [("Ruth Aldana", [("Chair", "Tamsin Boat Club")]), ("Kofi Mensah", []),
                   ("Ida Lund", [("Secretary", "River Users' Association")])]


def test_asciidoc_is_recognised_by_its_title_and_attributes():
    assert asciidoc.is_asciidoc(ADOC.splitlines())
    assert not asciidoc.is_asciidoc(["= Not a title", "", "Dear Sir,", "Yours,"])
    assert asciidoc.inline("Ask *now* via link:https://x.org[the form] +") == "Ask now via the form"


def test_an_asciidoc_letter_reads_as_its_rendered_page_and_its_title_is_the_subject():
    u = unwrap(ADOC.splitlines())
    assert u.kinds == ["AsciiDoc source"] and u.subject == "Letter on the closure of the night bus"
    assert {":revdate: 2025-04-11", "[.text-right]", "'''"} <= {r["text"] for r in u.removed}
    assert "Councillor Mara Voss" in u.lines and "Our request" in u.lines
    p = parse_letter(ADOC.encode("utf-8"), "letter", "letter.adoc")
    assert p.structure.date.isoformat() == "2025-04-11"
    assert [s.written for s in p.signatories] == ["Riverside Residents' Association", "Night Workers' Union"]


def test_an_org_description_list_under_the_bullets_of_a_copied_page():
    lines = ORG.replace("\n- ", "\n• ").splitlines()
    u = unwrap(lines)
    k = u.lines.index("Ruth Aldana")
    assert u.lines[k + 1] == "Chair, Tamsin Boat Club"
