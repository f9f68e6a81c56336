"""Staleness keys follow what each stage imports (issue 10, item 5): editing a --help
string reruns nothing; editing plots.py reruns the reports but not the processing."""

from __future__ import annotations

import shutil
from pathlib import Path

from compendium import build
from compendium.build import staleness


def _keys(pkg: Path, monkeypatch) -> tuple[str, str]:
    monkeypatch.setattr(staleness, "package_dir", lambda: pkg)
    return staleness.process_code_digest(), staleness.report_code_digest()


def test_cli_help_changes_no_key_and_plots_only_the_reports(tmp_path, monkeypatch):
    pkg = tmp_path / "compendium"
    shutil.copytree(Path(build.__file__).parents[1], pkg, ignore=shutil.ignore_patterns("__pycache__"))
    process0, report0 = _keys(pkg, monkeypatch)

    cli = pkg / "cli.py"
    text = cli.read_text(encoding="utf-8")
    assert 'help="show tracebacks"' in text
    cli.write_text(text.replace('help="show tracebacks"', 'help="show Python tracebacks"'), encoding="utf-8")
    assert _keys(pkg, monkeypatch) == (process0, report0)

    plots = pkg / "plots.py"
    plots.write_text(plots.read_text(encoding="utf-8") + "\n# a change to a figure\n", encoding="utf-8")
    process1, report1 = _keys(pkg, monkeypatch)
    assert process1 == process0 and report1 != report0

    dates = pkg / "letter" / "dates" / "find.py"
    dates.write_text(dates.read_text(encoding="utf-8") + "\n# a change to the parser\n", encoding="utf-8")
    process2, report2 = _keys(pkg, monkeypatch)
    assert process2 != process1 and report2 == report1  # reports follow the processed data, not the parser's code

    months = pkg / "letter" / "dates" / "vocabulary" / "months.tsv"  # the parser's data: a change reprocesses too
    months.write_text(months.read_text(encoding="utf-8") + "en\tsept.\t9\n", encoding="utf-8")
    process3, report3 = _keys(pkg, monkeypatch)
    assert process3 != process2 and report3 == report2


def test_the_keys_name_the_modules_each_stage_imports():
    assert {"letter.clean", "letter.structure", "letter.signatories", "letter.dates", "letter.text", "corrections"} <= set(build.PROCESS_MODULES)
    assert "cli" not in build.PROCESS_MODULES and "cli" not in build.REPORT_MODULES
    assert {"report", "plots", "corpus", "colophon"} <= set(build.REPORT_MODULES)
    assert not any(m.startswith("letter.") for m in build.REPORT_MODULES)  # the parser reruns no report


def test_the_build_subpackage_is_in_the_report_key_by_what_it_imports(tmp_path, monkeypatch):
    """compendium.build is a package: its export and index page count for the reports, its
    driver and verify do not, and nothing of it counts for the processed data."""
    assert {"build.kernel", "build.export", "build.index", "build.jobs", "build.staleness"} <= set(build.REPORT_MODULES)
    assert not {"build", "build.driver", "build.verification", "build.processing"} & set(build.REPORT_MODULES)
    assert not any(m.startswith("build") for m in build.PROCESS_MODULES)
    assert build.import_closure("build.lock") == ("build.lock", "errors", "lock", "paths")
    pkg = tmp_path / "compendium"
    shutil.copytree(Path(build.__file__).parents[1], pkg, ignore=shutil.ignore_patterns("__pycache__"))
    process0, report0 = _keys(pkg, monkeypatch)
    driver = pkg / "build" / "verification.py"
    driver.write_text(driver.read_text(encoding="utf-8") + "\n# a change to verify\n", encoding="utf-8")
    assert _keys(pkg, monkeypatch) == (process0, report0)
    export = pkg / "build" / "export.py"
    export.write_text(export.read_text(encoding="utf-8") + "\n# a change to the export\n", encoding="utf-8")
    process1, report1 = _keys(pkg, monkeypatch)
    assert process1 == process0 and report1 != report0


def test_a_dependency_listed_in_the_colophon_is_in_the_report_key(monkeypatch):
    # Each page's colophon lists the package's direct dependencies from pyproject.toml; a
    # dependency added there must make the pages stale, or they would list the old ones.
    from compendium import colophon

    before = staleness.report_code_digest()
    deps = colophon.direct_dependencies()
    assert "pandas" in deps and "papermill" in deps
    monkeypatch.setattr(colophon, "direct_dependencies", lambda: [*deps, "duckdb"])
    assert staleness.report_code_digest() != before
    monkeypatch.setattr(colophon, "direct_dependencies", lambda: deps)
    assert staleness.report_code_digest() == before
