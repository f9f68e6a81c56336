"""report.py: loading a processed folder and the tables a report shows.

report.load checks a folder's files once per content: a second load of the same
bytes skips the schema checks, a changed file is checked again. The tables of the
real letter are facts a reviewer checked against the letter."""

import shutil

import pytest

from compendium import report
from compendium.errors import InputError
from support import ROOT

SEED = ROOT / "data" / "processed" / "2014-09-10-kerry-unga-north-korea"


@pytest.fixture
def folder(tmp_path):
    dest = tmp_path / SEED.name
    shutil.copytree(SEED, dest)
    return dest


def test_second_load_of_same_files_skips_validation(folder, monkeypatch):
    first = report.load(folder)
    assert len(first.signatories) == 14  # the letter's 14 signers
    calls = []
    monkeypatch.setattr(report, "_validate", lambda *a: calls.append(a))
    again = report.load(folder)
    assert calls == []
    assert again.signatories.equals(first.signatories)


def test_changed_file_is_validated_again(folder):
    report.load(folder)
    path = folder / "signatories.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # An unknown signatory type in the first data row: the schema rejects it.
    lines[1] = lines[1].replace(",person,", ",robot,", 1)
    assert ",robot," in lines[1]
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="robot"):
        report.load(folder)


# --- the tables of the real letter, as a reviewer checked them against the letter --------

@pytest.fixture(scope="module")
def letter():
    return report.load(SEED)


def test_the_requested_side_event_is_not_before_the_letter(letter):
    events = report.event_table(letter).set_index("Event")
    side = events.loc["United Nations General Assembly side event (requested by the letter)"]
    assert side["When"].startswith("around the letter")
    assert events.loc["General Assembly resolution 69/188 adopted, 116–20–53", "When"] == "after the letter"
    assert events.loc["This letter, to Secretary of State John F. Kerry", "When"] == "the letter"


def test_asks_are_addressed_as_the_letter_says(letter):
    asks = report.asks_table(letter).set_index("Ask")["Addressed to"]
    # "We write to request that you …", "we recommend that the US work …", "We also urge that the text …"
    assert list(asks) == ["John F. Kerry", "United States Government", "John F. Kerry"]


def test_a_former_official_is_not_counted_as_serving_government(letter):
    comp = report.composition(letter).set_index("Sector")
    assert "government" not in comp.index
    assert comp.loc["government (former)", "Signatories"] == 1  # Lorne Craner


def test_include_context_must_be_a_boolean():
    with pytest.raises(Exception, match="include_context: must be True or False, not 'false'"):
        report.check_flag("include_context", "false")
    assert report.check_flag("include_context", False) is False


def test_figures_are_the_same_with_text_sizes_remembered_across_renderers(monkeypatch):
    # plots remembers the SVG renderer's text sizes across renderers (matplotlib keeps them
    # per renderer, and bbox_inches="tight" makes two per figure): the SVG must not change.
    from matplotlib.backends import backend_svg

    from compendium import plots

    letter = report.load(SEED)
    figures = (lambda: plots.timeline_figure(letter), lambda: plots.network_figure(letter),
               lambda: plots.composition_figure(report.composition(letter)))
    plots._text_metrics.cache_clear()
    remembered = [plots.svg(make()) for make in figures]
    assert plots._text_metrics.cache_info().hits > 0
    monkeypatch.setattr(backend_svg.RendererSVG, "get_text_width_height_descent",
                        lambda self, s, prop, ismath: self._text2path.get_text_width_height_descent(s, prop, ismath))
    assert [plots.svg(make()) for make in figures] == remembered


def test_figures_are_the_same_without_the_dry_draw_of_the_tight_box():
    # plots.svg skips the draw bbox_inches="tight" makes with drawing disabled: same SVG as with it,
    # for the letter's figures and the corpus report's, and the figure is drawn once, not twice.
    import networkx as nx
    import pandas as pd

    from compendium import plots

    letter = report.load(SEED)
    months = pd.DataFrame({"Month": ["2014-01", "2014-02", "2014-05"], "Letters": [1, 3, 2],
                           "Signatories": [10, 40, 25]})
    orgs = pd.DataFrame({"Organization": ["Freedom House", "Human Rights Watch"], "Letters": [3, 2]})
    h = nx.Graph()
    h.add_edge("Freedom House", "Human Rights Watch", weight=2)
    figures = (lambda: plots.timeline_figure(letter), lambda: plots.timeline_figure(letter, False),
               lambda: plots.network_figure(letter), lambda: plots.composition_figure(report.composition(letter)),
               lambda: plots.monthly_figure(months), lambda: plots.organizations_figure(orgs),
               lambda: plots.cosigning_figure(h, 2))
    for make in figures:
        fig = make()
        drawn = []
        real = type(fig).draw
        fig.draw = lambda renderer, fig=fig, drawn=drawn, real=real: drawn.append(renderer) or real(fig, renderer)
        once = plots.svg(fig)
        assert len(drawn) == 1  # the dry draw skipped, savefig's own draw done
        assert once == plots.svg(make(), dry_draw=True)
        assert "<text" in once or "<path" in once


def test_export_marks_the_same_elements_as_nbconvert():
    # export._accessible walks the parsed page instead of nbconvert's CSS selectors: same page.
    from bs4 import BeautifulSoup

    from compendium.build import export

    page = ('<!DOCTYPE html><html><body><div class="jp-Cell-inputWrapper">outside</div>'
            '<main class="jp-Notebook"><div class="jp-Cell"><div class="jp-Cell-inputWrapper x">in</div>'
            '<div class="jp-OutputArea"><div class="jp-OutputArea-output"><img src="a.png">'
            '<img src="b.png" alt="b"><span class="jp-OutputArea-output">span</span></div></div></div>'
            '</main><img src="c.png"/></body></html>')
    ours, theirs = BeautifulSoup(page, "html.parser"), BeautifulSoup(page, "html.parser")
    assert export._accessible(ours) == 2
    for elem in theirs.select("img:not([alt])"):
        elem.attrs["alt"] = "No description has been provided for this image"
    for elem in theirs.select(".jp-Notebook div.jp-Cell-inputWrapper"):
        elem.attrs["tabindex"] = "0"
    for elem in theirs.select(".jp-Notebook div.jp-OutputArea-output"):
        elem.attrs["tabindex"] = "0"
    assert str(ours) == str(theirs)
    assert str(ours).count('tabindex="0"') == 2


def test_a_second_load_of_the_same_bytes_is_not_parsed_again_and_gives_copies(folder, monkeypatch):
    first = report.load(folder)
    parsed = []
    real = report.pd.read_csv
    monkeypatch.setattr(report.pd, "read_csv", lambda *a, **k: parsed.append(1) or real(*a, **k))
    again = report.load(folder)
    assert parsed == [] and again.signatories.equals(first.signatories) and again.timeline.equals(first.timeline)
    again.signatories.loc[0, "name"] = "Changed in a notebook"
    assert report.load(folder).signatories.equals(first.signatories)  # a copy went out, not the kept frames
    path = folder / "signatories.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Morton Abramowitz,", ",Morton Abramowitz Sr.,", 1),
                    encoding="utf-8")
    changed = report.load(folder)
    assert parsed and changed.signatories.name[0] == "Morton Abramowitz Sr."
