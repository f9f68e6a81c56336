"""reports/index.html: one row per letter with its reports, the corpus report's link, the colophon.
The page is templates/reports-index.html (string.Template: $corpus, $rows, $colophon)."""

from __future__ import annotations

import html
from string import Template

from .. import assets, atomic, colophon, paths
from .jobs import CORPUS, TITLES
from .staleness import package_dir

TEMPLATE = "reports-index.html"


def write_index(letter_ids: list[str], names: list[str]) -> None:
    assets.write()  # the pages' style sheet, linked from each (reports/assets/report.css)

    from ..store import letter_rows

    rows, letters = [], letter_rows(paths.processed_dir())  # the corpus store, not N letter.json files
    for lid in letter_ids:
        meta = letters[lid]
        links = " · ".join(f'<a href="{html.escape(lid)}/{n}.html">{html.escape(TITLES[n].lower())}</a>'
                           for n in names if (paths.reports_dir() / lid / f"{n}.html").exists())
        rows.append(f"<tr><td>{html.escape(meta['date'])}</td><td>{html.escape(meta.get('subject') or lid)}"
                    f"<br><code>{html.escape(lid)}</code></td><td>{int(meta['signatory_count'])}</td>"
                    f"<td>{links or 'no reports yet'}</td></tr>")
    if (paths.reports_dir() / f"{CORPUS}.html").exists() and len(letter_ids) >= 2:
        corpus = f'<p><a href="corpus.html">Corpus report</a>: who signs with whom across all {len(letter_ids)} letters.</p>'
    else:
        corpus = "<p>A corpus report (who signs with whom across letters) is built once two letters are registered.</p>"
    page = Template((package_dir() / "templates" / TEMPLATE).read_text(encoding="utf-8"))
    atomic.write_text(paths.reports_dir() / "index.html",
                      page.substitute(corpus=corpus, rows="\n".join(rows), colophon=colophon.index_html()))
