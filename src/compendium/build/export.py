"""An executed notebook → its HTML report: what differs between runs dropped, code folded
under "Show code", the colophon at the end, written into place atomically."""

from __future__ import annotations

import os
from pathlib import Path

from .. import atomic
from .jobs import Job
from .staleness import package_dir


def stable(nb) -> list[str]:
    """Drop what differs between two runs of the same notebook (timings, random ids,
    execution counts that depend on which kernel ran it) and stderr output: a
    warning is shown once per kernel, so in a reused kernel it would appear in
    whichever notebook ran first. Returns the stderr texts for the build log."""
    nb.metadata.pop("papermill", None)
    stderr = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            stderr += [o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
        else:  # stored ids vary (nbstripout renumbers them on commit); the HTML must not
            cell.id = f"cell-{i}"
    return stderr


def _memo(name: str, fn, cache: dict):
    """`fn` remembering its results for short inputs: the code cells are the same in every
    letter's report, so highlighting and sanitizing them is done once per worker, not once
    per report. Only short inputs: a letter's tables and figures, different every time, reach the
    same filters, and kept up to 20,000 characters each they filled the 512 places with entries
    never used again (up to 20 MB a worker); the notebooks' cells are under 1,000 characters."""
    lexer = getattr(fn, "pygments_lexer", None)

    def call(source, *args, **kwargs):
        if not isinstance(source, str) or len(source) > 4_000:
            return fn(source, *args, **kwargs)
        key = (name, lexer, source, repr(args), repr(sorted(kwargs.items())))
        if key not in cache:
            if len(cache) >= 512:
                cache.pop(next(iter(cache)))
            cache[key] = fn(source, *args, **kwargs)
        return cache[key]

    return call


def _accessible(soup) -> int:
    """What nbconvert's HTMLExporter does to the parsed page, without CSS selectors: every
    `img` without `alt` gets one (returns how many), and every `div.jp-Cell-inputWrapper` and
    `div.jp-OutputArea-output` inside a `.jp-Notebook` becomes focusable (tabindex 0)."""
    missing = 0
    for img in soup.find_all("img"):
        if "alt" not in img.attrs:
            img.attrs["alt"] = "No description has been provided for this image"
            missing += 1
    wanted = {"jp-Cell-inputWrapper", "jp-OutputArea-output"}
    for notebook in soup.find_all(class_="jp-Notebook"):
        for div in notebook.find_all("div"):
            if not wanted.isdisjoint(div.get("class") or ()):
                div.attrs["tabindex"] = "0"
    return missing


def exporter():
    from nbconvert import HTMLExporter

    from .. import assets

    class Exporter(HTMLExporter):
        _cache: dict = {}

        def get_prefix_root_dirs(self):  # the installation's templates only, never the user's
            return assets.jupyter_dirs()

        def _register_filter(self, environ, name, jinja_filter):
            if name in ("highlight_code", "clean_html") and callable(jinja_filter) \
                    and not isinstance(jinja_filter, (type, str)):
                jinja_filter = _memo(name, jinja_filter, self._cache)
            return super()._register_filter(environ, name, jinja_filter)

        def from_notebook_node(self, nb, resources=None, **kw):
            """HTMLExporter.from_notebook_node of nbconvert 7.17 (pinned), with its three CSS
            selections over the parsed page (soupsieve: a fifth of the export's time) done as
            plain walks of the same tree (`_accessible`): the same elements get the same
            attributes, so the page is the same, byte for byte (tested)."""
            from bs4 import BeautifulSoup
            from nbconvert.exporters.html import Highlight2HTML, WidgetsDataTypeFilter
            from nbconvert.exporters.templateexporter import TemplateExporter

            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                     resources=resources)
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            soup = BeautifulSoup(html, features="html.parser")
            missing_alt = _accessible(soup)
            if missing_alt:
                self.log.warning("Alternative text is missing on %s image(s).", missing_alt)
            return str(soup), resources

    exp = Exporter(template_name="compendium", extra_template_basedirs=[str(package_dir() / "templates")],
                   template_data_paths=[os.path.join(d, "nbconvert", "templates") for d in assets.jupyter_dirs()])
    # Validate the notebook once after the preprocessors, not after each of the twelve (most of them
    # disabled, every one followed by a full nbformat validation: 0.3 s of 8 reports' export).
    exp.optimistic_validation = True
    exp.exclude_input = False  # code is shown folded under "Show code" (templates/compendium/index.html.j2)
    exp.exclude_input_prompt = True
    exp.exclude_output_prompt = True
    return exp


def write_html(job: Job, nb, root: Path, exporter) -> None:
    """Export a notebook made `stable` to the job's HTML page (moved into place atomically)."""
    import nbformat

    from .. import assets, colophon

    notebook = job.notebook.relative_to(root).as_posix()
    colophon.label_cells(nb, notebook)
    body, _ = exporter.from_notebook_node(nbformat.from_dict(nb), resources={
        "metadata": {"name": job.title()},
        "colophon": colophon.page_html(notebook, job.parameters, job.letter_id),
        "stylesheet": assets.href(job.letter_id)})
    index = "../index.html" if job.letter_id else "index.html"
    body = body.replace("<main>", f'<main><nav class="crumbs"><a href="{index}">All reports</a></nav>', 1)
    atomic.write_text(job.html, body if body.endswith("\n") else body + "\n")
