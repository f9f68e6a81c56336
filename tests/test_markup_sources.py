"""Letters kept as the source they were written in: LaTeX and reStructuredText (the container stage,
unwrap/latex.py and unwrap/rest.py). Letters written for these tests."""

from __future__ import annotations

import datetime as dt

from compendium.letter.unwrap import unwrap
from compendium.process import parse_letter

LATEX = r"""% letter.tex
\documentclass{letter}
\usepackage[utf8]{inputenc}
\address{12 Quay Street \\ Harbourtown}
\date{4~March 2024}
\begin{document}
\begin{letter}{The Minister for Fisheries \\ Ministry of the Sea}
\opening{Dear Minister,}

We write as \textbf{fishers' cooperatives} of the coast to ask for 20\% of the quota to go to small boats from next year.

We ask you to meet us before the season opens in \emph{April}.

\closing{Yours faithfully,}

\begin{tabular}{ll}
Maria Okonjo & Tomas Berg \\
Chair & Secretary \\
Harbourtown Fishers' Cooperative & North Coast Boat Owners \\
\end{tabular}
\end{letter}
\end{document}
"""

REST = """.. meta::
   :keywords: fisheries, quota

=====================================
Quotas for small boats
=====================================

:Date: 4 March 2024

Dear Minister,

We write as **fishers' cooperatives** of the coast to ask for a fifth of the quota for small boats, as the
`draft plan <https://example.org/plan>`_ proposes.

Yours faithfully,

| Maria Okonjo, Chair, Harbourtown Fishers' Cooperative
| Tomas Berg, Secretary, North Coast Boat Owners
"""


def _parsed(text: str):
    return parse_letter(text.encode("utf-8"), "letter", "letter.txt")


def test_a_latex_letter_reads_as_its_typeset_page():
    un = unwrap(LATEX.splitlines())
    assert un.kinds == ["LaTeX source"]
    assert "4 March 2024" in un.lines and "Dear Minister," in un.lines and "Yours faithfully," in un.lines
    assert any("20% of the quota" in ln and "fishers' cooperatives" in ln and "\\" not in ln for ln in un.lines)
    assert {r["text"] for r in un.removed} >= {"% letter.tex", r"\documentclass{letter}", r"\end{document}"}
    p = _parsed(LATEX)
    assert p.structure.date == dt.date(2024, 3, 4)
    assert [(s.name, [(a.title, a.organization) for a in s.affiliations]) for s in p.signatories] == [
        ("Maria Okonjo", [("Chair", "Harbourtown Fishers' Cooperative")]),
        ("Tomas Berg", [("Secretary", "North Coast Boat Owners")])]


def test_a_rest_letter_reads_as_its_rendered_page():
    un = unwrap(REST.splitlines())
    assert un.kinds == ["reStructuredText source"]
    assert "Date: 4 March 2024" in un.lines
    assert any("as the draft plan proposes" in ln.replace("\n", " ") or "draft plan proposes" in ln for ln in un.lines)
    p = _parsed(REST)
    assert p.structure.date == dt.date(2024, 3, 4)
    assert [s.name for s in p.signatories] == ["Maria Okonjo", "Tomas Berg"]


def test_plain_letters_are_neither():
    text = "4 March 2024\n\nDear Minister,\n\nWe ask for 20% of the quota.\n\nYours faithfully,\n\nMaria Okonjo\n"
    assert not {"LaTeX source", "reStructuredText source"} & set(unwrap(text.splitlines()).kinds)


def test_a_latex_subject_line_in_bold_and_list_options_read_as_the_page_shows_them():
    src = LATEX.replace("\\opening{Dear Minister,}\n", "\\opening{Dear Minister,}\n\n\\textbf{Re: Quotas for small boats}\n")
    src = src.replace("We ask you", "\\begin{itemize}[noitemsep]\n  \\item one\n\\end{itemize}\n\nWe ask you")
    un = unwrap(src.splitlines())
    assert "Re: Quotas for small boats" in un.lines
    assert not any("itemize" in ln for ln in un.lines)
    assert _parsed(src).structure.subject.text == "Quotas for small boats"
