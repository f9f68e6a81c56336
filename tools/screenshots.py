"""Screenshots of the real letter's reports at desktop and phone widths, for the README.

    .venv/bin/python tools/screenshots.py     (or: make screenshots)

Uses Debian's chromium through Playwright; writes docs/screenshots/*.png.
Screenshots are pictures for people, not build outputs: `make verify` does not compare them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    letter = "2014-09-10-kerry-unga-north-korea"
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=ARGS)
        for name in ("timeline", "coalition"):
            for label, width, height in (("desktop", 1280, 1600), ("phone", 390, 1400)):
                page = ctx.new_page()
                page.set_viewport_size({"width": width, "height": height})
                page.goto((ROOT / "reports" / letter / f"{name}.html").as_uri())
                page.screenshot(path=str(out / f"{name}-{label}.png"))
                page.close()
                print(f"wrote docs/screenshots/{name}-{label}.png")
        # For reviewers: one cell's code unfolded (desktop) and the colophon (phone).
        for label, width, what in (("desktop", 1280, "code"), ("phone", 390, "colophon")):
            page = ctx.new_page()
            page.set_viewport_size({"width": width, "height": 900})
            page.goto((ROOT / "reports" / letter / "timeline.html").as_uri())
            if what == "code":
                details = page.locator("details.code", has_text="timeline_figure").first
                details.locator("summary").click()
                details.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -120)")
                page.screenshot(path=str(out / f"timeline-code-{label}.png"))
            else:
                page.locator("footer.colophon").screenshot(path=str(out / f"timeline-colophon-{label}.png"))
            page.close()
            print(f"wrote docs/screenshots/timeline-{what}-{label}.png")
        ctx.close()


if __name__ == "__main__":
    main()
