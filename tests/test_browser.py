"""The HTML reports in a real browser (Debian's chromium, driven by Playwright):
they render, load nothing from the network, log no error, and show a hostile
letter's markup as text."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT

CHROMIUM = Path("/usr/bin/chromium")
REAL = "2014-09-10-kerry-unga-north-korea"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
pytestmark = pytest.mark.slow


def _ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, capture_output=True)
    elif os.environ.get("CI"):
        pytest.fail("chromium is missing and cannot be installed without root")
    else:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _ensure_chromium()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(profile), executable_path=str(CHROMIUM), args=ARGS,
                                                   headless=True)
        yield ctx
        ctx.close()


def _open(ctx, page_path: Path, width: int):
    page = ctx.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    seen = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(page_path.as_uri(), wait_until="load")
    return page, seen


def _offline(seen) -> list[str]:
    return [u for u in seen["requests"] if not (u.startswith("file://") or u.startswith("data:"))]


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("name,figures", [("timeline", 1), ("coalition", 2)])
def test_real_reports_render_offline(browser, tmp_path, name, figures, width):
    page, seen = _open(browser, ROOT / "reports" / REAL / f"{name}.html", width)
    shot = tmp_path / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    assert page.locator("svg.figure").count() == figures
    assert page.locator("table.data").count() >= 2
    assert page.locator("h1").first.inner_text() == "United Nations General Assembly action on North Korea"
    # Nothing wider than the screen but the scrollable table wrappers.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert _offline(seen) == [] and seen["errors"] == [] and seen["dialogs"] == []
    page.close()


def test_index_links_every_report(browser):
    page, seen = _open(browser, ROOT / "reports" / "index.html", 1280)
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert f"{REAL}/timeline.html" in hrefs and f"{REAL}/coalition.html" in hrefs
    assert "14" in page.locator("tbody tr").first.inner_text()
    assert _offline(seen) == [] and seen["errors"] == []


def test_hostile_letter_shows_markup_as_text(browser, tmp_path, monkeypatch):
    from compendium import build, register

    root = tmp_path / "project"
    (root / "data" / "raw" / "letters").mkdir(parents=True)
    for name in ("codebook.csv", "context_events.csv"):
        shutil.copy2(ROOT / "data" / "raw" / name, root / "data" / "raw" / name)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    monkeypatch.setenv("COMPENDIUM_ROOT", str(root))
    register.add(ROOT / "tests" / "fixtures" / "hostile-letter.txt", "2015-10-02-hostile")
    build.build()
    pages = [root / "reports" / "index.html"] + sorted((root / "reports" / "2015-10-02-hostile").glob("*.html"))
    assert len(pages) == 3
    for path in pages:
        page, seen = _open(browser, path, 1280)
        text = page.inner_text("body")
        assert "<script>" in text or "<iframe" in text or "<img" in text, path.name  # shown, as text
        assert page.locator("script, iframe, img, b").count() == 0, path.name
        assert seen["dialogs"] == [] and _offline(seen) == [] and seen["errors"] == [], path.name
        page.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_code_is_folded_and_opens_without_script(browser, width):
    page, seen = _open(browser, ROOT / "reports" / REAL / "timeline.html", width)
    details = page.locator("details.code")
    assert details.count() >= 4
    first_code = details.first.locator("pre")
    assert not first_code.is_visible()  # folded by default
    details.first.locator("summary").click()
    assert first_code.is_visible() and "processed_dir" in first_code.inner_text()
    colophon = page.locator("footer.colophon")
    assert colophon.is_visible() and "SHA-256" in colophon.inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1  # long hashes and code wrap or scroll inside their box on a phone
    assert _offline(seen) == [] and seen["errors"] == []
    page.close()


@pytest.mark.parametrize("where", ["committed", "copy"])
def test_pages_are_styled_by_the_linked_style_sheet(browser, tmp_path, where):
    """The style sheet is written once (reports/assets/report.css) and linked relatively: the
    content security policy lets the page load it, from the committed folder and from a copy."""
    reports = ROOT / "reports"
    if where == "copy":
        reports = shutil.copytree(ROOT / "reports", tmp_path / "elsewhere" / "reports")
    html = (reports / REAL / "coalition.html").read_text(encoding="utf-8")
    assert '<link href="../assets/report.css" rel="stylesheet"/>' in html
    figures = sum(len(svg.split("</svg>")[0].encode()) for svg in html.split("<svg")[1:])
    assert len(html.encode()) - figures < 80_000  # a light page: the style sheet is not inlined
    page, seen = _open(browser, reports / REAL / "coalition.html", 1280)
    styled = page.evaluate("""() => {
        const b = getComputedStyle(document.body);
        const root = getComputedStyle(document.documentElement);
        return {maxWidth: b.maxWidth, theme: root.getPropertyValue("--jp-cell-editor-background").trim()};
    }""")
    assert styled["maxWidth"] == "1152px"  # body.jp-Notebook { max-width: 72rem } from report.css
    assert styled["theme"]  # JupyterLab's light theme (in report.css) arrived
    summary = page.locator("details.code > summary").first
    assert page.evaluate("e => getComputedStyle(e).cursor", summary.element_handle()) == "pointer"
    assert _offline(seen) == [] and seen["errors"] == []
    page.close()
